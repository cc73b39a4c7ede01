"""The initial term: its end date, stated, relative to an anchor, or from its length."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from contract_analyzer.facts.arith import anniversary, term_end
from contract_analyzer.facts.dates import DateMention
from contract_analyzer.facts.durations import Duration
from contract_analyzer.facts.relative import resolve
from contract_analyzer.keydates.context import Context, Sentence
from contract_analyzer.keydates.model import (
    WORD_NUMBERS,
    KeyDate,
    Term,
    duration_phrase,
    from_mention,
    make_key,
    window_before,
)

_TERM_SENTENCE = re.compile(
    r"\b(?:terms?|expire|expiration|expiry|continu\w*|remain\w*\s+(?:in\s+(?:full\s+)?(?:force|effect)|effective|valid)|"
    r"(?:be|is)\s+valid|terminat\w*\s+on|"
    r"in\s+effect\s+(?:until|through|for)|effective\s+(?:until|through)|ends?\s+on|"
    r"(?:termination|expiration|expiry|end)\s+date|(?:contract|service|license|licence)\s+period|contract\s+end)\b",
    re.IGNORECASE,
)


RENEWAL_SENTENCE = re.compile(
    r"\b(?:renew\w*|extend\w*|extension|successive|evergreen|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month|"
    r"automatically\s+continue)",
    re.IGNORECASE,
)


_END_CUE = re.compile(
    r"(?:(?:expir\w*|until|through|thru|ending|end(?:s|ed)?|terminat\w*|to|till|including|conclud\w*)"
    r"(?:\s+to)?\s+(?:on\s+|at\s+)?(?:the\s+close\s+of\s+business\s+on\s+)?"
    r"(?:the\s+(?:earlier|later|earliest)\s+of\s*(?:\(?(?:i|a|1)\)\s*)?)?(?:the\s+end\s+of\s+)?"
    r"|(?:expiration|expiry|termination|end)\s+date[\"”]?\s*(?:[:\-]|is|shall\s+be|will\s+be|(?:shall\s+)?means?)?\s*"
    r"|(?:contract|term)\s+end\s*:\s*|no\s+later\s+than\s+|not\s+later\s+than\s+)$",
    re.IGNORECASE,
)


_START_CUE = re.compile(
    r"(?:commenc\w*|begin\w*|start\w*|effective|from|dated|made|entered)[^.;]{0,25}$", re.IGNORECASE
)


_TERM_LENGTH_CUE = re.compile(
    r"(?:(?:period|term)\s+of|for|continue\s+for|remain\s+in\s+(?:full\s+)?(?:force\s+and\s+)?effect\s+for|"
    r"shall\s+be|will\s+be|last\s+for|duration\s+of|initial\s+term\s+(?:is|shall\s+be|of)|term\s*:|"
    r"term\s+\([^)]*\)\s+of)\s+(?:at\s+least\s+)?(?:a\s+|an\s+)?(?:further\s+)?(?:initial\s+)?(?:period\s+of\s+)?$",
    re.IGNORECASE,
)


_PERPETUAL = re.compile(
    r"\b(?:perpetu\w*|in\s+perpetuity|indefinite(?:ly)?|(?:an\s+)?unlimited\s+(?:period|term|duration)|no\s+fixed\s+term|"
    r"until\s+(?:it\s+is\s+|so\s+)?terminated|until\s+(?:the\s+)?termination|unless\s+and\s+until\s+(?:it\s+is\s+)?terminated|"
    r"(?:end|expire|terminate)s?\s+(?:only\s+)?(?:when|upon\s+(?:its\s+)?termination)|until\s+(?:either|one|a|any)\s+party\s+(?:gives|provides|informs|terminates|elects)|"
    r"continue\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+)?unless\s+and\s+until)",
    re.IGNORECASE,
)


AUTO = re.compile(
    r"\b(?:automatic\w*|evergreen|shall\s+(?:be\s+)?renew\w*[^.;]{0,160}\bunless|will\s+(?:be\s+)?renew\w*[^.;]{0,160}\bunless|"
    r"renew\w*[^.;]{0,120}\bunless\s+(?:either|a|one|the)\s+party|"
    r"(?:shall|will)\s+continue\s+(?:thereafter\s+)?(?:from\s+)?(?:year|month)[\s-]+to[\s-]+(?:year|month))",
    re.IGNORECASE,
)


NOT_AUTO = re.compile(
    r"\b(?:mutual(?:ly)?\s+(?:written\s+)?(?:agree\w*|consent)|by\s+mutual|option\s+to\s+(?:renew|extend)|"
    r"may\s+(?:be\s+)?(?:renew|extend)\w*|upon\s+(?:the\s+)?(?:written\s+)?(?:agreement|consent)\s+of|"
    r"if\s+(?:both|the)\s+parties\s+agree|at\s+(?:the\s+)?(?:sole\s+)?(?:option|discretion)\s+of)",
    re.IGNORECASE,
)


_NOTICE_CUE = re.compile(r"\bnotice|\bnotif|\bwritten\b|\bdays?'|\bin\s+writing\b", re.IGNORECASE)


PERIODIC = re.compile(
    r"\b(?P<unit>year|month)[\s-]+to[\s-]+(?:year|month)\b|\b(?P<adv>annually|yearly|each\s+year|every\s+year|"
    r"monthly|annual\s+(?:renewals?|periods?|terms?|basis)|yearly\s+basis|month[\s-]+to[\s-]+month)\b",
    re.IGNORECASE,
)


def _anchors(effective: KeyDate | None, agreement: KeyDate | None) -> dict[str, date]:
    out: dict[str, date] = {}
    if agreement is not None and agreement.date is not None:
        out["date hereof"] = agreement.date
        out["execution date"] = agreement.date
        out["agreement date"] = agreement.date
    if effective is not None and effective.date is not None:
        for name in (
            "effective date",
            "commencement date",
            "start date",
            "contract effective date",
        ):
            out[name] = effective.date
        out.setdefault("date hereof", effective.date)
    return out


def is_renewal_duration(s: Sentence, d: Duration, text: str) -> bool:
    before = text[max(s.start, d.start - 45) : d.start].lower()
    after = text[d.end : d.end + 40].lower()
    return d.successive or bool(
        re.search(
            r"(?:renew\w*|additional|successive|extension|extended|further|consecutive)[^.;]{0,30}$",
            before,
        )
        or re.match(r"[^.;]{0,25}(?:renewal|extension)", after)
    )


def is_notice_duration(s: Sentence, d: Duration, text: str) -> bool:
    before = text[max(s.start, d.start - 40) : d.start].lower()
    after = text[d.end : d.end + 40].lower()
    if d.relation != "before" and re.search(
        r"\b(?:for|period\s+of|term\s+of)\s+(?:at\s+least|not\s+less\s+than|no\s+less\s+than)\s*$",
        before,
    ):
        return False  # "remain in effect for at least one year": a minimum term, not a notice
    return d.relation == "before" or bool(
        re.search(
            r"(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+later\s+than|upon|with|giving|give|provides?)\s*$",
            before,
        )
        or re.match(r"[’'s\s]*(?:prior\s+)?(?:written\s+)?(?:notice|notification)", after)
    )


# in both the strong and the defining term sentences: a "Term." heading, and "This Agreement is
# effective as of ... and shall terminate on ..."
_TERM_HEADING_OR_EFFECTIVE_UNTIL = (
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?term(?:\s+(?:and|&)\s+termination)?\s*[.:]|"
    r"\b(?:this|the)\s+(?:agreement|contract)\s+is\s+effective\b[^.;]{0,100}\b(?:shall|will)\s+(?:terminate|expire|end|continue)"
)


_STRONG_TERM = re.compile(
    r"\b(?:(?:initial|original)\s+(?:\w+\s+){0,2}term|term\s+of\s+(?:this|the)\s+(?:agreement|contract|license|licence)|"
    r"(?:this|the)\s+(?:agreement|contract|jsma|amendment|sla|order|dpa)\s+(?:(?:shall|will|is\s+to)\s+)?"
    r"(?:commence|continue|remain|be\s+effective|become\s+effective|be\s+in\s+(?:full\s+force|effect)|expire|terminate|"
    r"end|start|begin|run|have\s+an?\s+(?:initial\s+)?term)s?\b|"
    r"(?:the\s+)?term\b[^.;]{0,50}\b(?:(?:shall|will)\s+)?(?:commence|begin|be|continue|expire|end|terminate|run)s?\b|"
    r"[\"“]?(?:term|contract\s+period|service\s+period|term\s+of\s+agreement)[\"”]?\s+(?:shall\s+)?means?|"
    + _TERM_HEADING_OR_EFFECTIVE_UNTIL
    + r")",
    re.IGNORECASE,
)


# the sentences that define the agreement's own term come first: "the term of this Agreement shall
# begin ...", "the Initial Term", "this Agreement shall remain in effect until ..." outrank a term
# mentioned in passing ("a licence having a term of at least one year", "during the Term")
_DEFINES_TERM = re.compile(
    r"\b(?:initial|original)\s+term\b|(?<!during\sthe\s)(?<!throughout\sthe\s)(?<!within\sthe\s)(?<!other\s)(?<!any\s)\bterm\s+of\s+(?:this|the)\s+(?:agreement|contract)\b|"
    r"[\"“](?:initial\s+)?(?:term|contract\s+period|service\s+period)[\"”]|"
    r"\b(?:this|the)\s+(?:agreement|contract)\s+(?:shall|will|is\s+to)\s+(?:commence|continue|remain|expire|terminate|run|"
    r"be\s+effective|become\s+effective|be\s+in\s+(?:full\s+)?(?:force|effect)|have\s+an?\s+(?:initial\s+)?term)|"
    + _TERM_HEADING_OR_EFFECTIVE_UNTIL,
    re.IGNORECASE,
)


_AFTER_CONTRACT = re.compile(
    r"(?![\s)]*(?:from|after|following)\s+(?:and\s+including\s+)?(?:the\s+)?(?:date\s+(?:hereof|of\s+(?:this|the|its)\s+(?:agreement|contract|document|execution|signing))"
    r"|(?:effective|execution|commencement)\s+date))"
    r"[\s)]*(?:after|following|from|beyond)\b[^.;]{0,30}(?:terminat|expir|invoice|payment|receipt|notice|the\s+date)"
    r"|[\s)]*thereafter",
    re.IGNORECASE,
)


# "the term shall begin on the Effective Date and continue for three (3) years thereafter":
# "thereafter" counts from the start, not from the end of the contract
_BEGINS = re.compile(
    r"\b(?:commenc\w*|begin\w*|start\w*|become\s+effective|be\s+effective|effective\s+(?:on|as\s+of|upon)|"
    r"upon\s+the\s+effective\s+date|on\s+the\s+effective\s+date)\b",
    re.IGNORECASE,
)


_NTH_ANNIVERSARY = re.compile(
    r"\b(?:until|through|expir\w*\s+on|end\w*\s+on|terminat\w*\s+on)\s+"
    r"(?:the\s+(?:earlier|later|earliest|latest)\s+(?:to\s+occur\s+)?of\s*(?:\(?(?:i|a|1)\)\s*)?)?(?:the\s+)?"
    r"(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|fifteenth|twentieth|\d{1,2}(?:st|nd|rd|th))"
    r"\s*(?:\(\s*\d{1,2}\s*(?:st|nd|rd|th|t\s*h)?\s*\)\s*)?anniversary\s+of\s+(?:the\s+)?"
    r"(?P<anchor>effective\s+date|commencement\s+date|date\s+(?:hereof|of\s+this\s+agreement))",
    re.IGNORECASE,
)
_ORDINAL_N = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20}  # fmt: skip


def _anniversary_end(s: Sentence, anchors: dict[str, date]) -> KeyDate | None:
    """ "until the earlier of (a) the fifth (5th) anniversary of the Effective Date, and (b)
    ...": the anniversary (the first limb a renewal manager can put in a calendar)."""
    m = _NTH_ANNIVERSARY.search(s.text)
    if m is None:
        return None
    word = m.group("n").lower()
    n = _ORDINAL_N.get(word) or int(re.sub(r"\D", "", word) or 0)
    anchor = " ".join(m.group("anchor").lower().split())
    base = anchors.get(anchor) or (anchors.get("date hereof") if "date" in anchor else None)
    if not n or base is None:
        return None
    end = anniversary(base, n, "year")
    either = re.search(r"earlier|earliest|later|latest", m.group(), re.IGNORECASE)
    note = f' (the "{either.group().lower()} of" limb that is a date)' if either else ""
    return make_key("expiration_date", d=end, value=end.isoformat(), text=m.group(), start=s.start + m.start(),
                    end=s.start + m.end(),
                    derivation=f"the term runs until the {n}th anniversary of the {anchor} "
                               f"{base.isoformat()} = {end.isoformat()}{note}")  # fmt: skip


