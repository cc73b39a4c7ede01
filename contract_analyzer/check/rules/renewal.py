"""Renewal: an automatic renewal must have an opt-out window, and one no longer than policy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx, snippet, value_days, yes_no

AUTO_RENEWAL = rx(
    r"\bautomatic(?:ally)?\s+(?:be\s+)?(?:renew|extend|continue)",
    r"\b(?:renew|extend)(?:s|ed)?\s+automatically\b",
    r"\bautomatic\s+(?:renewal|extension)\b",
    r"\bevergreen\b",
    r"\b(?:shall|will)\s+(?:be\s+)?(?:renew(?:ed)?|extend(?:ed)?)\s+for\s+(?:an?\s+)?(?:additional|successive|further|subsequent|consecutive)\b",
    r"\bthereafter\s+(?:shall|will)\s+(?:be\s+)?(?:renew|extend|continue)\w*\b[^.]{0,80}\b(?:successive|additional|consecutive|further)\b",
)
OPT_OUT = rx(
    r"\bunless\b[^.]{0,160}\b(?:notice|notif\w*)",
    r"\bnon-?\s?renewal\b",
    r"\bnot\s+to\s+(?:renew|extend)\b",
    r"\b(?:elects?|chooses?|decides?|wishes?|intends?|intention)\s+not\s+to\b",
    r"\bnotice\s+of\s+(?:its\s+|their\s+)?(?:intent(?:ion)?\s+to\s+)?terminat\w*\b[^.]{0,120}\b(?:end|expiration|expiry)\s+of\b",
    r"\bterminat\w*\b[^.]{0,160}\b(?:end|expiration|expiry)\s+of\s+(?:the\s+|any\s+|then[- ]current\s+|such\s+)?(?:initial\s+|renewal\s+|current\s+)?(?:term|period)\b[^.]{0,120}\bnotice\b",
    r"\bnotice\b[^.]{0,120}\bprior\s+to\s+(?:the\s+)?(?:end|expiration|expiry)\s+of\b",
    r"\bnotice\b[^.]{0,80}\b(?:intention|intent|desire|decision)\s+(?:not\s+to\s+renew|to\s+terminate)\b",
    # "shall automatically continue until terminated by either party upon 30 days' notice"
    r"\b(?:continue|renew)\w*\b[^.]{0,80}\buntil\s+terminated\b[^.]{0,160}\bnotice\b",
    # "If Affiliate fails to notify Network of its desire that this Agreement terminate ..."
    r"\b(?:fails?|failure)\s+to\s+(?:notify|give\s+notice)\b[^.]{0,120}\b(?:terminat\w*|not\s+renew|non-?renew\w*|expire)\b",
    # "... unless terminated by Reseller within sixty (60) days prior to the expiration"
    r"\bunless\s+(?:sooner\s+|earlier\s+)?terminated\b[^.]{0,160}\b(?:prior\s+to|before)\s+(?:the\s+)?(?:end|expiration|expiry)\b",
)
# A right to end the contract at will by notice is a way out of an automatic renewal too.
CONVENIENCE = rx(
    r"\bmay\s+terminate\b[^.]{0,120}\b(?:at\s+any\s+time|for\s+(?:any|no)\s+reason|for\s+convenience|without\s+(?:cause|reason))\b",
    r"\bmay\s+terminate\s+this\s+(?:agreement|contract)\s+(?:at\s+any\s+time\s+)?(?:by|upon|on|with)\s+(?:giving|providing|delivering|serving)?[^.;:]{0,60}\bnotice\b(?![^.]{0,20}\bif\b)",
)


NOTICE_NEAR = rx(r"\bnotice\b", r"\bnotif", r"\bprior\b", r"\bbefore\b", r"\bin\s+advance\b")


def _auto_renewal(ctx: CheckContext) -> tuple[bool, tuple[int, int] | None]:
    """Whether the term renews automatically, and the span that says so."""
    for kd in ctx.key_dates:
        if (
            getattr(kd, "kind", None) == "auto_renewal"
            and yes_no(getattr(kd, "value", None)) is False
        ):
            return False, None
    m = ctx.first(AUTO_RENEWAL, "term_and_renewal") or ctx.anywhere(AUTO_RENEWAL)
    if m:
        return True, (m.start(), m.end())
    for kd in ctx.key_dates:
        if getattr(kd, "kind", None) == "auto_renewal" and yes_no(getattr(kd, "value", None)):
            return True, (kd.start, kd.end)
    return False, None


def _opt_out_spans(ctx: CheckContext, anchor: tuple[int, int]) -> list[tuple[int, int]]:
    """Opt-out language in the renewal sentence's neighbourhood or the term clauses."""
    lo = max(0, anchor[0] - 600)
    hi = min(len(ctx.text), anchor[1] + 900)
    spans = [(m.start(), m.end()) for m in OPT_OUT.finditer(ctx.text, lo, hi)]
    spans += [(m.start(), m.end()) for m, _ in ctx.search(OPT_OUT, "term_and_renewal")]
    # the notice period the key dates read (the answers' notice_period_to_terminate_renewal):
    # a finding must not say there is no opt-out where the answer gives its notice period
    spans += [
        (kd.start, kd.end)
        for kd in ctx.key_dates
        if getattr(kd, "kind", None) == "notice_period_to_terminate_renewal"
        and isinstance(getattr(kd, "start", None), int)
        and isinstance(getattr(kd, "end", None), int)
    ]
    return sorted(set(spans))


