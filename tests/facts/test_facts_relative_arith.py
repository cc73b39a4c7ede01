"""Relative dates and the calendar arithmetic behind every derived date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from contract_analyzer.facts import extract_relative_dates
from contract_analyzer.facts.arith import add_business_days, add_period

ANCHORS = {"Effective Date": dt.date(2024, 3, 1), "date hereof": dt.date(2024, 1, 15)}


def test_offset_from_a_named_date() -> None:
    (r,) = extract_relative_dates(
        "Payment is due thirty (30) days after the Effective Date.", anchors=ANCHORS
    )
    assert (r.amount, r.unit, r.direction, r.anchor) == (
        Decimal(30),
        "day",
        "after",
        "Effective Date",
    )
    assert r.value == dt.date(2024, 3, 31)
    assert r.derivation == "Effective Date 2024-03-01 + 30 days = 2024-03-31"


def test_anniversary() -> None:
    (r,) = extract_relative_dates("on the first anniversary of the Effective Date", anchors=ANCHORS)
    assert r.anniversary and r.value == dt.date(2025, 3, 1)
    (r,) = extract_relative_dates("until the five (5) year anniversary of the Effective Date")
    assert r.amount == 5 and r.value is None  # anchor unknown: stated, not guessed


def test_before_and_date_hereof() -> None:
    (r,) = extract_relative_dates(
        "no later than ninety (90) days prior to the Effective Date", anchors=ANCHORS
    )
    assert r.direction == "before" and r.value == dt.date(2023, 12, 2)
    (r,) = extract_relative_dates("for five (5) years from the date hereof", anchors=ANCHORS)
    assert r.value == dt.date(2029, 1, 15)
    (r,) = extract_relative_dates(
        "within 10 business days after the Effective Date", anchors=ANCHORS
    )
    assert r.business and r.value == dt.date(2024, 3, 15)


def test_month_end_and_leap_day_arithmetic() -> None:
    assert add_period(dt.date(2024, 1, 31), 1, "month") == dt.date(2024, 2, 29)
    assert add_period(dt.date(2023, 1, 31), 1, "month") == dt.date(2023, 2, 28)
    assert add_period(dt.date(2024, 2, 29), 1, "year") == dt.date(2025, 2, 28)
    assert add_period(dt.date(2024, 3, 1), 36, "month") == dt.date(2027, 3, 1)
    assert add_period(dt.date(2027, 3, 1), -90, "day") == dt.date(2026, 12, 1)
    assert add_period(dt.date(2024, 1, 1), Decimal("1.5"), "year") == dt.date(2025, 7, 1)
    assert add_period(dt.date(2024, 1, 1), 1, "quarter") == dt.date(2024, 4, 1)


def test_business_days_skip_weekends() -> None:
    friday = dt.date(2024, 3, 1)
    assert add_business_days(friday, 1) == dt.date(2024, 3, 4)
    assert add_business_days(friday, -1) == dt.date(2024, 2, 29)
    assert add_period(friday, 10, "day", business=True) == dt.date(2024, 3, 15)


def test_anniversaries_searched_in_runs_equal_the_full_search():
    """Anniversaries are looked for only in the character runs around "anniversary": the
    same matches as running the pattern over the whole text."""
    from contract_analyzer.facts import relative

    texts = [
        "On the first anniversary of the Effective Date, and the second anniversary of the "
        "Closing Date. Later, the five (5) year anniversary of Effective Date applies.",
        "x.twenty-first anniversary of the date hereof;anniversary of Term (third anniversary "
        "of the Commencement Date)",
        "ANNIVERSARY OF THE EFFECTIVE DATE; the 3rd Anniversary of the Launch Date",
        "no such word here",
    ]
    for text in texts:
        want = [m.span() for m in relative._ANNIVERSARY.finditer(text)]
        assert [m.span() for m in relative._anniversaries(text)] == want
    assert [m.span() for m in relative._anniversaries(texts[0])]  # found some
