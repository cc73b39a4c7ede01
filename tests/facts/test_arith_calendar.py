"""Calendar arithmetic: month ends, 29 February, renewals counted from the start, business
days, notice deadlines ("no later than" and "at least ... prior" alike)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contract_analyzer.facts.arith import (
    add_months,
    add_period,
    anniversary,
    is_month_end,
    notice_deadline,
    renewal_end,
    term_end,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "want"),
    [
        (D(2024, 4, 30), 1, D(2024, 5, 31)),  # a month's last day stays a month's last day
        (D(2024, 4, 30), 8, D(2024, 12, 31)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 2, 28), 12, D(2026, 2, 28)),
        (D(2025, 2, 28), 1, D(2025, 3, 31)),
        (D(2024, 1, 30), 1, D(2024, 2, 29)),  # not a month end: clipped
        (D(2024, 3, 30), 1, D(2024, 4, 30)),
        (D(2024, 5, 31), -1, D(2024, 4, 30)),
        (D(2024, 3, 15), 36, D(2027, 3, 15)),
    ],
)
def test_add_months(start: dt.date, months: int, want: dt.date) -> None:
    assert add_months(start, months) == want
    assert add_period(start, months, "month") == want


def test_is_month_end() -> None:
    assert is_month_end(D(2024, 2, 29)) and is_month_end(D(2023, 2, 28))
    assert not is_month_end(D(2024, 2, 28)) and is_month_end(D(2024, 12, 31))


def test_term_end_and_anniversary() -> None:
    # 12 months from 29 February 2024: anniversary 28 February 2025, last day the 27th
    assert anniversary(D(2024, 2, 29), 12, "month") == D(2025, 2, 28)
    assert term_end(D(2024, 2, 29), 12, "month") == D(2025, 2, 27)
    assert term_end(D(2024, 2, 29), 1, "year") == D(2025, 2, 27)
    assert term_end(D(2024, 3, 1), 36, "month") == D(2027, 2, 28)
    assert term_end(D(2024, 1, 31), 1, "month") == D(2024, 2, 28)
    # 10 business days from Monday 4 March 2024: the 10th business day is Friday 15 March
    assert term_end(D(2024, 3, 4), 10, "day", business=True) == D(2024, 3, 15)


def test_monthly_renewals_do_not_drift() -> None:
    # a monthly term from 31 January 2024: anniversaries on the last day of each month
    ends = [renewal_end(D(2024, 1, 31), (1, "month"), (1, "month"), k) for k in range(4)]
    assert ends == [D(2024, 2, 28), D(2024, 3, 30), D(2024, 4, 29), D(2024, 5, 30)]
    # a monthly term from 30 November: never the 28th or 29th of every month
    ends = [renewal_end(D(2023, 11, 30), (1, "month"), (1, "month"), k) for k in (0, 3, 12)]
    assert ends == [D(2023, 12, 30), D(2024, 3, 30), D(2024, 12, 30)]
    # counted from the day after a stated end date (no start known)
    assert renewal_end(D(2025, 3, 1), None, (1, "year"), 3) == D(2028, 2, 29)
    assert renewal_end(D(2025, 3, 1), None, (1, "year"), 0) == D(2025, 2, 28)
    # mixed units: 36 months then yearly
    assert renewal_end(D(2024, 2, 15), (36, "month"), (12, "month"), 1) == D(2028, 2, 14)
    assert renewal_end(D(2024, 1, 1), (Decimal("1.5"), "year"), (6, "month"), 1) == D(2025, 12, 31)


def test_notice_deadlines() -> None:
    # the known bug: a monthly term from 30 April, 14 days' notice before the December end
    end = renewal_end(D(2024, 4, 30), (1, "month"), (1, "month"), 7)
    assert end == D(2024, 12, 30)
    assert notice_deadline(end, 14, "day") == D(2024, 12, 16)
    assert notice_deadline(D(2027, 2, 28), 90, "day") == D(2026, 11, 30)
    assert notice_deadline(D(2025, 3, 31), 1, "month") == D(2025, 2, 28)
    assert notice_deadline(D(2025, 2, 28), 1, "month") == D(2025, 1, 31)  # month end to month end
    # business days skip weekends: 5 business days before Monday 10 March 2025 is Monday 3rd
    assert notice_deadline(D(2025, 3, 10), 5, "day", business=True) == D(2025, 3, 3)
    assert notice_deadline(D(2025, 3, 9), 1, "day", business=True) == D(2025, 3, 7)
