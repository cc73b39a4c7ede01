"""Data protection: personal data processed without data-protection terms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx, snippet

PERSONAL_DATA = rx(
    r"\bpersonal(?:ly)?\s+(?:data|information|identifiable)\b",
    r"\bPII\b",
    r"\bprotected\s+health\s+information\b",
    r"\b(?:employee|patient|customer|consumer|end[- ]user|cardholder)\s+(?:personal\s+)?(?:data|records|information)\b",
    r"\bdata\s+subjects?\b",
    r"\b(?:member|patient|employee|student|consumer|subscriber|cardholder|end[- ]user)s?['’]?\s+(?:accounts?|data|records|information|details)\b",
)
DP_TERMS = rx(
    r"\bdata\s+(?:protection|processing|privacy)\b",
    r"\bprivacy\s+(?:laws?|policy|policies|act|regulations?|notice|rules?|obligations?)\b",
    r"\bGDPR\b",
    r"\bHIPAA\b",
    r"\bCCPA\b",
    r"\bGramm[- ]Leach",
    r"\bRegulation\s+S-P\b",
    r"\bsub-?processors?\b",
    r"\b(?:data|personal\s+data|security)\s+breach",
    r"\bbreach\s+notification\b",
    r"\b(?:administrative|technical|organi[sz]ational|physical)\s+(?:and\s+\w+\s+)?(?:safeguards|measures)\b",
    r"\bsecurity\s+(?:measures|safeguards)\b",
)


@rule(
    "data_protection.missing_terms",
    "data_protection",
    "high",
    "Personal data processed but no data-protection terms",
    needs_component=False,
    status="missing",
)
def missing_terms(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The contract involves personal data, yet no clause protects it (security, breach
    notice, processor duties).

    A clause tagged data_protection counts only when it speaks of personal data or of
    data-protection duties: a recital about "the security of information systems" is not one.
    """
    for region in ctx.regions("data_protection"):
        words = ctx.region_text(region)
        if PERSONAL_DATA.search(words) or DP_TERMS.search(words):
            return []
    m = ctx.anywhere(PERSONAL_DATA)
    if m is None or ctx.anywhere(DP_TERMS):
        return []
    s, e = ctx.sentence_around(m.start(), m.end())
    return [
        Hit(
            f'Personal data is involved ("{snippet(ctx, s, e)}") but the contract has no '
            "data-protection terms (security measures, breach notification, processor duties).",
            (ctx.evidence(s, e),),
        )
    ]
