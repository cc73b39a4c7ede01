"""Confidentiality: a duration or survival, and the standard exclusions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx

SURVIVAL = rx(
    r"\bsurviv\w*",
    r"\bin\s+perpetuity\b",
    r"\bperpetual(?:ly)?\b",
    r"\bindefinitely\b",
    r"\bfor\s+(?:so\s+long\s+as|as\s+long\s+as)\b",
    r"\buntil\b[^.]{0,80}\bno\s+longer\b",
    r"\b(?:term|period)\s+of\s+confidentiality\b",
    r"\bconfidentiality\s+(?:term|period)\b",
    r"\bcontinue\w*\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+)?(?:after|following|beyond)\s+(?:the\s+)?(?:termination|expiration|expiry|end)\b",
    r"\b(?:term|termination|expiration)\s+(?:and|or)\s+thereafter\b",
    r"\bat\s+all\s+times\b",
)
SURVIVAL_CLAUSE = rx(
    r"\bsurviv\w*",
    r"\b(?:years?|months?)\s*\)?\s+(?:after|following|from)\s+(?:the\s+|its\s+|any\s+)?(?:termination|expiry|expiration|end)\b",
    r"\bcontinue\w*\s+for\s+[^.]{0,40}\b(?:after|following)\b",
)
PERIOD_CONTEXT = rx(
    r"\bafter\b", r"\bfollowing\b", r"\bfrom\b", r"\bfor\s+a\s+period\b", r"\bperiod\b", r"\bterm\b"
)

EXCLUSIONS = {
    "public": rx(
        r"\bpublic(?:ly)?\s+(?:domain|available|known|knowledge)\b",
        r"\bgenerally\s+(?:available|known)\b",
        r"\bavailable\s+to\s+the\s+(?:general\s+)?public\b",
        r"\bbecomes?\s+public\b",
    ),
    "already known": rx(
        r"\b(?:already|previously|lawfully|rightfully)\s+(?:known|in\s+(?:its|the\s+\w+\s+party's)\s+possession)\b",
        r"\bknown\s+to\s+(?:the\s+)?(?:receiving|recipient)\b",
        r"\b(?:in|within)\s+(?:its|the\s+recipient's|the\s+receiving\s+party's|their)\s+(?:lawful\s+)?possession\b",
        r"\bprior\s+to\s+(?:its\s+|the\s+)?(?:receipt|disclosure)\b",
        r"\bbefore\s+(?:its\s+)?(?:receipt|disclosure)\b",
    ),
    "independently developed": rx(r"\bindependently\s+(?:develop|creat|conceiv|deriv)\w*"),
    "received from a third party": rx(
        r"\bthird[- ]part(?:y|ies)\b[^.;]{0,120}\b(?:without|not\s+under|no)\b[^.;]{0,40}\b(?:obligation|restriction|duty|breach)",
        r"\b(?:received|obtained|acquired)\b[^.;]{0,40}\bfrom\s+(?:a\s+)?third[- ]part",
        r"\bfrom\s+(?:a\s+)?(?:third[- ]party|source)\b[^.;]{0,80}\b(?:without|not)\b",
    ),
}


def _has_period(ctx: CheckContext) -> bool:
    for region in ctx.regions("confidentiality"):
        for d in ctx.durations(region.start, region.end):
            if d.unit in {"year", "month"}:
                lo, hi = max(region.start, d.start - 120), min(region.end, d.end + 120)
                if PERIOD_CONTEXT.search(ctx.text, lo, hi):
                    return True
    return False


@rule(
    "confidentiality.no_duration",
    "confidentiality",
    "medium",
    "Confidentiality without duration or survival",
)
def no_duration(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The duty of confidence has no stated period and does not survive the contract."""
    if _has_period(ctx) or ctx.first(SURVIVAL, "confidentiality") or ctx.anywhere(SURVIVAL_CLAUSE):
        return []
    return [
        Hit(
            "The confidentiality obligations have no stated duration and nothing says they "
            "survive termination; protection may end with the contract.",
            ctx.region_evidence("confidentiality"),
        )
    ]


@rule(
    "confidentiality.no_exclusions",
    "confidentiality",
    "medium",
    "Confidentiality without the standard exclusions",
    params={"min_exclusions": 2},
)
def no_exclusions(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Fewer than ``min_exclusions`` of the four standard carve-outs (public, already known,
    independently developed, received from a third party) anywhere in the contract."""
    found = [name for name, pattern in EXCLUSIONS.items() if ctx.anywhere(pattern)]
    if len(found) >= int(params["min_exclusions"]):
        return []
    missing = [name for name in EXCLUSIONS if name not in found]
    return [
        Hit(
            "Confidential information is defined without the standard exclusions ("
            + ", ".join(missing)
            + "); the recipient may be bound even for information it already had or that is "
            "public.",
            ctx.region_evidence("confidentiality"),
        )
    ]
