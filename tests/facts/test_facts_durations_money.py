"""Durations, money and percentages as contracts write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

import contract_analyzer as ca
from contract_analyzer.facts import extract_durations, extract_money, extract_percentages


def one_duration(text: str):
    found = extract_durations(text)
    assert len(found) == 1, (text, found)
    d = found[0]
    assert text[d.start : d.end] == d.text
    return d


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("within thirty (30) days of receipt", 30, "day"),
        ("for three (3) years", 3, "year"),
        ("a term of 36 months", 36, "month"),
        ("a one-year term", 1, "year"),
        ("for successive one (1) year periods", 1, "year"),
        ("ninety (90) days prior to expiry", 90, "day"),
        ("payment terms are net 45", 45, "day"),
        ("within ten (10) business days", 10, "day"),
        ("for a period of twenty-four (24) months", 24, "month"),
        ("for one (I) year", 1, "year"),
        ("an hour and a half", Decimal("1.5"), "hour"),
        ("two and a half hours", Decimal("2.5"), "hour"),
        ("respond within 4 hours", 4, "hour"),
        ("3.5years", Decimal("3.5"), "year"),
        ("for ten (10) Contract Years", 10, "year"),
    ],
)
def test_durations(text: str, amount, unit: str) -> None:
    d = one_duration(text)
    assert d.amount == Decimal(amount) and d.unit == unit


def test_duration_details() -> None:
    d = one_duration("within ten (10) business days")
    assert d.business and d.days == pytest.approx(14.0)
    assert one_duration("ninety (90) days prior to the end").relation == "before"
    assert one_duration("thirty (30) days after the Effective Date").relation == "after"
    assert one_duration("renews for successive one (1) year periods").successive
    assert one_duration("net 45").net
    assert one_duration("a term of 36 months").days == pytest.approx(36 * 365.25 / 12)
    bad = one_duration("within thirty (45) days")
    assert bad.inconsistent and bad.amount == 30
    assert one_duration("several days").vague


@pytest.mark.parametrize(
    "text",
    ["a second renewal term", "the fifteenth (15th) Contract Year", "Section 3 applies", "15%"],
)
def test_no_duration(text: str) -> None:
    assert extract_durations(text) == []


@pytest.mark.parametrize(
    ("text", "amount", "currency", "period"),
    [
        ("a fee of $12,500 per month", "12500", "USD", "month"),
        ("USD 1,000,000 in total", "1000000", "USD", None),
        ("EUR 4,000 per year", "4000", "EUR", "year"),
        ("a fee of EUR4,000", "4000", "EUR", None),
        ("one hundred thousand dollars ($100,000)", "100000", "USD", None),
        ("US$ 5 million annually", "5000000", "USD", "year"),
        ("£250 per hour", "250", "GBP", "hour"),
        ("$50 per user per month", "50", "USD", "month"),
    ],
)
def test_money(text: str, amount: str, currency: str, period: str | None) -> None:
    found = extract_money(text)
    assert len(found) == 1, found
    m = found[0]
    assert (m.amount, m.currency, m.period) == (Decimal(amount), currency, period)
    assert text[m.start : m.end] == m.text


def test_money_details() -> None:
    (m,) = extract_money("$50 per user per month")
    assert m.per == "user"
    (m,) = extract_money("one thousand dollars ($10,000)")
    assert m.inconsistent
    assert extract_money("99.9% monthly uptime, Section 4.2, March 1, 2024") == []


def test_percentages() -> None:
    (p,) = extract_percentages("99.9% monthly uptime")
    assert p.value == Decimal("99.9") and p.text == "99.9%"
    (p,) = extract_percentages("fifty percent (50%) of the fees")
    assert p.value == 50 and not p.inconsistent
    assert extract_percentages("a fee of $1,000.00 on March 1, 2024") == []
    assert ca.extract_percentages is extract_percentages
