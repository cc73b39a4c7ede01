"""Limitation of liability: a cap exists, has an amount or formula, and meets policy."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx, snippet

UNLIMITED = rx(
    r"\bunlimited\s+liability\b",
    r"\bliability\b[^.]{0,80}\b(?:shall|will)\s+(?:be\s+)?(?:unlimited|not\s+be\s+limited)\b",
    r"\bno\s+(?:limit|cap|limitation)\s+(?:on|to|of)\s+(?:the\s+)?(?:\w+\s+)?(?:party's\s+|parties'\s+|its\s+|their\s+)?liability\b",
    r"\bliability\b[^.]{0,80}\b(?:is|are|shall\s+be|will\s+be)\s+unlimited\b",
    r"\bliability\b[^.]{0,120}\bnot\s+(?:be\s+)?subject\s+to\s+any\s+(?:monetary\s+)?(?:cap|limit)",
)
# An "unlimited" sentence that only lists carve-outs from a cap is not uncapped liability.
CARVE_OUT = rx(
    r"\bexcept\b",
    r"\bexclu",
    r"\b(?:does|shall|will)\s+not\s+apply\b",
    r"\bother\s+than\b",
    r"\bcarve",
)
# A ceiling on the amount recoverable (not just an exclusion of consequential damages).
CAP = rx(
    r"\b(?:shall|will|does|do)\s+not\s+(?:in\s+(?:the\s+)?aggregate\s+)?exceed\b",
    r"\bin\s+no\s+(?:event|case)\b[^.]{0,300}\bexceed\b",
    r"\bnot\s+to\s+exceed\b",
    r"\b(?:aggregate|total|maximum|cumulative|entire)\s+liability\b[^.]{0,300}\b(?:limited|exceed|not\s+(?:be\s+)?(?:more|greater)\s+than|capped)\b",
    r"\bliability\b[^.]{0,200}\b(?:is|be|are)\s+limited\s+to\b",
    r"\bliability\s+cap\b",
    r"\bcap\s+(?:on|of)\s+liability\b",
    r"\b(?:general|increased|super)\s*cap\b",
)
FORMULA = rx(
    r"\b(?:fees?|amounts?|sums?|charges?|prices?|consideration|compensation)\b[^.]{0,60}\b(?:paid|payable|received|owed|due|invoiced|stated|set\s+forth)\b",
    r"\b(?:times|multiple\s+of|x)\b[^.]{0,40}\b(?:fees?|prices?|amounts?|charges?|value|consideration|sums?)\b",
    r"\bcap\s+amount\b",
    r"\b(?:general|increased)\s+cap\b",
    r"\binsurance\b[^.]{0,80}\b(?:coverage|limits?|proceeds|policy)\b",
)
MONTHS_OF_FEES = re.compile(
    r"\b(?:fees?|amounts?|sums?|charges?)\b[^.]{0,80}\b(?:paid|payable|received|invoiced)\b[^.]{0,120}",
    re.IGNORECASE,
)


LIABILITY_WORD = re.compile(r"\bliab\w*|\bdamages\b", re.IGNORECASE)


def _cap_sentences(ctx: CheckContext) -> list[tuple[int, int]]:
    """Sentences that put a ceiling on liability: in the liability clauses, or (when the
    tagger put the cap elsewhere) any sentence about liability or damages with cap words."""
    spans = [
        ctx.sentence_around(m.start(), m.end())
        for m, _ in ctx.search(CAP, "limitation_of_liability")
    ]
    if not spans:
        for m in CAP.finditer(ctx.text):
            s, e = ctx.sentence_around(m.start(), m.end())
            if LIABILITY_WORD.search(ctx.text, s, e):
                spans.append((s, e))
    return list(dict.fromkeys(spans))


@rule(
    "liability.uncapped",
    "limitation_of_liability",
    "high",
    "Liability uncapped or explicitly unlimited",
)
def uncapped(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The liability clause caps nothing (only excludes kinds of damages) or says liability is
    unlimited without any cap elsewhere."""
    for m in UNLIMITED.finditer(ctx.text):
        s, e = ctx.sentence_around(m.start(), m.end())
        if CARVE_OUT.search(ctx.text, s, e):
            continue
        return [
            Hit(
                f'Liability is expressly unlimited ("{snippet(ctx, s, e)}") and no cap '
                "applies; exposure has no ceiling.",
                (ctx.evidence(s, e),),
            )
        ]
    if _cap_sentences(ctx):
        return []
    return [
        Hit(
            "The limitation of liability sets no cap on the amount recoverable (at most it "
            "excludes some kinds of damages); exposure has no ceiling.",
            ctx.region_evidence("limitation_of_liability"),
        )
    ]


@rule(
    "liability.cap_without_amount",
    "limitation_of_liability",
    "medium",
    "A liability cap without an amount or formula",
)
def cap_without_amount(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """A cap is mentioned but neither a sum of money nor a formula (fees paid, N times) says how
    much."""
    caps = _cap_sentences(ctx)
    if not caps:
        return []
    for s, e in caps:
        if ctx.money(s, e) or FORMULA.search(ctx.text, s, e):
            return []
    s, e = caps[0]
    return [
        Hit(
            f'Liability is capped ("{snippet(ctx, s, e)}") but no amount or formula says at '
            "how much; the cap is unenforceable as written.",
            tuple(ctx.evidence(a, b) for a, b in caps[:3]),
        )
    ]


@rule(
    "liability.cap_below_policy",
    "limitation_of_liability",
    "medium",
    "Liability cap below the policy minimum of months of fees",
    params={"min_months": 12},
)
def cap_below_policy(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Policy "liability cap at least N months of fees": a fee-based cap looks back fewer months."""
    min_months = float(params["min_months"])
    for s, e in _cap_sentences(ctx):
        if ctx.money(s, e):
            continue  # a fixed sum: cannot be compared with months of fees
        for m in MONTHS_OF_FEES.finditer(ctx.text, s, e):
            for d in ctx.durations(m.start(), m.end()):
                if d.days is None or d.unit not in {"month", "year", "day", "week"}:
                    continue
                months = d.days / (365.0 / 12.0)
                if months + 0.01 < min_months:
                    return [
                        Hit(
                            f"Liability is capped at the fees of {d.text.strip()} "
                            f'("{snippet(ctx, s, e)}"), less than the policy minimum of '
                            f"{min_months:g} months of fees.",
                            (ctx.evidence(s, e),),
                        )
                    ]
    return []
