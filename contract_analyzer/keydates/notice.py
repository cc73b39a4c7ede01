"""The notice period to terminate renewal and the next notice deadline rolled forward to ``as_of``."""

from __future__ import annotations

import re
from datetime import date

from contract_analyzer.facts.durations import Duration
from contract_analyzer.keydates.context import Context, Sentence
from contract_analyzer.keydates.model import KeyDate, Renewal, Term

_BEFORE_END = re.compile(
    r"\A[\s'’s)]*(?:calendar\s+|business\s+)?(?:days?\s+)?(?:prior|before|in\s+advance|preceding|ahead)"
    r"[^.;]{0,80}?(?:expir\w*|end\b|ending|anniversary|term\b|renewal|termination\s+date)",
    re.IGNORECASE,
)


_NOTICE_AFTER = re.compile(
    r"\A[\s'’s)]*(?:prior\s+|advance\s+)?(?:written\s+)?(?:notice|notification)", re.IGNORECASE
)


_NON_RENEWAL = re.compile(
    r"non-?\s?renewal|not\s+(?:to\s+)?(?:be\s+)?renew|intention\s+not|election\s+not|elects?\s+not|"
    r"desire\s+not|wish(?:es)?\s+not|terminate\s+(?:this\s+agreement\s+)?(?:at|as\s+of)\s+the\s+end",
    re.IGNORECASE,
)


def find_renewal_notice(
    ctx: Context, renewal_sentences: list[Sentence]
) -> tuple[Duration, str] | None:
    """The notice period to stop a renewal: "written notice of non-renewal at least ninety (90)
    days before the expiration", scored by how clearly the sentence is about renewal."""
    text = ctx.text
    near: set[int] = set()
    index = {s.start: i for i, s in enumerate(ctx.sentences)}
    for s in renewal_sentences:
        i = index.get(s.start)
        if i is not None:
            near.update({i, i + 1, i + 2})
    best: tuple[float, int, Duration, str] | None = None
    for i, s in enumerate(ctx.sentences):
        if not re.search(r"notice|notif|terminat|renew|writing", s.text, re.IGNORECASE):
            continue
        for d in ctx.durations_in(s.start, s.end):
            if d.amount is None or d.unit not in ("day", "week", "month", "year"):
                continue
            after = text[d.end : d.end + 140]
            before_end = _BEFORE_END.match(after) is not None
            notice_after = _NOTICE_AFTER.match(after) is not None
            if not (before_end or notice_after):
                continue
            score = 0.0
            why = "to terminate"
            if _NON_RENEWAL.search(s.text):
                score += 3
                why = "of non-renewal"
            if re.search(r"renew|extend|extension|successive|evergreen", s.text, re.IGNORECASE):
                score += 2
            if i in near:
                score += 1.5
            if before_end:
                score += 1
            if re.search(r"breach|cure|default|insolven|bankrupt", s.text, re.IGNORECASE):
                score -= 3
            if score < 1.5:
                continue
            if best is None or score > best[0]:
                best = (score, d.start, d, why)
    return (best[2], best[3]) if best else None


def next_deadline(expiration: KeyDate, renewal: Renewal, term: Term, as_of: date) -> KeyDate | None:
    """The next notice deadline on or after ``as_of`` (see :mod:`contract_analyzer.keydates.current`)."""
    from contract_analyzer.keydates.current import next_notice_deadline

    return next_notice_deadline(expiration, renewal, term, as_of)
