"""Payment terms: an amount or fee basis, a due period, late-payment terms, policy minimum."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx, snippet, value_days

FEE_BASIS = rx(
    r"\b(?:fees?|prices?|charges?|rates?|compensation|royalt(?:y|ies))\b[^.]{0,120}\b(?:set (?:forth|out)|specified|stated|listed|described|identified|shown)\s+in\b",
    r"\b(?:fees?|prices?|charges?|rates?|compensation)\b[^.]{0,60}\b(?:in accordance with|as per|pursuant to) (?:the |each |any )?(?:applicable )?(?:order form|exhibit|schedule|appendix|statement of work|sow|price list|rate card)",
    r"\b(?:hourly|daily|monthly|annual) (?:rates?|fees?)\b",
    r"\bper (?:hour|day|month|year|annum|user|seat|unit|license|licence)\b",
    r"\b(?:price list|rate card|fee schedule|pricing schedule)\b",
    r"\bpercent(?:age)? of (?:the |all )?(?:net |gross )?(?:revenues?|sales|receipts|fees)\b",
)
DUE_CONTEXT = rx(r"\binvoic", r"\bpay", r"\bdue\b", r"\bremit", r"\bnet\b")
DUE_WORDS = rx(
    r"\bdue (?:and payable )?(?:up)?on (?:receipt|presentation|signature|execution)\b",
    r"\bpayable (?:up)?on (?:receipt|presentation|signature|execution)\b",
    r"\b(?:paid|payable|due|invoiced) (?:annually |monthly |quarterly )?in advance\b",
    r"\bnet\s*\d+\b",
    r"\b(?:payable|due|paid)\s+(?:on|by|no\s+later\s+than)\s+the\s+(?:first|last|\d{1,2}(?:st|nd|rd|th)?|\w+(?:st|nd|rd|th))\s+(?:business\s+)?day\s+of\b",
    r"\b(?:payable|due|paid)\s+(?:monthly|quarterly|annually)\s+in\s+(?:arrears|advance)\b",
)
LATE_TERMS = rx(
    r"\blate (?:payment|charges?|fees?|interest)\b",
    r"\binterest\b[^.]{0,120}\b(?:overdue|past due|late|unpaid|outstanding|delinquent|not paid)\b",
    r"\b(?:overdue|past due|late|unpaid|delinquent|not\s+paid)\b[^.]{0,120}\binterest\b",
    r"\bsuspend\w*\b[^.]{0,200}\b(?:payment|overdue|past due|unpaid|fees)\b",
    r"\b(?:payment|overdue|past due|unpaid|fees)\b[^.]{0,200}\bsuspend",
    r"\b(?:overdue|past due|delinquent) (?:amounts?|invoices?|payments?|balances?)\b",
)
INVOICE_PAY = rx(
    r"\bpa(?:y|ys|id|yable)\b[^.;]{0,80}\binvoices?\b",
    r"\binvoices?\b[^.;]{0,80}\b(?:pa(?:y|id|yable)|due)\b",
)
PAYMENT_WORD = rx(r"\bpa(?:y|id|yable|yment)\w*", r"\binvoice", r"\bremit", r"\bdue\b")
INVOICE_WORD = rx(r"\binvoic", r"\breceipt\b", r"\bbill(?:ing|ed)?\b", r"\bstatement\b")
NOT_A_DUE_PERIOD = rx(
    r"\bnotice\b", r"\bnotif", r"\bdisput", r"\bterminat", r"\bsuspen", r"\brefund"
)
DUE_LEAD = re.compile(
    r"(?:within|no\s+later\s+than|not\s+later\s+than|net|in|by|after)\s*$", re.IGNORECASE
)


def _due_days(ctx: CheckContext, strict: bool = False) -> tuple[list[tuple[float, int, int]], bool]:
    """Due periods stated in the payment clauses: (days, start, end); and whether a due
    expression without a number ("due on receipt", "in advance") was seen.

    A duration counts when it is introduced as a deadline ("within", "net", "no later than")
    in a sentence about paying or invoicing that is not about notices, disputes or refunds.
    """
    periods: list[tuple[float, int, int]] = []
    for region in ctx.regions("payment_terms"):
        for d in ctx.durations(region.start, region.end):
            if d.days is None or d.unit not in {"day", "business_day", "week", "month"}:
                continue
            s, e = ctx.sentence_around(d.start, d.end)
            lead = ctx.text[max(s, d.start - 30) : d.start]
            net = d.text.lower().startswith("net")
            if not (net or DUE_LEAD.search(lead)):
                continue
            if strict and not (net or INVOICE_WORD.search(ctx.text, s, e)):
                continue
            if PAYMENT_WORD.search(ctx.text, s, e) and not NOT_A_DUE_PERIOD.search(ctx.text, s, e):
                periods.append((float(d.days), d.start, d.end))
    wordy = ctx.first(DUE_WORDS, "payment_terms") is not None
    for kd in ctx.key_dates:
        if getattr(kd, "kind", None) == "payment_due_period":
            days = value_days(getattr(kd, "value", None))
            if days is not None and isinstance(getattr(kd, "start", None), int):
                periods.append((days, kd.start, kd.end))
    return periods, wordy


@rule(
    "payment.no_amount",
    "payment_terms",
    "medium",
    "Payment terms without an amount or fee basis",
)
def no_amount(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """No sum of money in the payment terms and no reference to where the fees are set."""
    for region in ctx.regions("payment_terms"):
        if ctx.money(region.start, region.end):
            return []
    if ctx.anywhere(FEE_BASIS):
        return []
    return [
        Hit(
            "The payment terms state no amount and no basis for the fees (no price, rate or "
            "schedule they refer to); what is owed is open to argument.",
            ctx.region_evidence("payment_terms"),
        )
    ]


@rule(
    "payment.no_due_period",
    "payment_terms",
    "medium",
    "Payment terms without a due period",
)
def no_due_period(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """No "within 30 days of invoice", "net 30", "due on receipt" or "in advance". Where the
    contract says how invoices are paid, that sentence must carry the due period."""
    periods, wordy = _due_days(ctx)
    invoice_sentences = list(
        dict.fromkeys(
            ctx.sentence_around(m.start(), m.end())
            for m, _ in ctx.search(INVOICE_PAY, "payment_terms")
        )
    )
    if invoice_sentences:
        for s, e in invoice_sentences:
            if DUE_WORDS.search(ctx.text, s, e) or any(s <= p[1] < e for p in periods):
                return []
        if any(
            p for p in periods if INVOICE_WORD.search(ctx.text, *ctx.sentence_around(p[1], p[2]))
        ):
            return []
        s, e = invoice_sentences[0]
        return [
            Hit(
                f'Invoices are to be paid ("{snippet(ctx, s, e)}") but the contract does not say '
                "within how many days; late payment cannot be established.",
                (ctx.evidence(s, e),),
            )
        ]
    if periods or wordy:
        return []
    return [
        Hit(
            'The payment terms do not say when payment is due (no "within N days of invoice" '
            'or "net N"); late payment cannot be established.',
            ctx.region_evidence("payment_terms"),
        )
    ]


@rule(
    "payment.no_late_terms",
    "payment_terms",
    "low",
    "No late-payment interest or suspension terms",
)
def no_late_terms(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Nothing happens when an invoice is paid late: no interest, no suspension."""
    if ctx.anywhere(LATE_TERMS):
        return []
    return [
        Hit(
            "Nothing follows a late payment: no interest on overdue amounts and no right to "
            "suspend performance.",
            ctx.region_evidence("payment_terms"),
        )
    ]


@rule(
    "payment.due_period_too_short",
    "payment_terms",
    "low",
    "Payment due period shorter than the policy minimum",
    params={"min_days": 30},
)
def due_period_too_short(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Company policy "payment terms at least net N": the shortest stated due period is shorter."""
    periods, _ = _due_days(ctx, strict=True)
    min_days = float(params["min_days"])
    short = [p for p in periods if p[0] < min_days]
    if not short:
        return []
    days, s, e = min(short)
    return [
        Hit(
            f'Payment is due within {days:g} days ("{snippet(ctx, s, e)}"), shorter than '
            f"the policy minimum of {min_days:g} days.",
            (ctx.evidence(*ctx.sentence_around(s, e)),),
        )
    ]
