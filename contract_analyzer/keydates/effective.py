"""The agreement date and the effective date, stated or defined by reference to the signatures."""

from __future__ import annotations

import re

from contract_analyzer.facts.dates import DateMention
from contract_analyzer.keydates.context import Context, is_filing_stamp
from contract_analyzer.keydates.events import (
    NAMED_DATE_EFFECTIVE,
    event_effective,
    is_event_phrase,
    named_date_effective,
)
from contract_analyzer.keydates.model import KeyDate, from_mention, make_key, window_before

_AGREEMENT_CUE = re.compile(
    r"(?:\bdated\b|\bmade\b|\bentered\s+into\b|\bexecuted\b|\bas\s+of\b|\bthis\b|\bday\s+of\b|\bon\b"
    r"|\beffective\b|\bdate\s*:|\bdate\b|\bagreement\b|\bcontract\b|\bamendment\b)[^.;]{0,60}$",
    re.IGNORECASE,
)


_STRONG_CUE = re.compile(
    r"(?:dated|made|entered\s+into|executed|signed|concluded)[^.;]{0,40}$", re.IGNORECASE
)


_OTHER_INSTRUMENT = re.compile(
    r"(?:\bamends\b|\bamended\b|\bamending\b|\bamendment\s+(?:no\.?\s*\d+\s+)?to\b|restat|supplement|original|"
    r"\bprior\b|previous|existing|terminat|expir|filed|incorporated|formed|organized|registration|act\s+of|"
    r"\buntil\b|through|ending|ended|reference\s+is|quot(?:e|ation)|proposal|offer\b|invoice|\bto\s+(?:the|that|a)\b[^.;]{0,80}\bdated)[^.;]{0,90}$",
    re.IGNORECASE,
)


_SIGNATURE_NEAR = re.compile(r"\b(?:by|name|title|its)\s*:|/s/|\bsignature\b", re.IGNORECASE)


_PREAMBLE_END = re.compile(
    r"\b(?:WHEREAS|RECITALS|BACKGROUND|NOW,?\s+THEREFORE|W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H)\b"
)


def _is_signature_date(text: str, d: DateMention) -> bool:
    """A date written beside signatures: a "Date:" label, or "By:", "Name:", "/s/" nearby."""
    around = text[max(0, d.start - 80) : d.end + 60]
    if _STRONG_CUE.search(window_before(text, d.start, 60)):
        return False
    if re.search(r"\bdate[ds]?\s*:\s*$", window_before(text, d.start, 20), re.IGNORECASE):
        return True
    if re.match(r"[\s\d/.-]*date\b", text[d.end : d.end + 30], re.IGNORECASE):
        return True
    return _SIGNATURE_NEAR.search(around) is not None


def _latest_signature_date(ctx: Context, start: int = 0) -> DateMention | None:
    text = ctx.text
    cands = [
        d
        for d in ctx.dates
        if d.start >= start and d.value is not None and not d.relative and not is_filing_stamp(text, d)
        and (_is_signature_date(text, d) or re.search(r"\bdated?\s*:?\s*$", window_before(text, d.start, 20), re.IGNORECASE))
    ]  # fmt: skip
    return max(cands, key=lambda d: (d.value, -d.start)) if cands else None  # type: ignore[arg-type, return-value]


