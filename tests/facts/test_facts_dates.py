"""Dates: the formats contracts use, partial and ambiguous dates, and no false hits."""

from __future__ import annotations

import datetime as dt

import pytest

import contract_analyzer as ca
from contract_analyzer.facts import extract_dates
from contract_analyzer.settings import Settings


def one(text: str, **kw):
    found = extract_dates(text, **kw)
    assert len(found) == 1, (text, found)
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 1, 2024", dt.date(2024, 3, 1)),
        ("Mar. 5, 2024", dt.date(2024, 3, 5)),
        ("1st day of March, 2024", dt.date(2024, 3, 1)),
        ("this 8th day of May 2014", dt.date(2014, 5, 8)),
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("03/01/2024", dt.date(2024, 3, 1)),
        ("01.03.2024", dt.date(2024, 3, 1)),
        ("15 June 2016", dt.date(2016, 6, 15)),
        ("Monday, January 12th, 2016", dt.date(2016, 1, 12)),
        ("the tenth day of September, two thousand", dt.date(2000, 9, 10)),
        ("September the twenty-first nineteen seventy eight", dt.date(1978, 9, 21)),
        ("the thirty-first day of December, 2025", dt.date(2025, 12, 31)),
        ("05-Aug-2016", dt.date(2016, 8, 5)),
        ("2019-sep-1", dt.date(2019, 9, 1)),
        ("16. Nov. 2016", dt.date(2016, 11, 16)),
        # text layers of PDFs split ordinals: "20t h day of November, 2018"
        ("20t h day of November, 2018", dt.date(2018, 11, 20)),
        ("21s t day of February 2011", dt.date(2011, 2, 21)),
    ],
)
def test_formats(text: str, expected: dt.date) -> None:
    m = one(f"This Agreement is dated {text} by and between the parties.")
    assert m.value == expected
    assert m.precision == "day"


def test_span_covers_the_whole_date() -> None:
    text = "entered into as of the 1st day of March, 2024 (the Effective Date)"
    m = one(text)
    assert m.text == "1st day of March, 2024"


def test_date_split_by_a_line_break() -> None:
    m = one("made and entered into as of March 1,\n   2024 by and between")
    assert m.value == dt.date(2024, 3, 1)
    assert "\n" in m.text


@pytest.mark.parametrize(
    ("text", "precision", "year", "month"),
    [
        ("effective March 2024", "month", 2024, 3),
        ("dated September ___, 2019", "month", 2019, 9),
        ("made this [ ] day of [ ], 2020", "year", 2020, None),
        ("as of [•], 2020 between", "year", 2020, None),
    ],
)
def test_partial_dates_keep_what_is_known(text, precision, year, month) -> None:
    m = one(text)
    assert m.value is None
    assert m.is_partial and m.precision == precision
    assert (m.year, m.month) == (year, month)


def test_day_and_month_without_year_resolve_with_a_reference() -> None:
    assert one("no later than June 30 of each year").value is None
    m = one("no later than June 30 of each year", reference=dt.date(2024, 7, 1))
    assert m.value == dt.date(2025, 6, 30) and m.precision == "month_day"


def test_ambiguity_is_reported_and_follows_the_setting() -> None:
    m = one("dated 03/01/2024")
    assert m.ambiguous and m.value == dt.date(2024, 3, 1) and m.alternative == dt.date(2024, 1, 3)
    m = one("dated 03/01/2024", settings=Settings(date_order="DMY"))
    assert m.value == dt.date(2024, 1, 3) and m.order == "DMY"
    assert not one("dated 25/12/2023").ambiguous  # 25 cannot be a month


def test_the_text_own_order_decides_ambiguous_dates() -> None:
    found = extract_dates("Signed 25/12/2023. Effective 03/01/2024.")
    assert [m.value for m in found] == [dt.date(2023, 12, 25), dt.date(2024, 1, 3)]
    assert found[1].ambiguous and found[1].order == "DMY"


def test_two_digit_years() -> None:
    assert one("signed 3-14-18").value == dt.date(2018, 3, 14)
    assert one("signed 05/05/89").value == dt.date(1989, 5, 5)
    assert one("signed 05/05/89").two_digit_year
    # with a reference: within 80 years before and 20 after it
    assert one("on 03/18/40", reference=dt.date(2016, 11, 7)).value == dt.date(1940, 3, 18)


def test_leap_days() -> None:
    assert one("on February 29, 2024").value == dt.date(2024, 2, 29)
    m = one("on February 29, 2023")
    assert m.value is None and m.invalid
    assert one("on 2/29/2020").value == dt.date(2020, 2, 29)


def test_relative_dates_need_a_reference() -> None:
    assert one("we will meet tomorrow").value is None
    ref = dt.date(2016, 11, 7)  # a Monday
    assert one("we will meet tomorrow", reference=ref).value == dt.date(2016, 11, 8)
    assert one("two weeks from now", reference=ref).value == dt.date(2016, 11, 21)
    assert one("next Sunday", reference=ref).value == dt.date(2016, 11, 20)
    assert one("the first friday of july", reference=ref).value == dt.date(2016, 7, 1)
    assert one("3 days after January 12, 2017").value == dt.date(2017, 1, 15)


@pytest.mark.parametrize(
    "text",
    [
        "pursuant to Section 12.3 of the Agreement",
        "as described in Sections 2.1 and 4.22",
        "a fee of $1,000.00 per month",
        "a discount of 15% on list prices",
        "the Fair Credit Reporting Act, 15 U.S.C. 1681 et seq.",
        "See Exhibit 10.1, Form 10-K and version 1.2.10",
        "24/7 support by phone at 555-123-4567",
        "an uptime of 99.9% measured monthly",
        "The Licensee may, within 30 days",
        "The Company may 30 days after notice",
        "Support is available Monday through Friday",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert extract_dates(text) == []


def test_public_name_and_empty_text() -> None:
    assert ca.extract_dates is extract_dates
    assert extract_dates("") == []
    assert extract_dates("   \n ") == []