_YEAR_N = re.compile(
    r"end\s+of\s+(?:contract\s+)?year\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)


_PART_OF_TERM = re.compile(
    r"\b(?:last|first|final|remaining|during|within|each|every|per|any)\s+(?:such\s+)?$",
    re.IGNORECASE,
)


_POST_TERM = re.compile(
    r"\b(?:after|following|upon|beyond|surviv\w*)\s+(?:the\s+|any\s+|such\s+|its\s+)?"
    r"(?:date\s+of\s+)?(?:termination|expiration|expiry)\b",
    re.IGNORECASE,
)


def _last_day(m: DateMention) -> date | None:
    """The last day of a month or year written as a partial date ("until the end of 2006")."""
    if m.year is None:
        return None
    if m.month is None:
        return date(m.year, 12, 31)
    return date(m.year, m.month, 1) + relativedelta(months=1, days=-1)


_TIGHT_END = re.compile(
    r"\b(?:to|until|through|thru|till)\s+(?:and\s+including\s+)?$", re.IGNORECASE
)


_END_OF_YEAR = re.compile(
    r"\b(?:until|through|expir\w*(?:\s+(?:at|on))?|end\w*(?:\s+(?:at|on))?|terminat\w*(?:\s+(?:at|on))?)\s+"
    r"the\s+end\s+of\s+(?:the\s+)?(?:calendar\s+year\s+|year\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s*[-/])",
    re.IGNORECASE,
)


def _stated_end(ctx: Context, s: Sentence) -> KeyDate | None:
    text = ctx.text
    m = _END_OF_YEAR.search(s.text)
    if m is not None:  # "in effect until the end of 2006": a bare year is no date mention
        last = date(int(m.group("year")), 12, 31)
        return make_key("expiration_date", d=last, value=last.isoformat(), text=m.group(), start=s.start + m.start(),
                        end=s.start + m.end(), derivation=f"the term ends at the end of {m.group('year')} = {last.isoformat()}")  # fmt: skip
    for d in ctx.dates_in(s.start, s.end):
        if d.relative or d.precision not in ("day", "month", "year"):
            continue
        before = window_before(text, d.start, 60)
        if not _END_CUE.search(before):
            continue
        if _START_CUE.search(before[-20:]) and not _TIGHT_END.search(before):
            continue  # "commencing on the Effective Date ... 1 May": a start, unless "... to 31 July 2013"
        if d.precision != "day" and re.search(
            r"end\s+of\s+(?:the\s+)?(?:calendar\s+|fiscal\s+)?(?:year\s+|month\s+of\s+)?$",
            before,
            re.IGNORECASE,
        ):
            last = _last_day(d)
            if last is not None:
                return make_key("expiration_date", d=last, value=last.isoformat(), text=d.text, start=d.start, end=d.end,
                            derivation=f'the term ends at the end of {d.text} = {last.isoformat()}')  # fmt: skip
        return from_mention("expiration_date", d, "the end of the term as stated in the contract")
    return None


def _relative_end(ctx: Context, s: Sentence, anchors: dict[str, date]) -> KeyDate | None:
    for r in resolve(ctx.facts.within(s.start, s.end).relative_dates, anchors):
        if (
            r.direction != "after"
            or r.unit not in ("year", "month", "week", "day")
            or r.value is None
        ):
            continue
        lead = ctx.text[max(s.start, r.start - 50) : r.start].lower()
        if not re.search(
            r"(?:until|through|on|end\w*|expir\w*|terminat\w*|continu\w*|for|of|conclud\w*)[^.;]{0,30}$",
            lead,
        ):
            continue
        value = r.value
        derivation = r.derivation or ""
        if re.search(r"day\s+(?:prior|before|preceding)\s+(?:to\s+)?(?:the\s+)?$", lead):
            value = value - relativedelta(days=1)
            derivation += f"; the day before = {value.isoformat()}"
        elif (
            not getattr(r, "anniversary", False)
            and re.search(r"\bfor\s+(?:a\s+(?:further\s+)?(?:period|term)\s+of\s+)?$", lead)
        ):  # a term "for one year from X" is over on the anniversary: its last day is the day before
            last = value - timedelta(days=1)
            key = make_key("expiration_date", d=last, value=last.isoformat(), text=r.text, start=r.start,
                           end=r.end, derivation=f"{derivation} - 1 day = {last.isoformat()} (the term's last day)")  # fmt: skip
            return replace(key, anniversary=value)
        return make_key("expiration_date", d=value, value=value.isoformat(), text=r.text,
                    start=r.start, end=r.end, derivation=derivation)  # fmt: skip
    return None


def _length_end(
    ctx: Context, s: Sentence, start_date: date | None, strong: bool, out: Term
) -> KeyDate | None:
    text = ctx.text
    renewal_only = bool(
        re.search(r"\brenew\w*|\bsuccessive\b|\bautomatic", s.text, re.IGNORECASE)
    ) and not re.search(
        r"(?:initial|original)\s+(?:\w+\s+){0,2}(?:term|period)|term\s+of\s+this",
        s.text,
        re.IGNORECASE,
    )
    if renewal_only:
        return None
    candidates = []
    for d in ctx.durations_in(s.start, s.end):
        if d.amount is None or d.unit not in ("year", "month", "week", "day", "quarter", "decade"):
            continue
        if is_renewal_duration(s, d, text) or is_notice_duration(s, d, text):
            continue
        before = text[max(s.start, d.start - 60) : d.start]
        after = _AFTER_CONTRACT.match(text, d.end)
        if after and not (
            after.group().strip().lower() == "thereafter" and _BEGINS.search(text, s.start, d.start)
        ):
            continue  # survival, records, insurance: periods after the contract, not its term
        clause_start = max(s.start, text.rfind(":", s.start, d.start) + 1)
        if _PART_OF_TERM.search(before) or _POST_TERM.search(text, clause_start, d.start):
            continue  # "the last two (2) months of the Term", "after the expiration ... for 5 years"
        cue = _TERM_LENGTH_CUE.search(before) or re.search(
            r"(?:initial\s+)?\bterm\b[^.;]{0,40}$", before, re.IGNORECASE
        )
        if not strong and d.unit not in ("year", "month", "decade", "quarter"):
            continue
        if cue or (strong and d.unit in ("year", "month")):
            candidates.append((0 if cue else 1, d))
    if not candidates:
        m = _YEAR_N.search(s.text)
        if m and start_date is not None:
            n = int(m.group(1)) if m.group(1).isdigit() else WORD_NUMBERS[m.group(1).lower()]
            end = term_end(start_date, n, "year")
            return make_key("expiration_date", d=end, value=end.isoformat(), text=m.group(), start=s.start + m.start(),
                        end=s.start + m.end(), derivation=f"effective {start_date.isoformat()} + {n} years - 1 day (end of Year {n}) = {end.isoformat()}")  # fmt: skip
        return None
    d = min(candidates, key=lambda c: (c[0], c[1].start))[1]
    assert d.amount is not None
    out.length = d
    start = start_date
    start_note = "effective"
    stated = [
        x
        for x in ctx.dates_in(s.start, s.end)
        if x.value and _START_CUE.search(window_before(text, x.start, 30))
    ]
    if stated:
        start, start_note = stated[0].value, "starting"
    out.start = start
    if start is None:
        return None
    end = term_end(start, d.amount, d.unit, business=d.business)
    phrase = duration_phrase(d.amount, d.unit, d.business) + " - 1 day"
    key = make_key("expiration_date", d=end, value=end.isoformat(), text=s.text.strip()[:300], start=s.start, end=s.end,
                derivation=f"{start_note} {start.isoformat()} + {phrase} = {end.isoformat()} (the term's last day)")  # fmt: skip
    return replace(key, anniversary=end + timedelta(days=1))


def _dated_end(ctx: Context, s: Sentence, anchors: dict[str, date]) -> KeyDate | None:
    """The end the sentence states as a date, relative to an anchor or as an anniversary."""
    return _stated_end(ctx, s) or _relative_end(ctx, s, anchors) or _anniversary_end(s, anchors)


def _stated_nearby(
    ctx: Context, following: list[Sentence], s: Sentence, anchors: dict[str, date], reach: int = 400
) -> KeyDate | None:
    """ "This Agreement shall have an Initial Term of three (3) years. The Term shall commence
    on July 23, 2013 and shall expire on July 22, 2016": the stated end, within ``reach``
    characters after the sentence that gives the length."""
    for t in following:
        if t.start - s.end > reach:
            break
        found = _dated_end(ctx, t, anchors)
        if found is not None:
            return found
    return None


_CUT_DEFINITION = re.compile(
    r"[\"“][^\"”]{1,40}[\"”]\s+(?:shall\s+)?means?\s+\S{0,20}$", re.IGNORECASE
)


def _rejoined(ctx: Context, s: Sentence) -> Sentence:
    """'"Service Period" means April. 1st 2019 through to March 30, 2020.': a definition the
    sentence splitter cut right after its first word, joined to the next sentence again."""
    if not _CUT_DEFINITION.search(s.text.rstrip()):
        return s
    following = next((t for t in ctx.sentences if t.start >= s.end), None)
    if following is None or following.start - s.end > 3:
        return s
    return Sentence(s.start, following.end, ctx.text[s.start : following.end])


def find_term(ctx: Context, effective: KeyDate | None, agreement: KeyDate | None) -> Term:
    out = Term()
    start_date = effective.date if effective is not None else None
    anchors = _anchors(effective, agreement)
    sentences = [
        _rejoined(ctx, s)
        for s in ctx.sentences_with(_TERM_SENTENCE, ("term_and_renewal", "termination"))
    ]
    strong = [s for s in sentences if _STRONG_TERM.search(s.text)]
    weak = [s for s in sentences if not _STRONG_TERM.search(s.text)]
    defining = [s for s in strong if _DEFINES_TERM.search(s.text)]
    others = [s for s in strong if not _DEFINES_TERM.search(s.text)]
    for group, is_strong in ((defining, True), (others, True), (weak, False)):
        for s in group:
            found = _dated_end(ctx, s, anchors)
            if found is None:
                found = _length_end(ctx, s, start_date, is_strong, out)
                if found is not None:  # a stated end date close after the length outranks it
                    later = sorted(
                        (t for t in sentences if t.start >= s.end), key=lambda t: t.start
                    )
                    found = _stated_nearby(ctx, later, s, anchors) or found
            if found is not None:
                out.expiration = found
                return out
            if out.length is not None:  # a length but no start date to count from
                return out
            m = _PERPETUAL.search(s.text) if is_strong else None
            if m is not None:
                out.expiration = _open_ended(ctx, s, m)
                return out
    # no end at all: perpetual / until terminated
    for s in strong + weak:
        m = _PERPETUAL.search(s.text)
        if m and re.search(r"\b(?:agreement|term|contract)\b", s.text, re.IGNORECASE):
            if (
                re.search(r"licen[cs]e", s.text, re.IGNORECASE)
                and not re.search(r"\bterm\b", s.text, re.IGNORECASE)
                and not ABOUT_AGREEMENT.search(s.text, 0, m.start())
            ):
                continue  # a perpetual licence grant, not the agreement's term
            out.expiration = _open_ended(ctx, s, m)
            return out
    for s in defining + others:  # the term ends on an event, not on a date
        m = _EVENT_END.search(s.text)
        if m and not (re.search(r"\b(?:if|upon|when)$", m.group(), re.IGNORECASE)
                      and _NOT_EVENT_END.search(s.text, m.end(), m.end() + 100)):  # fmt: skip
            out.expiration = make_key("expiration_date", value="evergreen", text=s.text.strip()[:300], start=s.start,
                                      end=s.end, derivation=f'no end date: the term ends on an event ("{" ".join(m.group().split())}")')  # fmt: skip
            return out
    return out


# "This Agreement shall continue in force until the earlier to occur of (i) the Owner no longer
# owns any Receivables ...", "shall expire if the Investment Advisor ceases to serve", "shall
# extend until the last date of expiration of the ... rights": no date to put in a calendar
_EVENT_END = re.compile(
    r"\b(?:continue|remain)\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+until\s+(?:the\s+)?"
    r"(?:earlier|later|earliest|latest)\s+(?:to\s+occur\s+)?of\b|"
    r"\b(?:agreement|contract)\s+shall\s+(?:automatically\s+)?(?:expire|terminate|end)\s+(?:automatically\s+)?"
    r"(?:if|upon|when|on\s+the\s+date\s+(?:on\s+which|that|when))\b|"
    r"\bshall\s+(?:extend|continue|remain\s+in\s+effect)\s+until\s+the\s+(?:last\s+)?(?:date\s+of\s+)?expiration\s+of\b|"
    r"\bend\s+on\s+the\s+(?:expiration|termination)\s+date\s+of\b",
    re.IGNORECASE,
)
# termination rights, not the end of the term
_NOT_EVENT_END = re.compile(
    r"\bnotice|\bbreach|\bdefault|insolv|bankrupt|\bwind(?:ing)?[- ]up|receiver|liquidat",
    re.IGNORECASE,
)


def _open_ended(ctx: Context, s: Sentence, m: re.Match[str]) -> KeyDate:
    """No end date: "perpetual" when the contract says so (a perpetual licence, in perpetuity),
    "evergreen" when it simply runs until terminated."""
    perpetual = re.search(r"perpetu|indefinite|unlimited|no\s+fixed\s+term", s.text, re.IGNORECASE)
    if perpetual is None:
        perpetual = re.search(
            r"\bperpetual\b[^.;]{0,40}\blicen[cs]e|licen[cs]es?\b[^.;]{0,60}\bperpetual",
            ctx.text,
            re.IGNORECASE,
        )
    value = "perpetual" if perpetual else "evergreen"
    return make_key("expiration_date", value=value, text=s.text.strip()[:300], start=s.start, end=s.end,
                derivation=f'no end date: the term runs "{m.group()}"')  # fmt: skip


ABOUT_AGREEMENT = re.compile(
    r"\b(?:this|the)\s+(?:agreement|contract|jsma)\b|\b(?:initial|renewal|extension|extended|then[\s-]+current|original)\s+term|\bthe\s+term\b",
    re.IGNORECASE,
)
