"""Payment due periods and survival periods."""

from __future__ import annotations

import re

from contract_analyzer.keydates.context import Context
from contract_analyzer.keydates.model import KeyDate, make_key

_PAYMENT_SENTENCE = re.compile(
    r"\b(?:invoice\w*|payable|payment\w*|pay|paid|due|net\s+\d)", re.IGNORECASE
)


_SURVIVAL_SENTENCE = re.compile(
    r"\bsurviv\w*|\b(?:after|following)\s+(?:the\s+|its\s+|any\s+)?(?:termination|expiration|expiry)\b",
    re.IGNORECASE,
)


def _phrase_end(after: str, limit: int = 60) -> str:
    """The words after a period up to the end of its phrase ("after receipt of invoice")."""
    return " ".join(re.split(r"[,;:.\n(|\t]", after, maxsplit=1)[0].split())[:limit]


def find_payment_due(ctx: Context) -> KeyDate | None:
    text = ctx.text
    for s in ctx.sentences_with(_PAYMENT_SENTENCE, ("payment_terms",)):
        for d in ctx.durations_in(s.start, s.end):
            if d.amount is None or d.unit not in ("day", "week", "month"):
                continue
            if d.net:
                return make_key("payment_due_period", value=d.label, text=d.text, start=d.start, end=d.end,
                            derivation=f'payment terms "{d.text}": due {d.label} after invoice', period=d)  # fmt: skip
            before = text[max(s.start, d.start - 50) : d.start].lower()
            after = text[d.end : d.end + 80].lower()
            if (
                re.search(r"(?:within|no\s+later\s+than|not\s+later\s+than|net|in)\s*$", before)
                and re.search(
                    r"(?:invoice|receipt|billing|statement|date\s+of|the\s+end\s+of|delivery|following\s+the\s+month)",
                    after,
                )
                and re.search(r"\b(?:pay|paid|payable|payment|due|invoice)", s.text, re.IGNORECASE)
            ):
                return make_key("payment_due_period", value=d.label, text=text[d.start : d.end + 40].strip(),
                            start=d.start, end=min(len(text), d.end + 40),
                            derivation=f"payment due {d.label} {_phrase_end(after)}", period=d)  # fmt: skip
    return None


def find_survival(ctx: Context) -> KeyDate | None:
    text = ctx.text
    sentences = ctx.sentences_with(
        _SURVIVAL_SENTENCE, ("confidentiality", "termination", "general")
    )
    # survival and confidentiality sentences first, then "obligations ... continue for X after"
    about = [
        s
        for s in sentences
        if re.search(r"surviv|confidential|non-?disclos", s.text, re.IGNORECASE)
    ]
    rest = [
        s for s in sentences
        if s not in about and re.search(r"\bobligations?\b[^.;]{0,80}\b(?:continue|remain|last)", s.text, re.IGNORECASE)
    ]  # fmt: skip
    for s in about + rest:
        for d in ctx.durations_in(s.start, s.end):
            if d.amount is None or d.unit not in ("year", "month", "day"):
                continue
            after = text[d.end : d.end + 70].lower()
            before = text[max(s.start, d.start - 60) : d.start].lower()
            if re.match(
                r"[^.;]{0,20}(?:after|following|from|beyond|subsequent\s+to)\s+(?:the\s+|its\s+|this\s+agreement'?s\s+)?(?:date\s+of\s+)?(?:any\s+)?(?:such\s+)?(?:termination|expiration|expiry|disclosure|end)",
                after,
            ) or re.search(r"surviv\w*[^.;]{0,40}$", before):
                return make_key("survival_period", value=d.label, text=text[d.start : d.end + 40].strip(), start=d.start,
                            end=min(len(text), d.end + 40), derivation=f"obligations survive {d.label} after the contract ends", period=d)  # fmt: skip
        m = re.search(
            r"surviv\w*[^.;]{0,60}\b(?:indefinitely|perpetu\w*|in\s+perpetuity|forever)",
            s.text,
            re.IGNORECASE,
        )
        if m:
            return make_key("survival_period", value="perpetual", text=m.group(), start=s.start + m.start(),
                        end=s.start + m.end(), derivation="obligations survive without a time limit")  # fmt: skip
    return None
