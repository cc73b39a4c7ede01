"""Calendar arithmetic for periods: months end-of-month aware, business days skip weekends.

``python-dateutil``'s ``relativedelta`` does the month and year arithmetic, so Jan 31 + 1 month
is Feb 28 (Feb 29 in a leap year) and Feb 29 + 1 year is Feb 28, the convention contracts and
calendars use. Business days skip Saturdays and Sundays (public holidays are not modelled and
the derivation text says so where it matters).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

_MONTHS_PER: dict[str, int] = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
_DAYS_PER: dict[str, int] = {"day": 1, "week": 7, "fortnight": 14}


def _months_or_days(amount: Decimal | float | int, unit: str) -> tuple[int, float]:
    """Whole months and remaining days for ``amount`` ``unit``s (fractions of a month -> days)."""
    amount = Decimal(str(amount))
    if unit in _MONTHS_PER:
        months = amount * _MONTHS_PER[unit]
        whole = int(months)
        return whole, float((months - whole) * Decimal("30.4375"))
    if unit in _DAYS_PER:
        return 0, float(amount * _DAYS_PER[unit])
    if unit == "hour":
        return 0, float(amount / 24)
    if unit == "minute":
        return 0, float(amount / 1440)
    if unit == "second":
        return 0, float(amount / 86400)
    raise ValueError(f"unknown unit {unit!r}")


def add_period(
    start: date, amount: Decimal | float | int, unit: str, *, business: bool = False
) -> date:
    """``start`` moved by ``amount`` ``unit``s (negative to go back).

    Months/quarters/years use calendar months (end-of-month clipped); days count calendar days,
    or weekdays when ``business`` is true.
    """
    if business and unit == "day":
        return add_business_days(start, int(Decimal(str(amount))))
    months, days = _months_or_days(amount, unit)
    result = start + relativedelta(months=months) if months else start
    if days:
        result = result + timedelta(days=round(days))
    return result


def add_business_days(start: date, n: int) -> date:
    """``start`` moved by ``n`` weekdays (Monday-Friday); negative ``n`` goes back."""
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = start
    while remaining:
        current += timedelta(days=step)
        if current.weekday() < 5:
            remaining -= 1
    return current


def days_approx(amount: Decimal | float | int, unit: str) -> float:
    """Approximate length in days (a month is 365.25/12 days), for comparing periods."""
    from contract_analyzer.facts.vocab import UNIT_DAYS

    return float(Decimal(str(amount))) * UNIT_DAYS[unit]