def find_agreement_date(ctx: Context) -> KeyDate | None:
    text = ctx.text
    end = min(len(text), 4000)
    m = _PREAMBLE_END.search(text, 0, end)
    preamble_end = max(m.start(), 300) if m else end
    best: tuple[float, DateMention] | None = None
    signature_like: list[DateMention] = []
    for d in ctx.dates:
        if d.start >= preamble_end or d.relative or d.precision == "month_day":
            continue
        if is_filing_stamp(text, d):
            continue
        before = window_before(text, d.start, 90)
        score = 1.0 - d.start / (preamble_end * 4)
        strong = _STRONG_CUE.search(before) is not None
        if _AGREEMENT_CUE.search(before):
            score += 1.0
        if strong:
            score += 0.5
        if _OTHER_INSTRUMENT.search(before[-90:]):
            score -= 1.5
        if d.precision != "day":
            score -= 0.3
        if not strong and _is_signature_date(text, d) and d.value is not None:
            signature_like.append(d)
            continue
        if best is None or score > best[0]:
            best = (score, d)
    if best is not None and best[0] > 0.4:
        return from_mention("agreement_date", best[1], "the date in the contract's opening")
    if signature_like:
        d = max(signature_like, key=lambda x: x.value)  # type: ignore[arg-type, return-value]
        return from_mention("agreement_date", d, "the latest signature date on the first page")
    # executed "as of" in the testimonium, or dated signature lines
    for mm in re.finditer(r"IN\s+WITNESS\s+WHEREOF", text, re.IGNORECASE):
        signed = [d for d in ctx.dates
                  if mm.start() <= d.start < mm.start() + 400 and d.precision == "day" and not d.relative
                  and d.value is not None]  # fmt: skip
        if len(signed) > 1 and all(_is_signature_date(text, d) for d in signed):
            last = max(signed, key=lambda d: d.value)  # type: ignore[arg-type, return-value]
            return from_mention(
                "agreement_date", last, "the date the last party signed the contract"
            )
        if signed:
            return from_mention(
                "agreement_date", signed[0], "the date the parties executed the contract"
            )
    sig = _latest_signature_date(ctx, preamble_end)
    if sig is not None:
        return from_mention("agreement_date", sig, "the latest date beside the signatures")
    if best is not None and best[0] > 0:
        return from_mention("agreement_date", best[1], "the only date in the contract's opening")
    return None


_QUOTE = "(?:[\"“”'‘’]\\**)"


_EFFECTIVE_TERM = re.compile(
    r"(?:" + _QUOTE + r"\s*)?(?:Agreement\s+)?Effective\s+Date(?:\s*" + _QUOTE + r")?",
    re.IGNORECASE,
)


_DEFINES_AFTER = re.compile(
    r"\A[\s,]*(?:\(\s*(?:the|hereinafter(?:\s+(?:called|referred\s+to\s+as))?|herein|such\s+date,?\s+the)?\s*"
    + _QUOTE
    + r"?|(?:the|hereinafter(?:\s+(?:called|referred\s+to\s+as))?)\s*"
    + _QUOTE
    + r"|"
    + _QUOTE
    + r")\s*(?:[A-Z][\w-]*\s+){0,3}Effective\s+Date",
    re.IGNORECASE,
)


_MEANS = re.compile(
    r"\A\s*"
    + _QUOTE
    + r"?\s*(?:means|shall\s+mean|is|shall\s+be|will\s+be|:|refers\s+to|of\s+this\s+agreement\s+(?:is|shall\s+be))",
    re.IGNORECASE,
)


_EFFECTIVE_PHRASE = re.compile(
    r"(?:effective|in\s+(?:full\s+)?force|takes?\s+effect|come\s+into\s+(?:force|effect))\s+"
    r"(?:as\s+(?:of|from)|on|from|beginning(?:\s+on)?|commencing(?:\s+on)?)\s*(?:this\s+)?$",
    re.IGNORECASE,
)


_SIGNATURE_DEFINED = re.compile(
    r"(?:last|later|latest|final)\s+(?:of\s+the\s+)?(?:dates?|party|signature|execution)|"
    r"(?:signed|executed)\s+by\s+(?:both|all|each|the\s+last)|date\s+of\s+(?:the\s+)?(?:last|final)\s+signature|"
    r"date\s+of\s+(?:its\s+)?(?:signed\s+acceptance|signature|signing)",
    re.IGNORECASE,
)


_HEREOF = re.compile(
    r"date\s+(?:hereof|of\s+this\s+agreement|first\s+(?:above\s+)?(?:written|set\s+forth|stated|mentioned))|"
    r"execution\s+(?:date\s+)?of\s+this\s+agreement|upon\s+(?:its\s+)?execution",
    re.IGNORECASE,
)