def _convenience(ctx: CheckContext) -> bool:
    """A party may end the contract at will by notice (so a renewal can be escaped)."""
    return ctx.anywhere(CONVENIENCE) is not None


def _notice_days(
    ctx: CheckContext, opt_outs: list[tuple[int, int]]
) -> tuple[float, int, int] | None:
    """The non-renewal notice period: the longest period counted before the term end in an
    opt-out sentence; else the key date the facts stage derived."""
    best: tuple[float, int, int] | None = None
    for s, e in opt_outs:
        ss, se = ctx.sentence_around(s, e)
        for d in ctx.durations(ss, se):
            if d.days is None or d.unit not in {"day", "business_day", "week", "month"}:
                continue
            after = ctx.text[d.end : d.end + 40]
            before = ctx.text[max(ss, d.start - 40) : d.start]
            if not (
                d.relation == "before" or NOTICE_NEAR.search(after) or NOTICE_NEAR.search(before)
            ):
                continue
            if best is None or d.days > best[0]:
                best = (float(d.days), d.start, d.end)
    if best is not None:
        return best
    for kd in ctx.key_dates:
        if getattr(kd, "kind", None) == "notice_period_to_terminate_renewal":
            days = value_days(getattr(kd, "value", None))
            start, end = getattr(kd, "start", None), getattr(kd, "end", None)
            if days is not None and isinstance(start, int) and isinstance(end, int):
                return days, start, end
    return None


@rule(
    "renewal.auto_no_opt_out",
    "term_and_renewal",
    "high",
    "Automatic renewal with no way to opt out",
    needs_component=False,
)
def auto_no_opt_out(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The term renews by itself and nothing lets a party give notice of non-renewal."""
    auto, span = _auto_renewal(ctx)
    if not auto or span is None or _opt_out_spans(ctx, span) or _convenience(ctx):
        return []
    s, e = ctx.sentence_around(*span)
    return [
        Hit(
            f'The term renews automatically ("{snippet(ctx, s, e)}") and the contract gives '
            "no way to opt out by notice of non-renewal; the only exit may be a breach.",
            (ctx.evidence(s, e),),
        )
    ]


@rule(
    "renewal.opt_out_too_long",
    "term_and_renewal",
    "medium",
    "Non-renewal notice window longer than policy",
    params={"max_days": 90},
    needs_component=False,
)
def opt_out_too_long(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Policy "notice period at most N days": the non-renewal notice must be given earlier."""
    auto, span = _auto_renewal(ctx)
    if not auto or span is None:
        return []
    opt_outs = _opt_out_spans(ctx, span)
    found = _notice_days(ctx, opt_outs)
    max_days = float(params["max_days"])
    if found is None or found[0] <= max_days:
        return []
    days, s, e = found
    ss, se = ctx.sentence_around(s, e)
    return [
        Hit(
            f"Notice of non-renewal must be given {days:g} days before the term ends "
            f'("{snippet(ctx, s, e)}"), more than the policy maximum of {max_days:g} days; '
            "the renewal is easy to miss.",
            (ctx.evidence(ss, se),),
        )
    ]
