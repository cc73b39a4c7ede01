"""Number words, roman numerals and ISO 8601 durations: one implementation each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contract_analyzer.text.iso import iso_duration, parse_iso_duration
from contract_analyzer.text.numbers import number_to_words, words_to_int
from contract_analyzer.text.roman import int_to_roman, roman_to_int


@pytest.mark.parametrize("n", [0, 1, 7, 13, 20, 21, 45, 99, 100, 101, 342, 999])
def test_number_words_round_trip(n: int) -> None:
    words = number_to_words(n).replace("-", " - ").split()
    assert words_to_int(words) == n


def test_ordinal_words() -> None:
    assert number_to_words(1, ordinal=True) == "first"
    assert number_to_words(22, ordinal=True) == "twenty-second"
    assert number_to_words(100, ordinal=True) == "one hundredth"
    assert number_to_words(1000) == "1000"


@pytest.mark.parametrize("n", range(1, 400))
def test_roman_round_trip(n: int) -> None:
    assert roman_to_int(int_to_roman(n)) == n
    assert roman_to_int(int_to_roman(n).upper()) == n


def test_roman_rejects_non_numerals_and_limits() -> None:
    assert roman_to_int("") is None
    assert roman_to_int("iiii") is None
    assert roman_to_int("abc") is None
    assert roman_to_int("c", maximum=89) is None
    assert roman_to_int("lxxxix", maximum=89) == 89


def test_iso_durations() -> None:
    assert iso_duration(Decimal(90), "day") == "P90D"
    assert iso_duration(Decimal(1), "quarter") == "P3M"
    assert iso_duration(Decimal(2), "fortnight") == "P28D"
    assert iso_duration(Decimal(5), "day", business=True) is None
    assert parse_iso_duration("p12m") == (Decimal(12), "month")
    assert parse_iso_duration("P1.5Y") == (Decimal("1.5"), "year")
    assert parse_iso_duration("yes") is None
