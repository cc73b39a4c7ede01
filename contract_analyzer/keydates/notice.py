"""The notice period to terminate renewal and the next notice deadline rolled forward to ``as_of``."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from contract_analyzer.facts.arith import add_period
from contract_analyzer.facts.durations import Duration
from contract_analyzer.keydates.context import Context, Sentence
from contract_analyzer.keydates.model import KeyDate, Renewal, Term, duration_phrase, make_key

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
    if (
        expiration.date is None
        or renewal.notice_period is None
        or renewal.notice_period.amount is None
    ):
        return None
    notice = renewal.notice_period
    assert notice.amount is not None
    end = expiration.date
    if renewal.period is not None:
        amount, unit = renewal.period
        period_note = f"auto-renews for {duration_phrase(amount, unit)}"
    elif term.length is not None and term.length.amount is not None:
        amount, unit = term.length.amount, term.length.unit
        period_note = f"auto-renews; renewal length not stated, taken as the initial term ({duration_phrase(amount, unit)})"
    else:
        amount, unit = Decimal(1), "year"
        period_note = "auto-renews; renewal length not stated, taken as 1 year"
    notice_phrase = duration_phrase(notice.amount, notice.unit, notice.business)
    deadline = add_period(end, -notice.amount, notice.unit, business=notice.business)
    steps = [expiration.derivation.split(";")[0], period_note,
             f"notice {notice_phrase} before {end.isoformat()} = {deadline.isoformat()}"]  # fmt: skip
    rolled = 0
    first_end = end
    while deadline < as_of and rolled < 500:
        if renewal.max_renewals is not None and rolled >= renewal.max_renewals:
            last = add_period(first_end, amount * rolled, unit)
            steps.append(
                f"as of {as_of.isoformat()} that deadline has passed and the contract renews at most "
                f"{renewal.max_renewals} time(s): the last term ends {last.isoformat()}, no notice is left to give"
            )
            return make_key("next_notice_deadline", value="none", text=renewal.notice.text if renewal.notice else "",
                        start=renewal.notice.start if renewal.notice else 0,
                        end=renewal.notice.end if renewal.notice else 0, derivation="; ".join(steps))  # fmt: skip
        end = add_period(first_end, amount * (rolled + 1), unit)
        deadline = add_period(end, -notice.amount, notice.unit, business=notice.business)
        rolled += 1
    if rolled:
        steps.append(
            f"as of {as_of.isoformat()} that deadline has passed; after {rolled} renewal(s) the term ends "
            f"{end.isoformat()}; notice {notice_phrase} before = {deadline.isoformat()}"
        )
    return make_key("next_notice_deadline", d=deadline, value=deadline.isoformat(), text=renewal.notice.text if renewal.notice else "",
                start=renewal.notice.start if renewal.notice else 0, end=renewal.notice.end if renewal.notice else 0,
                derivation="; ".join(steps))  # fmt: skip
