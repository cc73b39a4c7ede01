"""The document's facts as the rules need them: the mentions of one span, as plain records.

The facts stage (``contract_analyzer.facts``) owns the parsing of durations, money and
percentages; this module only keeps the fields the rules read from a ``Facts.within`` view,
so the rules stay independent of the facts' internals.
"""

from __future__ import annotations

from dataclasses import dataclass

from contract_analyzer.facts import Facts


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


def durations(facts: Facts) -> list[Mention]:
    """Durations ("thirty (30) days", "net 45", "one-year") of a span's facts."""
    return [
        Mention(
            d.start,
            d.end,
            d.text,
            float(d.amount) if d.amount is not None else None,
            "business_day" if d.business and d.unit == "day" else d.unit,
            d.days,
            d.relation,
            d.inconsistent,
        )
        for d in facts.durations
    ]


def money(facts: Facts) -> list[Mention]:
    """Sums of money ("$12,500 per month", "USD 1,000,000") of a span's facts."""
    return [
        Mention(
            m.start,
            m.end,
            m.text,
            float(m.amount),
            m.currency,
            inconsistent=m.inconsistent,
        )  # fmt: skip
        for m in facts.money
    ]


def percentages(facts: Facts) -> list[Mention]:
    """Percentages ("99.9%", "five percent") of a span's facts."""
    return [
        Mention(
            p.start, p.end, p.text, float(p.value), "%", inconsistent=p.inconsistent
        )  # fmt: skip
        for p in facts.percentages
    ]