def _signature_date(ctx: Context) -> DateMention | None:
    """The latest date beside the signatures (after "IN WITNESS WHEREOF", or anywhere)."""
    text = ctx.text
    starts = [m.start() for m in re.finditer(r"IN\s+WITNESS\s+WHEREOF", text, re.IGNORECASE)]
    return _latest_signature_date(ctx, starts[-1] if starts else 0)


_COMMENCE = re.compile(
    r"(?:\b(?:term|agreement|contract|appointment|engagement|services?|license|licence|promotion|venture|"
    r"sponsorship|employment|lease|program|arrangement|franchise)\b[^.;]{0,80}?"
    r"\b(?:commenc\w*|begin\w*|start\w*|be\s+effective|become\s+effective|come\s+into\s+(?:force|effect)|"
    r"enter\s+into\s+force)"
    r"|commencement\s+date\b[^.;]{0,40}?\b(?:is|will\s+be|shall\s+be|means|:)"
    r"|(?:contract|term|service)\s+(?:start|commencement)(?:\s+date)?\s*:)"
    r"[^.;]{0,30}?(?:on|as\s+of|from|:|be|means)?\s*(?:the\s+)?(?:day\s+of\s+)?$",
    re.IGNORECASE,
)


_EFFECTIVE_IS = re.compile(
    r"effective\s+date\b[^.;]{0,50}?\b(?:is|will\s+be|shall\s+be)\s*(?:the\s+)?$|effective\s+date\s*[:\-]?\s*$",
    re.IGNORECASE,
)


_EFFECTIVE_HEREOF = re.compile(
    r"(?:become|be|is|shall\s+be)\s+effective\s+(?:as\s+of|on|from|upon)\s+(?:the\s+)?(?:date\s+(?:hereof|of\s+this\s+agreement|first\s+(?:above\s+)?(?:written|set\s+forth|stated))|execution)",
    re.IGNORECASE,
)


_EFFECTIVE_UPON = re.compile(
    r"\b(?:this\s+(?:agreement|contract)|it)\s+(?:shall\s+|will\s+)?(?:become|be|is|takes?|comes?\s+into)\s+"
    r"(?:effective|in\s+force|effect|force)\s+(?:as\s+of|on|from|upon|with\s+effect\s+from)\s+",
    re.IGNORECASE,
)


_HEREOF_ONLY = re.compile(
    r"\s*(?:the\s+)?date\s+(?:hereof|first\s+(?:above\s+)?written)", re.IGNORECASE
)


