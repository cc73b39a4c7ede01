"""ISO 8601 durations of contract periods: "P90D", "P12M", "P1Y", both ways."""

from __future__ import annotations

import re
from decimal import Decimal

_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_UNITS = {v: k for k, v in _CODES.items()}
_PATTERN = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")


def iso_duration(amount: Decimal, unit: str, business: bool = False) -> str | None:
    """ISO 8601 duration for a period ("P90D"); quarters and decades in months and years,
    fortnights in days. None for business days and units ISO cannot write."""
    if business:
        return None
    if unit == "quarter":
        amount, unit = amount * 3, "month"
    elif unit == "decade":
        amount, unit = amount * 10, "year"
    elif unit == "fortnight":
        amount, unit = amount * 14, "day"
    code = _CODES.get(unit)
    return f"P{amount.normalize():f}{code}" if code else None


def parse_iso_duration(value: str) -> tuple[Decimal, str] | None:
    """``"P90D"`` -> ``(Decimal(90), "day")``; None when ``value`` is not such a duration."""
    m = _PATTERN.match(value.strip().upper())
    if m is None:
        return None
    return Decimal(m.group(1)), _UNITS[m.group(2)]
