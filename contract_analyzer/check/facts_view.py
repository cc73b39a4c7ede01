"""The facts extractors as the rules need them: mentions in a span, offsets made absolute.

The facts stage (``contract_analyzer.facts``) owns the parsing of durations, money and
percentages; this module only runs it on a slice of the contract and keeps the fields the
rules read, so the rules stay independent of its internals.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """A fact found in the contract: absolute span, text and normalised value.

    ``unit`` for durations is the facts stage's canonical unit ("day", "month", "year", ...)
    with business days as ``business_day``; ``days`` their approximate length. ``relation``
    is "before"/"after" when the period is counted before or after something.
    ``inconsistent``: words and digits disagree ("thirty (45) days").
    """

    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    days: float | None = None
    relation: str | None = None
    inconsistent: bool = False


def durations(text: str, start: int, end: int) -> list[Mention]:
    """Durations ("thirty (30) days", "net 45", "one-year") between two offsets of ``text``."""
    from contract_analyzer.facts import extract_durations

    return [
        Mention(
            start + d.start,
            start + d.end,
            d.text,
            float(d.amount) if d.amount is not None else None,
            "business_day" if d.business and d.unit == "day" else d.unit,
            d.days,
            d.relation,
            d.inconsistent,
        )
        for d in extract_durations(text[start:end])
    ]


def money(text: str, start: int, end: int) -> list[Mention]:
    """Sums of money ("$12,500 per month", "USD 1,000,000") between two offsets."""
    from contract_analyzer.facts import extract_money

    return [
        Mention(
            start + m.start,
            start + m.end,
            m.text,
            float(m.amount),
            m.currency,
            inconsistent=m.inconsistent,
        )  # fmt: skip
        for m in extract_money(text[start:end])
    ]


def percentages(text: str, start: int, end: int) -> list[Mention]:
    """Percentages ("99.9%", "five percent") between two offsets."""
    from contract_analyzer.facts import extract_percentages

    return [
        Mention(
            start + p.start, start + p.end, p.text, float(p.value), "%", inconsistent=p.inconsistent
        )  # fmt: skip
        for p in extract_percentages(text[start:end])
    ]