def find_effective_date(ctx: Context, agreement: KeyDate | None) -> KeyDate | None:
    """THE effective date: the defined Effective Date if there is one, else the date the
    contract says it takes effect or its term commences, else the agreement date."""
    text = ctx.text
    usable = [d for d in ctx.dates if not d.relative and d.precision != "month_day"]
    # tier 1: the defined term, in whichever form comes first in the text
    defined: list[tuple[int, KeyDate]] = []
    for d in usable:
        if _DEFINES_AFTER.match(text[d.end : d.end + 80]):
            defined.append(
                (
                    d.start,
                    from_mention("effective_date", d, "the date defined as the Effective Date"),
                )
            )
            break
    for m in _EFFECTIVE_TERM.finditer(text):
        tail = text[m.end() : m.end() + 250]
        mm = _MEANS.match(tail)
        if not mm:
            continue
        after = m.end() + mm.end()
        near = [d for d in usable if after <= d.start < after + 120]
        clause = tail[mm.end() : mm.end() + 200]
        between = text[after : near[0].start] if near else ""
        if near and not _SIGNATURE_DEFINED.search(between) and not is_event_phrase(between):
            defined.append(
                (
                    m.start(),
                    from_mention(
                        "effective_date", near[0], "the Effective Date is defined as this date"
                    ),
                )
            )
            break
        if _SIGNATURE_DEFINED.search(clause[:160]) or is_event_phrase(clause[:160]):
            stop = re.search(r"[.;](?:\s|$)", clause)
            key = event_effective(ctx, agreement, _signature_date(ctx), after,
                                  after + (stop.start() if stop else len(clause)))  # fmt: skip
            if key is not None:
                defined.append((m.start(), key))
                break
        if _HEREOF.search(clause) and agreement is not None:
            defined.append((m.start(), _hereof(agreement, text, m.start(), after)))
            break
    if defined:
        first = min(defined, key=lambda x: x[0])[1]
        if first.value == "unresolved":  # "the date of the last signature", none dated: the
            stated = _effective_in_opening(ctx, usable)  # opening's "effective as of" stands
            if stated is not None:
                return stated
        return first
    # tier 2: "the effective date of this Agreement is <date>", "Effective Date: <date>"
    for d in usable:
        if _EFFECTIVE_IS.search(window_before(text, d.start, 80)):
            return from_mention("effective_date", d, "the contract states its effective date")
    named = NAMED_DATE_EFFECTIVE.search(text)
    if named is not None:  # "effective ... from the Launch Date": the date the contract gives it
        return named_date_effective(ctx, named)
    for m in _EFFECTIVE_UPON.finditer(text):
        tail = text[m.end() : m.end() + 200]
        if not is_event_phrase(text[m.start() : m.end() + 120]) or _HEREOF_ONLY.match(tail):
            continue
        stop = re.search(r"[.;](?:\s|$)", tail)
        key = event_effective(ctx, agreement, _signature_date(ctx), m.start(),
                              m.end() + (stop.start() if stop else len(tail)))  # fmt: skip
        if key is not None:
            return key
    m = _EFFECTIVE_HEREOF.search(text)
    if m and agreement is not None:
        return _hereof(agreement, text, m.start(), m.end())
    # tier 3: "effective as of <date>" in the opening
    stated = _effective_in_opening(ctx, usable)
    if stated is not None:
        return stated
    # tier 4: the date the term commences
    for d in usable:
        if d.precision != "day":
            continue
        before = window_before(text, d.start, 140)
        if _COMMENCE.search(before) and not _OTHER_INSTRUMENT.search(before[-70:]):
            return from_mention("effective_date", d, "the date the term commences")
    # tier 5: "effective as of <date>" anywhere else
    for d in usable:
        before = window_before(text, d.start, 60)
        if (
            _EFFECTIVE_PHRASE.search(before)
            and not _OTHER_INSTRUMENT.search(before)
            and not re.search(r"\b(?:each|every|annual\w*)\b", before, re.IGNORECASE)
        ):
            return from_mention(
                "effective_date", d, "the contract says it is effective from this date"
            )
    # tier 6: no separate effective date: the agreement date
    if agreement is not None:
        return make_key("effective_date", d=agreement.date, value=agreement.value, text=agreement.text,
                    start=agreement.start, end=agreement.end,
                    derivation="no separate effective date is stated; the agreement date applies")  # fmt: skip
    return None


def _effective_in_opening(ctx: Context, usable: list[DateMention]) -> KeyDate | None:
    """ "shall be effective as of May 1, 2020" in the first 4,000 characters."""
    for d in usable:
        if d.start > 4000:
            break
        before = window_before(ctx.text, d.start, 60)
        if _EFFECTIVE_PHRASE.search(before) and not _OTHER_INSTRUMENT.search(before):
            return from_mention(
                "effective_date", d, "the contract says it is effective from this date"
            )
    return None


def _hereof(agreement: KeyDate, text: str, start: int, end: int) -> KeyDate:
    end = min(len(text), end + 60)
    return make_key("effective_date", d=agreement.date, value=agreement.value, text=text[start:end].strip(),
                start=start, end=end,
                derivation=f"the Effective Date is the date of the agreement ({agreement.value})")  # fmt: skip
