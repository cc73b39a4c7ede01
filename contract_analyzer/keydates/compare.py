"""Compare a :class:`KeyDate` with an expected value written the ground-truth way.

Ground truth (data/sample_contracts/ground_truth.yaml, and any hand-made set like it) writes a
key date as an ISO date (``date: "2027-03-31"``) or a ``value``: an ISO 8601 duration
("P90D", "P12M", "P1Y"), "yes"/"no" for auto-renewal, "perpetual"/"evergreen" for a term
without an end date. Durations compare by length in their own calendar unit, so "P1Y" equals
"P12M" and "P2W" equals "P14D", but "P30D" never equals "P1M".
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from contract_analyzer.keydates import KeyDate
from contract_analyzer.text.iso import parse_iso_duration

_IN_BASE = {
    "day": (Decimal(1), "D"),
    "week": (Decimal(7), "D"),
    "month": (Decimal(1), "M"),
    "year": (Decimal(12), "M"),
}


def normalize_duration(iso: str) -> tuple[Decimal, str] | None:
    """``"P1Y"`` -> ``(12, "M")``, ``"P2W"`` -> ``(14, "D")``; None when not a simple duration."""
    parsed = parse_iso_duration(iso)
    if parsed is None:
        return None
    amount, unit = parsed
    factor, base = _IN_BASE[unit]
    return amount * factor, base


def expected_text(expected: Mapping[str, Any]) -> str:
    """The expected value of a ground-truth entry as one string (its date, else its value)."""
    return str(expected.get("date") or expected.get("value") or "")


def got_text(got: KeyDate | None) -> str:
    """What the pipeline produced, shown the way ground truth writes it."""
    if got is None:
        return "(none)"
    if got.date is not None:
        return got.date.isoformat()
    return got.duration or got.value or "(empty)"


def key_date_matches(expected: Mapping[str, Any], got: KeyDate | None) -> bool:
    """True when ``got`` carries the expected date, duration or value."""
    if got is None:
        return False
    if expected.get("date"):
        return got.date is not None and got.date.isoformat() == str(expected["date"])
    want = str(expected.get("value", "")).strip().lower()
    if not want:
        return False
    want_period = normalize_duration(want)
    if want_period is not None:
        have = normalize_duration(got.duration) if got.duration else None
        return have == want_period
    return (got.value or "").strip().lower() == want
