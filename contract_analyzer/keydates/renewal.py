"""Renewal: the renewal term, automatic or not, the number of renewals."""

from __future__ import annotations

import re
from decimal import Decimal

from contract_analyzer.facts.durations import Duration
from contract_analyzer.keydates.context import Context, Sentence
from contract_analyzer.keydates.model import (
    WORD_NUMBERS,
    KeyDate,
    Renewal,
    Term,
    iso_duration,
    make_key,
)
from contract_analyzer.keydates.notice import find_renewal_notice
from contract_analyzer.keydates.term import (
    ABOUT_AGREEMENT,
    AUTO,
    NOT_AUTO,
    PERIODIC,
    RENEWAL_SENTENCE,
    is_notice_duration,
    is_renewal_duration,
)

_OTHER_OBJECT = re.compile(
    r"\b(?:lease\s+term|purchase\s+orders?|statements?\s+of\s+work|sow|insurance|policy|warrant\w*|price|pricing|"
    r"forecast|letter\s+of\s+credit|licen[cs]e\s+key|subscription\s+to)\b",
    re.IGNORECASE,
)


_MAX_RENEWALS = re.compile(
    r"\b(?:for\s+|up\s+to\s+|a\s+maximum\s+of\s+|no\s+more\s+than\s+)(?:(one|two|three|four|five)|(\d))\s*(?:\(\d\)\s*)?"
    r"(?:additional|further|successive|renewal|extension)",
    re.IGNORECASE,
)


_SAME_LENGTH = re.compile(
    r"(?:successive|additional|renewal)\s+(?:terms?|periods?)\s+of\s+(?:the\s+)?(?:same|equal|like)\s+(?:duration|length|period)",
    re.IGNORECASE,
)


def _renewal_sentence_score(s: Sentence) -> float:
    score = 0.0
    if ABOUT_AGREEMENT.search(s.text):
        score += 3
    if re.search(r"\brenew", s.text, re.IGNORECASE):
        score += 2
    if re.search(r"\bautomatic", s.text, re.IGNORECASE):
        score += 1
    if _OTHER_OBJECT.search(s.text):
        score -= 2
    return score


def find_renewal(ctx: Context, term: Term | None = None) -> Renewal:
    text = ctx.text
    out = Renewal()
    sentences = ctx.sentences_with(RENEWAL_SENTENCE, ("term_and_renewal", "termination"))
    renewal_sentences = [
        s
        for s in sentences
        if re.search(
            r"renew|extend|extension|successive|evergreen|to[\s-]+(?:year|month)|automatically\s+continue|annual|yearly|every\s+year",
            s.text,
            re.IGNORECASE,
        )
    ]
    ranked = sorted(renewal_sentences, key=lambda x: (-_renewal_sentence_score(x), x.start))
    for s in ranked:
        if _renewal_sentence_score(s) < 2:
            break
        candidates: list[tuple[float, Duration]] = []
        for d in ctx.durations_in(s.start, s.end):
            if d.amount is None or d.unit not in ("year", "month", "week", "day", "quarter"):
                continue
            if is_notice_duration(s, d, text):
                continue
            before = text[max(s.start, d.start - 60) : d.start]
            after = text[d.end : d.end + 40]
            score = 0.0
            if is_renewal_duration(s, d, text):
                score += 2
            if re.search(r"renew\w*|extend\w*", before, re.IGNORECASE):
                score += 1
            if re.match(
                r"[\s)]*(?:each|terms?|periods?|increments?|renewal|extension)",
                after,
                re.IGNORECASE,
            ):
                score += 1
            if re.search(
                r"initial\s+term[^.;]{0,30}$|term\s+of\s+this\s+agreement[^.;]{0,30}$|period\s+of\s*$",
                before,
                re.IGNORECASE,
            ) and not is_renewal_duration(s, d, text):
                score -= 3
            if term is not None and term.length is not None and term.length.start == d.start:
                score -= 3
            if score > 0:
                candidates.append((score, d))
        if candidates:
            d = max(candidates, key=lambda c: (c[0], -c[1].start))[1]
            assert d.amount is not None
            out.term = make_key("renewal_term", value=d.label, text=d.text, start=d.start, end=d.end,
                            derivation=f"renews for {d.label} at a time", period=d)  # fmt: skip
            out.period = (d.amount, d.unit)
        elif (
            _SAME_LENGTH.search(s.text)
            and term is not None
            and term.length is not None
            and term.length.amount is not None
        ):
            d = term.length
            m = _SAME_LENGTH.search(s.text)
            assert m is not None and d.amount is not None
            out.term = make_key("renewal_term", value=d.label, text=m.group(), start=s.start + m.start(), end=s.start + m.end(),
                            derivation=f"renews for terms of the same length as the initial term ({d.label})", period=d)  # fmt: skip
            out.period = (d.amount, d.unit)
        else:
            m = PERIODIC.search(s.text)
            if m:
                unit = "month" if "month" in m.group().lower() else "year"
                out.term = make_key("renewal_term", value=f"1 {unit}", text=m.group(), start=s.start + m.start(),
                                end=s.start + m.end(), derivation=f'renews "{m.group()}": 1 {unit} at a time')  # fmt: skip
                out.term = KeyDate(
                    **{**out.term.__dict__, "duration": iso_duration(Decimal(1), unit)}
                )
                out.period = (Decimal(1), unit)
        if out.term is not None:
            m = _MAX_RENEWALS.search(s.text)
            if m:
                n = m.group(1) or m.group(2)
                out.max_renewals = int(n) if n.isdigit() else WORD_NUMBERS.get(n.lower())
            break
    for s in ranked:
        if _renewal_sentence_score(s) < 2:
            break
        if AUTO.search(s.text) and not re.search(
            r"\bnot\s+(?:be\s+)?automatically", s.text, re.IGNORECASE
        ):
            m = AUTO.search(s.text)
            assert m is not None
            out.auto = make_key("auto_renewal", value="yes", text=s.text.strip()[:300], start=s.start, end=s.end,
                            derivation=f'renews without a new agreement ("{m.group()[:60].strip()}")')  # fmt: skip
            break
        if NOT_AUTO.search(s.text) and re.search(r"renew|extend", s.text, re.IGNORECASE):
            m = NOT_AUTO.search(s.text)
            assert m is not None
            out.auto = make_key("auto_renewal", value="no", text=s.text.strip()[:300], start=s.start, end=s.end,
                            derivation=f'renewal needs a decision ("{m.group()[:60].strip()}")')  # fmt: skip
            break
    if out.term is None and out.auto is not None and out.auto.value == "yes":
        out.term = make_key("renewal_term", value="unknown", text=out.auto.text, start=out.auto.start, end=out.auto.end,
                        derivation="renews automatically, but the text states no renewal length: the renewal "
                                   "term is unknown")  # fmt: skip
    notice = find_renewal_notice(ctx, renewal_sentences)
    if notice is not None:
        d, why = notice
        out.notice = make_key("notice_period_to_terminate_renewal", value=d.label, text=d.text, start=d.start,
                          end=d.end, derivation=f"notice {why} is due {d.label} before the term ends", period=d)  # fmt: skip
        out.notice_period = d
    return out
