"""Small helpers shared by the rule modules (phrase lists compiled once, snippets for messages)."""

from __future__ import annotations

import re

from contract_analyzer.check.context import CheckContext
from contract_analyzer.text.iso import parse_iso_duration


def rx(*phrases: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of the phrases (regex syntax allowed)."""
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def snippet(ctx: CheckContext, start: int, end: int, width: int = 90) -> str:
    """A one-line quotation of a span, shortened for a message."""
    text = " ".join(ctx.text[start:end].split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def near(ctx: CheckContext, pattern: re.Pattern[str], start: int, end: int, window: int) -> bool:
    """True when ``pattern`` occurs within ``window`` characters of a span."""
    lo, hi = max(0, start - window), min(len(ctx.text), end + window)
    return pattern.search(ctx.text, lo, hi) is not None


def value_days(value: object) -> float | None:
    """Days from a key date's value (a number of days, "90 days", or an object with ``.days``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    days = getattr(value, "days", None)
    if isinstance(days, (int, float)):
        return float(days)
    if isinstance(value, str):
        iso = parse_iso_duration(value)
        if iso:
            amount, unit = iso
            return float(amount) * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        m = re.search(r"(\d+(?:\.\d+)?)\s*(day|week|month|year)?", value, re.IGNORECASE)
        if m:
            factor = {"week": 7, "month": 30, "year": 365}.get((m.group(2) or "day").lower(), 1)
            return float(m.group(1)) * factor
    return None


def yes_no(value: object) -> bool | None:
    """A key date's yes/no value ("yes", "no", True, False) as a bool, else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"yes", "no", "true", "false"}:
        return value.strip().lower() in {"yes", "true"}
    return None
