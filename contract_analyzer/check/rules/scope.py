"""Scope of work: deliverables or acceptance criteria, and vague language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx, snippet

# Language that pins down what is to be delivered or how it is accepted.
DEFINED_OUTPUT = rx(
    r"\bdeliverables?\b",
    r"\bacceptance (?:criteria|tests?|testing|procedures?|certificate)\b",
    r"\bmilestones?\b",
    r"\bspecifications?\b",
    r"\bwork product\b",
    r"\bstatements? of work\b",
    r"\bSOWs?\b",
    r"\border forms?\b",
    r"\bservice (?:description|specification)s?\b",
    r"\bdescribed in (?:the )?(?:attached )?(?:exhibit|schedule|appendix|annex|attachment)\b",
    r"\bset (?:forth|out) in (?:the )?(?:attached )?(?:exhibit|schedule|appendix|annex|attachment)\b",
)

UNDECIDED = rx(
    r"\bTBD\b", r"\bTBC\b", r"\bto\s+be\s+(?:agreed|determined|decided|confirmed|defined)\b"
)
DELIVERABLE_WORD = rx(r"\bdeliverables?\b", r"\bmilestones?\b", r"\bacceptance\s+criteria\b")
# "as amended / updated by the parties in writing from time to time" is not vague scope
AMENDED = rx(
    r"\b(?:amended|updated|modified|revised|supplemented|in\s+effect|agreed)\b[^.;]{0,50}$"
)
VAGUE = rx(
    r"\bas (?:and when )?needed\b(?! to\b)",
    r"\bas (?:and when )?(?:required|necessary|appropriate)\b(?!,? (?:by|under|for|to|in|of|pursuant|with)\b)",
    r"(?<!commercially )\breasonable efforts\b",
    r"\bfrom time to time\b",
    r"\bTBD\b",
    r"\bto be (?:determined|agreed|decided|confirmed)\b",
    r"\bincluding,? but not limited to\s*(?:[.;:)]|etc\b|and so on\b|$)",
    r"\bincluding,? but not limited to,? (?:the following|such other|any other|other)\b",
    r"\bsuch other (?:services|tasks|work) as\b",
    r"\betc\.",
)


@rule(
    "scope.no_deliverables",
    "scope_of_work",
    "medium",
    "Scope of work without deliverables, specifications or acceptance criteria",
)
def no_deliverables(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The contract never pins the work down: no deliverables, specifications, milestones or
    acceptance criteria, and no SOW/order form/exhibit that would hold them."""
    for m in DELIVERABLE_WORD.finditer(ctx.text):
        s, e = ctx.sentence_around(m.start(), m.end())
        if UNDECIDED.search(ctx.text, s, e) and ctx.text[s:e].count("|") < 2:
            return [
                Hit(
                    f'The deliverables are left undecided ("{snippet(ctx, s, e)}"); there is '
                    "nothing to deliver or accept against.",
                    (ctx.evidence(s, e),),
                )
            ]
    if ctx.anywhere(DEFINED_OUTPUT):
        return []
    return [
        Hit(
            "The scope of work names no deliverables, specifications, milestones or acceptance "
            "criteria, and refers to no statement of work or exhibit that would; it will be hard "
            "to show that the work was (or was not) done.",
            ctx.region_evidence("scope_of_work"),
        )
    ]


@rule(
    "scope.vague_language",
    "scope_of_work",
    "medium",
    "Scope of work described in vague language",
    params={"max_evidence": 5},
)
def vague_language(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Open-ended words in the scope ("as needed", "reasonable efforts", "from time to time",
    "TBD", "including but not limited to" with nothing listed)."""
    found = [
        (m.start(), m.end())
        for m, _ in ctx.search(VAGUE, "scope_of_work")
        if not AMENDED.search(ctx.text, max(0, m.start() - 60), m.start())
    ]
    if not found:
        return []
    phrases = sorted({" ".join(ctx.text[s:e].split()).lower().rstrip(".;:) ") for s, e in found})
    quoted = ", ".join(f'"{p}"' for p in phrases[:6])
    evidence = tuple(ctx.evidence(*ctx.sentence_around(s, e)) for s, e in found)
    evidence = tuple(dict.fromkeys(evidence))[: int(params["max_evidence"])]
    first = snippet(ctx, evidence[0].start, evidence[0].end)
    return [
        Hit(
            f'The scope of work uses open-ended language ({quoted}), e.g. "{first}"; '
            "the supplier's commitment cannot be measured.",
            evidence,
        )
    ]
