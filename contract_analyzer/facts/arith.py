"""Calendar arithmetic for periods and terms, in one place: every derived date goes through here.

``python-dateutil``'s ``relativedelta`` does the month and year arithmetic, so Jan 31 + 1 month
is Feb 28 (Feb 29 in a leap year) and Feb 29 + 1 year is Feb 28, the convention contracts and
calendars use. Business days skip Saturdays and Sundays (public holidays are not modelled and
the derivation text says so where it matters).

Term ends. A term "for N months/years" from a start date has two readings, both kept:

* the **last day of the term** (:func:`term_end`, ``KeyDate.date``): the day before the N-th
  anniversary, so a 12-month term from 2024-03-01 ends 2025-02-28 (the library's convention:
  the last day on which the contract is still in force);
* the **anniversary** (:func:`anniversary`, ``KeyDate.anniversary``): 2025-03-01, the day the
  next term starts, which is how CUAD's annotators and many calendars write the end.

Month ends (:func:`add_months`): a date that is the last day of its month moves to the last
day of the target month (30 April + 1 month = 31 May, 29 February 2024 + 12 months = 28
February 2025); any other day keeps its number, clipped to the month's length (31 January + 1
month = 29 February 2024). Renewal terms are counted from the original start in one step,
never from the previous end (:func:`renewal_end`), so nothing drifts: a monthly term from 30
November has anniversaries on the last day of every month and ends on the day before (30
December, 27 February...); a monthly term from 31 January ends 28 February 2024, 30 March, 29
April. A term from 29 February 2024 for 12 months has its anniversary on 28 February 2025 and
its last day on 27 February 2025. Without a start date (an end date stated in the text)
renewals are counted from the day after the stated end.

Notice deadlines (:func:`notice_deadline`): "no later than N days before X", "at least N days
prior to X" and "N days' notice before X" all give X minus N days: the last day on which notice
is still in time.
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
    result = add_months(start, months) if months else start
    if days:
        result = result + timedelta(days=round(days))
    return result


def is_month_end(day: date) -> bool:
    """True for the last day of a month (28/29 February, 30 April, 31 December...)."""
    return (day + timedelta(days=1)).day == 1


def add_months(start: date, months: int) -> date:
    """``start`` + ``months`` calendar months: a month's last day stays a month's last day,
    any other day keeps its number, clipped to the target month's length."""
    result = start + relativedelta(months=months)
    if is_month_end(start):
        result = result + relativedelta(day=31)
    return result


def anniversary(start: date, amount: Decimal | float | int, unit: str) -> date:
    """The day a term of ``amount`` ``unit``s from ``start`` is over (its N-th anniversary):
    the first day of the next term."""
    return add_period(start, amount, unit)


def term_end(
    start: date, amount: Decimal | float | int, unit: str, *, business: bool = False
) -> date:
    """The last day of a term of ``amount`` ``unit``s starting on ``start`` (the day before
    its anniversary); for business days, the last business day of the term."""
    if business and unit == "day":
        return add_business_days(start, int(Decimal(str(amount))) - 1)
    return add_period(start, amount, unit) - timedelta(days=1)


def renewal_end(
    start: date,
    initial: tuple[Decimal | float | int, str] | None,
    renewal: tuple[Decimal | float | int, str],
    renewals: int,
) -> date:
    """The last day of the term after ``renewals`` renewals, counted from the original start.

    ``start`` is the start of the initial term when ``initial`` (its length) is given; else
    ``start`` is the first day after the initial term (the day after a stated end date).
    Months and years are added in one step from ``start``, so month ends do not drift.
    """
    r_amount, r_unit = renewal
    if initial is None:
        first = start
        return _span_end(first, [(r_amount, r_unit, renewals)])
    i_amount, i_unit = initial
    return _span_end(start, [(i_amount, i_unit, 1), (r_amount, r_unit, renewals)])


def _span_end(start: date, parts: list[tuple[Decimal | float | int, str, int]]) -> date:
    """The day before ``start`` + the sum of ``count`` x (``amount`` ``unit``) for every part;
    months of all parts are added together first, then days."""
    months = Decimal(0)
    days = Decimal(0)
    for amount, unit, count in parts:
        amount = Decimal(str(amount)) * count
        if unit in _MONTHS_PER:
            months += amount * _MONTHS_PER[unit]
        else:
            days += Decimal(str(_months_or_days(amount, unit)[1]))
    whole = int(months)
    days += (months - whole) * Decimal("30.4375")
    result = add_months(start, whole) if whole else start
    return result + timedelta(days=round(float(days))) - timedelta(days=1)


def notice_deadline(
    end: date, amount: Decimal | float | int, unit: str, *, business: bool = False
) -> date:
    """The last day to give notice of ``amount`` ``unit``s before ``end`` ("no later than 90
    days before", "at least 90 days prior to" and "90 days' notice before" read the same)."""
    return add_period(end, -Decimal(str(amount)), unit, business=business)


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
