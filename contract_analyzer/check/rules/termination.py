"""Termination: a notice period, termination for cause, exit assistance / data return."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx, snippet
from contract_analyzer.check.statements import statement_spans

CONVENIENCE = rx(
    r"\bmay\s+terminate\b[^.]{0,120}\b(?:at\s+any\s+time|for\s+(?:any|no)\s+reason|for\s+convenience|without\s+(?:cause|reason))\b",
)
NOTICE_CONTEXT = rx(r"\bnotice\b", r"\bnotif", r"\bcure\b", r"\bprior\b", r"\bwritten\b")
FOR_CAUSE = rx(
    r"\bmaterial(?:ly)?\s+breach",
    r"\bbreach\w*\b[^.]{0,200}\b(?:fail\w*|not)\b[^.]{0,40}\bcured?\b",
    r"\bfor\s+cause\b",
    r"\bfor\s+default\b",
    r"\bdefault\w*\b[^.]{0,100}\bterminat",
    r"\bterminat\w*\b[^.]{0,100}\bdefault",
    r"\b(?:insolven|bankrupt|receivership|winding[- ]up|liquidat)\w*",
    r"\bfail\w*\s+to\s+(?:cure|remedy)\b",
    r"\bbreach\w*\b[^.]{0,120}\bterminat",
    r"\bterminat\w*\b[^.]{0,120}\bbreach",
)
EXIT = rx(
    r"\b(?:transition|exit|migration|disengagement|termination)\s+(?:assistance|services|plan|support|period)\b",
    r"\b(?:return|export|retriev|download|extract)\w*\b[^.]{0,120}\b(?:customer|client|your|its|company|licensee)(?:'s|’s)?\s+(?:data|content|information|materials|records)\b",
    r"\b(?:customer|client|company)\s+(?:data|content)\b[^.]{0,160}\b(?:return|export|retriev|download|delet|destroy|made available)\w*\b",
    r"\bdata\s+(?:return|export|portability|retrieval)\b",
    r"\b(?:transition|wind[- ]?down|phase[- ]?out|run[- ]?off|hand[- ]?over)\b[^.]{0,80}\b(?:services?|assistance|period|plan|support|cooperat\w*)\b",
    r"\bcontinue\s+to\s+(?:provide|supply|perform|support|service)\b[^.]{0,200}\b(?:after|following|upon)\s+(?:the\s+)?(?:termination|expiration|expiry)\b",
    r"\b(?:after|following|upon)\s+(?:the\s+)?(?:termination|expiration|expiry)\b[^.]{0,200}\bcontinue\s+to\s+(?:provide|supply|perform|support|service)\b",
    r"\b(?:upon|after|following|on)\s+(?:the\s+)?(?:any\s+)?(?:termination|expiration|expiry)\b[^.]{0,200}\b(?:return|deliver|transfer|turn\s+over)\w*\b[^.]{0,80}\b(?:data|materials|records|documents|files|property|work\s+product|deliverables)\b",
)


# paying for what was done up to termination settles the contract: it is no help to exit
SETTLEMENT = rx(
    r"\b(?:pay|paid|payment|fees?|invoice\w*|reimburs\w*|amounts?\s+(?:due|owed|owing|payable))\b"
)


@rule(
    "termination.no_notice_period",
    "termination",
    "medium",
    "Termination without a notice period",
)
def no_notice_period(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Termination at will without a period of notice, or termination clauses that state no
    period of notice or cure at all."""
    for m in CONVENIENCE.finditer(ctx.text):
        s, e = ctx.sentence_around(m.start(), m.end())
        if not ctx.durations(s, e):
            return [
                Hit(
                    'A party may terminate at will without any period of notice ("'
                    + snippet(ctx, s, e)
                    + '"); the other party may lose the contract overnight.',
                    (ctx.evidence(s, e),),
                )
            ]
    for region in ctx.regions("termination"):
        for d in ctx.durations(region.start, region.end):
            lo, hi = max(region.start, d.start - 120), min(region.end, d.end + 120)
            if NOTICE_CONTEXT.search(ctx.text, lo, hi):
                return []
    return [
        Hit(
            "Termination is possible without any stated period of notice or cure; the other "
            "party may lose the contract overnight.",
            ctx.region_evidence("termination"),
        )
    ]


@rule(
    "termination.no_for_cause",
    "termination",
    "medium",
    "No termination for cause or material breach",
    needs_component=False,
)
def no_for_cause(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Nothing lets a party leave when the other materially breaches or becomes insolvent."""
    if ctx.anywhere(FOR_CAUSE):
        return []
    return [
        Hit(
            "There is no right to terminate for cause (material breach not cured, insolvency); "
            "a party stuck with a defaulting counterparty has no clean exit.",
            ctx.region_evidence("termination", "term_and_renewal"),
        )
    ]


@rule(
    "termination.no_exit_assistance",
    "termination",
    "medium",
    "IT contract without exit assistance or data return",
    needs_component=False,
)
def no_exit_assistance(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """On termination of an IT contract nothing secures transition help or the customer's data.

    Services or obligations that run after termination in the words the CUAD answer
    ``post_termination_services`` reads (``check.statements``) count too, so the finding and
    that answer agree, except where that sentence only settles payment for work done."""
    if ctx.anywhere(EXIT) or any(
        not SETTLEMENT.search(ctx.text, s, e)
        for s, e in statement_spans(ctx.text, "post_termination_services", limit=10)
    ):
        return []
    return [
        Hit(
            "Nothing secures an orderly exit: no transition or exit assistance and no return or "
            "export of the customer's data when the contract ends.",
            ctx.region_evidence("termination"),
        )
    ]
