"""Key dates of a contract: effective and agreement dates, expiry, renewal, the notice deadline.

The costliest contract mistake is a missed renewal: the contract renews because nobody worked
out the last day to give notice. :func:`extract_key_dates` reads the dates, periods and defined
terms of a contract and derives that calendar, each :class:`KeyDate` with the arithmetic a
person can check ("effective 2024-03-01 + 36 months - 1 day = 2027-02-28; auto-renews for
12 months; notice 90 days before 2027-02-28 = 2026-11-30").

Conventions (stated in every derivation): a term "for N months/years" from a start date ends
on its last day, the day before the N-th anniversary ("effective 2024-03-01 + 36 months - 1
day = 2027-02-28"); a term "until" a date or anniversary ends on that date; renewal terms run
on from the previous end ("auto-renews for 12 months"); months are calendar months (Jan 31 +
1 month = Feb 29 in 2024); a notice period "90 days before" counts back calendar days from
the end of the term; business days skip weekends only. CUAD's annotators count the
anniversary day itself as the end of an N-year term, one day later than here.

Sentences are found by keywords so the function works on bare text; when tagged ``clauses``
(``contract_analyzer.tagging.clause.Clause``) are given, sentences inside clauses of the
relevant types (term_and_renewal, termination, payment_terms, confidentiality) are tried
first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from contract_analyzer.facts.arith import add_period
from contract_analyzer.facts.dates import DateMention, extract_dates
from contract_analyzer.facts.durations import Duration, extract_durations
from contract_analyzer.facts.relative import extract_relative_dates
from contract_analyzer.settings import Settings

KINDS: tuple[str, ...] = (
    "agreement_date",
    "effective_date",
    "expiration_date",
    "renewal_term",
    "auto_renewal",
    "notice_period_to_terminate_renewal",
    "next_notice_deadline",
    "payment_due_period",
    "survival_period",
)


@dataclass(frozen=True)
class KeyDate:
    """One key date or period of a contract.

    ``kind`` is one of :data:`KINDS`. ``date`` is set for calendar dates; ``value`` carries
    non-date facts ("12 months", "yes", "perpetual", "evergreen") and partial dates
    ("2019-09"). ``duration`` is the same period as an ISO 8601 duration ("P12M", "P90D")
    for the period kinds. ``text``/``start``/``end`` is the evidence in the contract text and
    ``derivation`` the reasoning or arithmetic behind the value.
    """

    kind: str
    date: date | None
    value: str | None
    text: str
    start: int
    end: int
    derivation: str
    duration: str | None = None


# ------------------------------------------------------------------------------ sentences

_BOUNDARY = re.compile(
    r"(?<=[.;!?])[\"”’)]*\s+(?=[\"“(\[]?[A-Z0-9])"  # end of sentence
    r"|\n[ \t]*\n\s*"  # blank line
    r"|\n(?=[ \t]*(?:\(?[a-z0-9]{1,3}[.)]|\d+(?:\.\d+)+)\s)"  # a numbered line
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:inc|corp|co|ltd|llc|no|nos|sec|art|para|mr|mrs|ms|dr|st|jr|sr|u\.s|e\.g|i\.e|etc|vs|v)\.)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str


def _sentences(text: str, limit: int = 1500) -> list[_Sentence]:
    out: list[_Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _ABBREVIATIONS.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        if m.start() > start:
            out.append(_Sentence(start, m.start(), text[start : m.start()]))
        start = m.end()
    if start < len(text):
        out.append(_Sentence(start, len(text), text[start:]))
    # very long "sentences" (tables, run-on text) are cut so cues stay local
    cut: list[_Sentence] = []
    for s in out:
        if s.end - s.start <= limit:
            cut.append(s)
            continue
        for a in range(s.start, s.end, limit):
            b = min(s.end, a + limit)
            cut.append(_Sentence(a, b, text[a:b]))
    return cut


# ------------------------------------------------------------------------------ context


class _Context:
    """Everything extracted once from the contract and shared by the key-date finders."""

    def __init__(self, text: str, clauses: Sequence[Any] | None, settings: Settings | None):
        self.text = text
        self.sentences = _sentences(text)
        # EDGAR copies carry "Source: COMPANY, 8-K, 11/6/2019" lines: filing dates, not the contract's
        self.dates = [
            d for d in extract_dates(text, settings=settings) if not _is_filing_stamp(text, d)
        ]
        self.durations = extract_durations(text)
        self.clauses = list(clauses or [])

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def durations_in(self, start: int, end: int) -> list[Duration]:
        return [d for d in self.durations if start <= d.start and d.end <= end]

    def sentences_with(
        self, pattern: re.Pattern[str], clause_types: Iterable[str] = ()
    ) -> list[_Sentence]:
        """Sentences matching ``pattern``; those inside clauses of ``clause_types`` first."""
        hits = [s for s in self.sentences if pattern.search(s.text)]
        types = set(clause_types)
        spans = [(c.start, c.end) for c in self.clauses if getattr(c, "type", None) in types]
        if not spans:
            return hits

        def inside(s: _Sentence) -> bool:
            return any(a <= s.start < b or a < s.end <= b for a, b in spans)

        return [s for s in hits if inside(s)] + [s for s in hits if not inside(s)]


def _window_before(text: str, start: int, size: int = 80) -> str:
    return text[max(0, start - size) : start]


_ISO_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _iso(amount: Decimal, unit: str, business: bool = False) -> str | None:
    """ISO 8601 duration for a period ("P90D"); quarters and decades in months and years."""
    if business:
        return None
    if unit == "quarter":
        amount, unit = amount * 3, "month"
    elif unit == "decade":
        amount, unit = amount * 10, "year"
    elif unit == "fortnight":
        amount, unit = amount * 14, "day"
    code = _ISO_UNITS.get(unit)
    return f"P{amount.normalize():f}{code}" if code else None


def _key(kind: str, *, d: date | None = None, value: str | None = None, text: str, start: int, end: int,
         derivation: str, period: Duration | None = None) -> KeyDate:  # fmt: skip
    iso = None
    if period is not None and period.amount is not None:
        iso = _iso(period.amount, period.unit, period.business)
    if period is not None and period.inconsistent:
        derivation += (
            f'; CHECK: "{" ".join(period.text.split())}" gives the number in words and in digits '
            f"differently; read as the words ({period.label}), which usually prevail"
        )
    return KeyDate(kind, d, value, text, start, end, derivation, iso)


def _partial_value(m: DateMention) -> str:
    if m.year is not None and m.month is not None:
        return f"{m.year:04d}-{m.month:02d}"
    if m.year is not None:
        return f"{m.year:04d}"
    return m.text


def _from_mention(kind: str, m: DateMention, derivation: str) -> KeyDate:
    if m.value is not None:
        return _key(kind, d=m.value, value=m.value.isoformat(), text=m.text, start=m.start, end=m.end,
                    derivation=derivation)  # fmt: skip
    note = " (partial date: the day is not stated)" if m.is_partial else ""
    return _key(kind, value=_partial_value(m), text=m.text, start=m.start, end=m.end,
                derivation=derivation + note)  # fmt: skip


# ------------------------------------------------------------------------ agreement date

_AGREEMENT_CUE = re.compile(
    r"(?:\bdated\b|\bmade\b|\bentered\s+into\b|\bexecuted\b|\bas\s+of\b|\bthis\b|\bday\s+of\b|\bon\b"
    r"|\beffective\b|\bdate\s*:|\bdate\b|\bagreement\b|\bcontract\b|\bamendment\b)[^.;]{0,60}$",
    re.IGNORECASE,
)
_STRONG_CUE = re.compile(
    r"(?:dated|made|entered\s+into|executed|signed|concluded)[^.;]{0,40}$", re.IGNORECASE
)
# the date belongs to another instrument or event: "amends that certain Agreement dated ..."
_OTHER_INSTRUMENT = re.compile(
    r"(?:\bamends\b|\bamended\b|\bamending\b|\bamendment\s+(?:no\.?\s*\d+\s+)?to\b|restat|supplement|original|"
    r"\bprior\b|previous|existing|terminat|expir|filed|incorporated|formed|organized|registration|act\s+of|"
    r"\buntil\b|through|ending|ended|reference\s+is|quot(?:e|ation)|proposal|offer\b|invoice|\bto\s+(?:the|that|a)\b[^.;]{0,80}\bdated)[^.;]{0,90}$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*Source:[^\n]*$")
_SIGNATURE_NEAR = re.compile(r"\b(?:by|name|title|its)\s*:|/s/|\bsignature\b", re.IGNORECASE)
_PREAMBLE_END = re.compile(
    r"\b(?:WHEREAS|RECITALS|BACKGROUND|NOW,?\s+THEREFORE|W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H)\b"
)


def _is_filing_stamp(text: str, d: DateMention) -> bool:
    """EDGAR copies carry "Source: COMPANY, 8-K, 11/6/2019" lines: a filing date, not the
    contract's."""
    return _SOURCE_LINE.search(text[max(0, d.start - 200) : d.start]) is not None


def _is_signature_date(text: str, d: DateMention) -> bool:
    """A date written beside signatures: a "Date:" label, or "By:", "Name:", "/s/" nearby."""
    around = text[max(0, d.start - 80) : d.end + 60]
    if _STRONG_CUE.search(_window_before(text, d.start, 60)):
        return False
    if re.search(r"\bdate[ds]?\s*:\s*$", _window_before(text, d.start, 20), re.IGNORECASE):
        return True
    if re.match(r"[\s\d/.-]*date\b", text[d.end : d.end + 30], re.IGNORECASE):
        return True
    return _SIGNATURE_NEAR.search(around) is not None


def _latest_signature_date(ctx: _Context, start: int = 0) -> DateMention | None:
    text = ctx.text
    cands = [
        d
        for d in ctx.dates
        if d.start >= start and d.value is not None and not d.relative and not _is_filing_stamp(text, d)
        and (_is_signature_date(text, d) or re.search(r"\bdated?\s*:?\s*$", _window_before(text, d.start, 20), re.IGNORECASE))
    ]  # fmt: skip
    return max(cands, key=lambda d: (d.value, -d.start)) if cands else None  # type: ignore[arg-type, return-value]


def _agreement_date(ctx: _Context) -> KeyDate | None:
    text = ctx.text
    end = min(len(text), 4000)
    m = _PREAMBLE_END.search(text, 0, end)
    preamble_end = max(m.start(), 300) if m else end
    best: tuple[float, DateMention] | None = None
    signature_like: list[DateMention] = []
    for d in ctx.dates:
        if d.start >= preamble_end or d.relative or d.precision == "month_day":
            continue
        if _is_filing_stamp(text, d):
            continue
        before = _window_before(text, d.start, 90)
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
        return _from_mention("agreement_date", best[1], "the date in the contract's opening")
    if signature_like:
        d = max(signature_like, key=lambda x: x.value)  # type: ignore[arg-type, return-value]
        return _from_mention("agreement_date", d, "the latest signature date on the first page")
    # executed "as of" in the testimonium, or dated signature lines
    for mm in re.finditer(r"IN\s+WITNESS\s+WHEREOF", text, re.IGNORECASE):
        for d in ctx.dates:
            if mm.start() <= d.start < mm.start() + 400 and d.precision == "day" and not d.relative:
                return _from_mention(
                    "agreement_date", d, "the date the parties executed the contract"
                )
    sig = _latest_signature_date(ctx, preamble_end)
    if sig is not None:
        return _from_mention("agreement_date", sig, "the latest date beside the signatures")
    if best is not None and best[0] > 0:
        return _from_mention("agreement_date", best[1], "the only date in the contract's opening")
    return None


# ------------------------------------------------------------------------ effective date

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


def _signature_date(ctx: _Context) -> DateMention | None:
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


def _effective_date(ctx: _Context, agreement: KeyDate | None) -> KeyDate | None:
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
                    _from_mention("effective_date", d, "the date defined as the Effective Date"),
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
        if near and not _SIGNATURE_DEFINED.search(text[after : near[0].start]):
            defined.append(
                (
                    m.start(),
                    _from_mention(
                        "effective_date", near[0], "the Effective Date is defined as this date"
                    ),
                )
            )
            break
        if _SIGNATURE_DEFINED.search(clause):
            sig = _signature_date(ctx)
            if sig is not None:
                defined.append(
                    (
                        m.start(),
                        _from_mention(
                            "effective_date",
                            sig,
                            "the Effective Date is the date of the last signature",
                        ),
                    )
                )
                break
        if _HEREOF.search(clause) and agreement is not None:
            defined.append((m.start(), _hereof(agreement, text, m.start(), after)))
            break
    if defined:
        return min(defined, key=lambda x: x[0])[1]
    # tier 2: "the effective date of this Agreement is <date>", "Effective Date: <date>"
    for d in usable:
        if _EFFECTIVE_IS.search(_window_before(text, d.start, 80)):
            return _from_mention("effective_date", d, "the contract states its effective date")
    m = _EFFECTIVE_HEREOF.search(text)
    if m and agreement is not None:
        return _hereof(agreement, text, m.start(), m.end())
    # tier 3: "effective as of <date>" in the opening
    for d in usable:
        if d.start > 4000:
            break
        before = _window_before(text, d.start, 60)
        if _EFFECTIVE_PHRASE.search(before) and not _OTHER_INSTRUMENT.search(before):
            return _from_mention(
                "effective_date", d, "the contract says it is effective from this date"
            )
    # tier 4: the date the term commences
    for d in usable:
        if d.precision != "day":
            continue
        before = _window_before(text, d.start, 140)
        if _COMMENCE.search(before) and not _OTHER_INSTRUMENT.search(before[-70:]):
            return _from_mention("effective_date", d, "the date the term commences")
    # tier 5: "effective as of <date>" anywhere else
    for d in usable:
        before = _window_before(text, d.start, 60)
        if (
            _EFFECTIVE_PHRASE.search(before)
            and not _OTHER_INSTRUMENT.search(before)
            and not re.search(r"\b(?:each|every|annual\w*)\b", before, re.IGNORECASE)
        ):
            return _from_mention(
                "effective_date", d, "the contract says it is effective from this date"
            )
    # tier 6: no separate effective date: the agreement date
    if agreement is not None:
        return _key("effective_date", d=agreement.date, value=agreement.value, text=agreement.text,
                    start=agreement.start, end=agreement.end,
                    derivation="no separate effective date is stated; the agreement date applies")  # fmt: skip
    return None


def _hereof(agreement: KeyDate, text: str, start: int, end: int) -> KeyDate:
    end = min(len(text), end + 60)
    return _key("effective_date", d=agreement.date, value=agreement.value, text=text[start:end].strip(),
                start=start, end=end,
                derivation=f"the Effective Date is the date of the agreement ({agreement.value})")  # fmt: skip


# ------------------------------------------------------------------------ term and renewal

_TERM_SENTENCE = re.compile(
    r"\b(?:terms?|expire|expiration|expiry|continu\w*|remain\w*\s+(?:in\s+(?:full\s+)?(?:force|effect)|effective|valid)|"
    r"(?:be|is)\s+valid|terminat\w*\s+on|"
    r"in\s+effect\s+(?:until|through|for)|(?:contract|service|license|licence)\s+period|contract\s+end)\b",
    re.IGNORECASE,
)
_RENEWAL_SENTENCE = re.compile(
    r"\b(?:renew\w*|extend\w*|extension|successive|evergreen|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month|"
    r"automatically\s+continue)",
    re.IGNORECASE,
)
_END_CUE = re.compile(
    r"(?:(?:expir\w*|until|through|thru|ending|end(?:s|ed)?|terminat\w*|to|till|including|conclud\w*)"
    r"(?:\s+to)?\s+(?:on\s+|at\s+)?(?:the\s+close\s+of\s+business\s+on\s+)?"
    r"(?:the\s+(?:earlier|later|earliest)\s+of\s*(?:\(?(?:i|a|1)\)\s*)?)?(?:the\s+end\s+of\s+)?"
    r"|(?:expiration|expiry|termination|end)\s+date\s*(?:[:\-]|is|shall\s+be|will\s+be)?\s*"
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
_AUTO = re.compile(
    r"\b(?:automatic\w*|evergreen|shall\s+(?:be\s+)?renew\w*[^.;]{0,160}\bunless|will\s+(?:be\s+)?renew\w*[^.;]{0,160}\bunless|"
    r"renew\w*[^.;]{0,120}\bunless\s+(?:either|a|one|the)\s+party|"
    r"(?:shall|will)\s+continue\s+(?:thereafter\s+)?(?:from\s+)?(?:year|month)[\s-]+to[\s-]+(?:year|month))",
    re.IGNORECASE,
)
_NOT_AUTO = re.compile(
    r"\b(?:mutual(?:ly)?\s+(?:written\s+)?(?:agree\w*|consent)|by\s+mutual|option\s+to\s+(?:renew|extend)|"
    r"may\s+(?:be\s+)?(?:renew|extend)\w*|upon\s+(?:the\s+)?(?:written\s+)?(?:agreement|consent)\s+of|"
    r"if\s+(?:both|the)\s+parties\s+agree|at\s+(?:the\s+)?(?:sole\s+)?(?:option|discretion)\s+of)",
    re.IGNORECASE,
)
_NOTICE_CUE = re.compile(r"\bnotice|\bnotif|\bwritten\b|\bdays?'|\bin\s+writing\b", re.IGNORECASE)
_PERIODIC = re.compile(
    r"\b(?P<unit>year|month)[\s-]+to[\s-]+(?:year|month)\b|\b(?P<adv>annually|yearly|each\s+year|every\s+year|"
    r"monthly|annual\s+(?:renewals?|periods?|terms?|basis)|yearly\s+basis|month[\s-]+to[\s-]+month)\b",
    re.IGNORECASE,
)


def _label(d: Duration) -> str:
    return d.label


def _duration_phrase(amount: Decimal, unit: str, business: bool = False) -> str:
    n = f"{amount.normalize():f}"
    return f"{n} {'business ' if business else ''}{unit}{'' if amount == 1 else 's'}"


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


@dataclass
class _Term:
    expiration: KeyDate | None = None
    length: Duration | None = None  # the initial term as a period, when that is how it is stated
    start: date | None = None


def _is_renewal_duration(s: _Sentence, d: Duration, text: str) -> bool:
    before = text[max(s.start, d.start - 45) : d.start].lower()
    after = text[d.end : d.end + 40].lower()
    return d.successive or bool(
        re.search(
            r"(?:renew\w*|additional|successive|extension|extended|further|consecutive)[^.;]{0,30}$",
            before,
        )
        or re.match(r"[^.;]{0,25}(?:renewal|extension)", after)
    )


def _is_notice_duration(s: _Sentence, d: Duration, text: str) -> bool:
    before = text[max(s.start, d.start - 40) : d.start].lower()
    after = text[d.end : d.end + 40].lower()
    return d.relation == "before" or bool(
        re.search(
            r"(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+later\s+than|upon|with|giving|give|provides?)\s*$",
            before,
        )
        or re.match(r"[’'s\s]*(?:prior\s+)?(?:written\s+)?(?:notice|notification)", after)
    )


_STRONG_TERM = re.compile(
    r"\b(?:(?:initial|original)\s+(?:\w+\s+){0,2}term|term\s+of\s+(?:this|the)\s+(?:agreement|contract|license|licence)|"
    r"(?:this|the)\s+(?:agreement|contract|jsma|amendment|sla|order|dpa)\s+(?:(?:shall|will|is\s+to)\s+)?"
    r"(?:commence|continue|remain|be\s+effective|become\s+effective|be\s+in\s+(?:full\s+force|effect)|expire|terminate|"
    r"end|start|begin|run|have\s+an?\s+(?:initial\s+)?term)s?\b|"
    r"(?:the\s+)?term\b[^.;]{0,50}\b(?:(?:shall|will)\s+)?(?:commence|begin|be|continue|expire|end|terminate|run)s?\b|"
    r"[\"“]?(?:term|contract\s+period|service\s+period|term\s+of\s+agreement)[\"”]?\s+(?:shall\s+)?means?|"
    r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?term(?:\s+(?:and|&)\s+termination)?\s*[.:])",
    re.IGNORECASE,
)
_AFTER_CONTRACT = re.compile(
    r"[\s)]*(?:after|following|from|beyond)\b[^.;]{0,30}(?:terminat|expir|invoice|payment|receipt|notice|the\s+date)"
    r"|[\s)]*thereafter",
    re.IGNORECASE,
)
_YEAR_N = re.compile(
    r"end\s+of\s+(?:contract\s+)?year\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)


# a stretch inside the term or a recurring slice of it, not its length
_PART_OF_TERM = re.compile(
    r"\b(?:last|first|final|remaining|during|within|each|every|per|any)\s+(?:such\s+)?$",
    re.IGNORECASE,
)
# the period runs after the contract ends (rights that outlive it), not the term itself
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


def _stated_end(ctx: _Context, s: _Sentence) -> KeyDate | None:
    text = ctx.text
    for d in ctx.dates_in(s.start, s.end):
        if d.relative or d.precision not in ("day", "month", "year"):
            continue
        before = _window_before(text, d.start, 60)
        if not _END_CUE.search(before) or _START_CUE.search(before[-20:]):
            continue
        if d.precision != "day" and re.search(
            r"end\s+of\s+(?:the\s+)?(?:calendar\s+|fiscal\s+)?(?:year\s+|month\s+of\s+)?$",
            before,
            re.IGNORECASE,
        ):
            last = _last_day(d)
            if last is not None:
                return _key("expiration_date", d=last, value=last.isoformat(), text=d.text, start=d.start, end=d.end,
                            derivation=f'the term ends at the end of {d.text} = {last.isoformat()}')  # fmt: skip
        return _from_mention("expiration_date", d, "the end of the term as stated in the contract")
    return None


def _relative_end(ctx: _Context, s: _Sentence, anchors: dict[str, date]) -> KeyDate | None:
    for r in extract_relative_dates(s.text, anchors=anchors):
        if (
            r.direction != "after"
            or r.unit not in ("year", "month", "week", "day")
            or r.value is None
        ):
            continue
        lead = s.text[max(0, r.start - 50) : r.start].lower()
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
        return _key("expiration_date", d=value, value=value.isoformat(), text=r.text,
                    start=s.start + r.start, end=s.start + r.end, derivation=derivation)  # fmt: skip
    return None


def _length_end(
    ctx: _Context, s: _Sentence, start_date: date | None, strong: bool, out: _Term
) -> KeyDate | None:
    text = ctx.text
    renewal_only = bool(
        re.search(r"\brenew\w*|\bsuccessive\b|\bautomatic", s.text, re.IGNORECASE)
    ) and not re.search(
        r"(?:initial|original)\s+(?:\w+\s+){0,2}term|term\s+of\s+this", s.text, re.IGNORECASE
    )
    if renewal_only:
        return None
    candidates = []
    for d in ctx.durations_in(s.start, s.end):
        if d.amount is None or d.unit not in ("year", "month", "week", "day", "quarter", "decade"):
            continue
        if _is_renewal_duration(s, d, text) or _is_notice_duration(s, d, text):
            continue
        before = text[max(s.start, d.start - 60) : d.start]
        if _AFTER_CONTRACT.match(text, d.end):
            continue  # survival, records, insurance: periods after the contract, not its term
        if _PART_OF_TERM.search(before) or _POST_TERM.search(text, s.start, d.start):
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
            n = int(m.group(1)) if m.group(1).isdigit() else _WORD_NUMBERS[m.group(1).lower()]
            end = add_period(start_date, n, "year") - relativedelta(days=1)
            return _key("expiration_date", d=end, value=end.isoformat(), text=m.group(), start=s.start + m.start(),
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
        if x.value and _START_CUE.search(_window_before(text, x.start, 30))
    ]
    if stated:
        start, start_note = stated[0].value, "starting"
    out.start = start
    if start is None:
        return None
    end = add_period(start, d.amount, d.unit, business=d.business) - relativedelta(days=1)
    phrase = _duration_phrase(d.amount, d.unit, d.business) + " - 1 day"
    return _key("expiration_date", d=end, value=end.isoformat(), text=s.text.strip()[:300], start=s.start, end=s.end,
                derivation=f"{start_note} {start.isoformat()} + {phrase} = {end.isoformat()} (the term's last day)")  # fmt: skip


_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}


def _term(ctx: _Context, effective: KeyDate | None, agreement: KeyDate | None) -> _Term:
    out = _Term()
    start_date = effective.date if effective is not None else None
    anchors = _anchors(effective, agreement)
    sentences = ctx.sentences_with(_TERM_SENTENCE, ("term_and_renewal", "termination"))
    strong = [s for s in sentences if _STRONG_TERM.search(s.text)]
    weak = [s for s in sentences if not _STRONG_TERM.search(s.text)]
    for group, is_strong in ((strong, True), (weak, False)):
        for s in group:
            found = (
                _stated_end(ctx, s)
                or _relative_end(ctx, s, anchors)
                or _length_end(ctx, s, start_date, is_strong, out)
            )
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
                and not _ABOUT_AGREEMENT.search(s.text, 0, m.start())
            ):
                continue  # a perpetual licence grant, not the agreement's term
            out.expiration = _open_ended(ctx, s, m)
            return out
    return out


def _open_ended(ctx: _Context, s: _Sentence, m: re.Match[str]) -> KeyDate:
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
    return _key("expiration_date", value=value, text=s.text.strip()[:300], start=s.start, end=s.end,
                derivation=f'no end date: the term runs "{m.group()}"')  # fmt: skip


@dataclass
class _Renewal:
    term: KeyDate | None = None
    period: tuple[Decimal, str] | None = None
    max_renewals: int | None = None  # "for one (1) additional ... period", "up to three renewals"
    auto: KeyDate | None = None
    notice: KeyDate | None = None
    notice_period: Duration | None = None


_ABOUT_AGREEMENT = re.compile(
    r"\b(?:this|the)\s+(?:agreement|contract|jsma)\b|\b(?:initial|renewal|extension|extended|then[\s-]+current|original)\s+term|\bthe\s+term\b",
    re.IGNORECASE,
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


def _renewal_sentence_score(s: _Sentence) -> float:
    score = 0.0
    if _ABOUT_AGREEMENT.search(s.text):
        score += 3
    if re.search(r"\brenew", s.text, re.IGNORECASE):
        score += 2
    if re.search(r"\bautomatic", s.text, re.IGNORECASE):
        score += 1
    if _OTHER_OBJECT.search(s.text):
        score -= 2
    return score


def _renewal(ctx: _Context, term: _Term | None = None) -> _Renewal:
    text = ctx.text
    out = _Renewal()
    sentences = ctx.sentences_with(_RENEWAL_SENTENCE, ("term_and_renewal", "termination"))
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
            if _is_notice_duration(s, d, text):
                continue
            before = text[max(s.start, d.start - 60) : d.start]
            after = text[d.end : d.end + 40]
            score = 0.0
            if _is_renewal_duration(s, d, text):
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
            ) and not _is_renewal_duration(s, d, text):
                score -= 3
            if term is not None and term.length is not None and term.length.start == d.start:
                score -= 3
            if score > 0:
                candidates.append((score, d))
        if candidates:
            d = max(candidates, key=lambda c: (c[0], -c[1].start))[1]
            assert d.amount is not None
            out.term = _key("renewal_term", value=d.label, text=d.text, start=d.start, end=d.end,
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
            out.term = _key("renewal_term", value=d.label, text=m.group(), start=s.start + m.start(), end=s.start + m.end(),
                            derivation=f"renews for terms of the same length as the initial term ({d.label})", period=d)  # fmt: skip
            out.period = (d.amount, d.unit)
        else:
            m = _PERIODIC.search(s.text)
            if m:
                unit = "month" if "month" in m.group().lower() else "year"
                out.term = _key("renewal_term", value=f"1 {unit}", text=m.group(), start=s.start + m.start(),
                                end=s.start + m.end(), derivation=f'renews "{m.group()}": 1 {unit} at a time')  # fmt: skip
                out.term = KeyDate(**{**out.term.__dict__, "duration": _iso(Decimal(1), unit)})
                out.period = (Decimal(1), unit)
        if out.term is not None:
            m = _MAX_RENEWALS.search(s.text)
            if m:
                n = m.group(1) or m.group(2)
                out.max_renewals = int(n) if n.isdigit() else _WORD_NUMBERS.get(n.lower())
            break
    for s in ranked:
        if _renewal_sentence_score(s) < 2:
            break
        if _AUTO.search(s.text) and not re.search(
            r"\bnot\s+(?:be\s+)?automatically", s.text, re.IGNORECASE
        ):
            m = _AUTO.search(s.text)
            assert m is not None
            out.auto = _key("auto_renewal", value="yes", text=s.text.strip()[:300], start=s.start, end=s.end,
                            derivation=f'renews without a new agreement ("{m.group()[:60].strip()}")')  # fmt: skip
            break
        if _NOT_AUTO.search(s.text) and re.search(r"renew|extend", s.text, re.IGNORECASE):
            m = _NOT_AUTO.search(s.text)
            assert m is not None
            out.auto = _key("auto_renewal", value="no", text=s.text.strip()[:300], start=s.start, end=s.end,
                            derivation=f'renewal needs a decision ("{m.group()[:60].strip()}")')  # fmt: skip
            break
    notice = _renewal_notice(ctx, renewal_sentences)
    if notice is not None:
        d, why = notice
        out.notice = _key("notice_period_to_terminate_renewal", value=d.label, text=d.text, start=d.start,
                          end=d.end, derivation=f"notice {why} is due {d.label} before the term ends", period=d)  # fmt: skip
        out.notice_period = d
    return out


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


def _renewal_notice(
    ctx: _Context, renewal_sentences: list[_Sentence]
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


def _next_deadline(
    expiration: KeyDate, renewal: _Renewal, term: _Term, as_of: date
) -> KeyDate | None:
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
        period_note = f"auto-renews for {_duration_phrase(amount, unit)}"
    elif term.length is not None and term.length.amount is not None:
        amount, unit = term.length.amount, term.length.unit
        period_note = f"auto-renews; renewal length not stated, taken as the initial term ({_duration_phrase(amount, unit)})"
    else:
        amount, unit = Decimal(1), "year"
        period_note = "auto-renews; renewal length not stated, taken as 1 year"
    notice_phrase = _duration_phrase(notice.amount, notice.unit, notice.business)
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
            return _key("next_notice_deadline", value="none", text=renewal.notice.text if renewal.notice else "",
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
    return _key("next_notice_deadline", d=deadline, value=deadline.isoformat(), text=renewal.notice.text if renewal.notice else "",
                start=renewal.notice.start if renewal.notice else 0, end=renewal.notice.end if renewal.notice else 0,
                derivation="; ".join(steps))  # fmt: skip


# ------------------------------------------------------------------------ payment, survival

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


def _payment_due(ctx: _Context) -> KeyDate | None:
    text = ctx.text
    for s in ctx.sentences_with(_PAYMENT_SENTENCE, ("payment_terms",)):
        for d in ctx.durations_in(s.start, s.end):
            if d.amount is None or d.unit not in ("day", "week", "month"):
                continue
            if d.net:
                return _key("payment_due_period", value=d.label, text=d.text, start=d.start, end=d.end,
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
                return _key("payment_due_period", value=d.label, text=text[d.start : d.end + 40].strip(),
                            start=d.start, end=min(len(text), d.end + 40),
                            derivation=f"payment due {d.label} {_phrase_end(after)}", period=d)  # fmt: skip
    return None


def _survival(ctx: _Context) -> KeyDate | None:
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
                return _key("survival_period", value=d.label, text=text[d.start : d.end + 40].strip(), start=d.start,
                            end=min(len(text), d.end + 40), derivation=f"obligations survive {d.label} after the contract ends", period=d)  # fmt: skip
        m = re.search(
            r"surviv\w*[^.;]{0,60}\b(?:indefinitely|perpetu\w*|in\s+perpetuity|forever)",
            s.text,
            re.IGNORECASE,
        )
        if m:
            return _key("survival_period", value="perpetual", text=m.group(), start=s.start + m.start(),
                        end=s.start + m.end(), derivation="obligations survive without a time limit")  # fmt: skip
    return None


# --------------------------------------------------------------------------------- public


def extract_key_dates(
    text: str,
    *,
    clauses: Sequence[Any] | None = None,
    as_of: date | None = None,
    settings: Settings | None = None,
) -> list[KeyDate]:
    """The key dates of one contract, each with its evidence span and derivation.

    ``clauses`` (tagged :class:`~contract_analyzer.tagging.clause.Clause` objects, optional)
    narrow the search to the right clauses first; ``as_of`` (default: today) is the day from
    which the next notice deadline is rolled forward past renewals already passed;
    ``settings.date_order`` reads ambiguous numeric dates. Kinds that the text does not
    support are left out rather than guessed.
    """
    if not text or not text.strip():
        return []
    ctx = _Context(text, clauses, settings)
    out: list[KeyDate] = []
    agreement = _agreement_date(ctx)
    effective = _effective_date(ctx, agreement)
    if agreement is not None:
        out.append(agreement)
    if effective is not None:
        out.append(effective)
    term = _term(ctx, effective, agreement)
    if term.expiration is not None:
        out.append(term.expiration)
    renewal = _renewal(ctx, term)
    if renewal.term is not None:
        out.append(renewal.term)
    if renewal.auto is not None:
        out.append(renewal.auto)
    elif renewal.term is None and (term.expiration is not None or effective is not None):
        anchor = term.expiration or effective
        assert anchor is not None
        out.append(_key("auto_renewal", value="no", text=anchor.text, start=anchor.start, end=anchor.end,
                        derivation="no renewal provision found: the contract does not renew by itself"))  # fmt: skip
    if renewal.notice is not None:
        out.append(renewal.notice)
    if (
        term.expiration is not None
        and renewal.auto is not None
        and renewal.auto.value == "yes"
        and renewal.notice is not None
    ):
        deadline = _next_deadline(term.expiration, renewal, term, as_of or date.today())
        if deadline is not None:
            out.append(deadline)
    payment = _payment_due(ctx)
    if payment is not None:
        out.append(payment)
    survival = _survival(ctx)
    if survival is not None:
        out.append(survival)
    return out


# ------------------------------------------------------------- re-dating (additive helpers)


@dataclass(frozen=True)
class NoticeRoll:
    """Everything :func:`extract_key_dates` needs to roll the next notice deadline forward,
    as plain values that do not depend on ``as_of`` (so a result cache can keep them and
    recompute the deadline for another reference date without reading the contract again).

    Amounts are decimal strings ("12", "1.5"); ``renewal_*`` is the renewal period (None when
    the text does not state one), ``term_*`` the initial term as a period (None when it is
    given by dates), ``notice_*`` the non-renewal notice period.
    """

    expiration: date
    expiration_derivation: str
    renewal_amount: str | None
    renewal_unit: str | None
    term_amount: str | None
    term_unit: str | None
    notice_amount: str
    notice_unit: str
    notice_business: bool
    max_renewals: int | None
    notice_text: str
    notice_start: int
    notice_end: int


def notice_roll(
    text: str, *, clauses: Sequence[Any] | None = None, settings: Settings | None = None
) -> NoticeRoll | None:
    """The as_of-independent inputs of the next notice deadline of ``text`` (same arguments
    as :func:`extract_key_dates`), or None when the contract has no such deadline."""
    if not text or not text.strip():
        return None
    ctx = _Context(text, clauses, settings)
    agreement = _agreement_date(ctx)
    effective = _effective_date(ctx, agreement)
    term = _term(ctx, effective, agreement)
    renewal = _renewal(ctx, term)
    expiration, notice, period = term.expiration, renewal.notice, renewal.notice_period
    if (
        expiration is None
        or expiration.date is None
        or renewal.auto is None
        or renewal.auto.value != "yes"
        or notice is None
        or period is None
        or period.amount is None
    ):
        return None
    length = term.length if term.length is not None and term.length.amount is not None else None
    return NoticeRoll(
        expiration=expiration.date,
        expiration_derivation=expiration.derivation,
        renewal_amount=f"{renewal.period[0]}" if renewal.period else None,
        renewal_unit=renewal.period[1] if renewal.period else None,
        term_amount=f"{length.amount}" if length is not None else None,
        term_unit=length.unit if length is not None else None,
        notice_amount=f"{period.amount}",
        notice_unit=period.unit,
        notice_business=period.business,
        max_renewals=renewal.max_renewals,
        notice_text=notice.text,
        notice_start=notice.start,
        notice_end=notice.end,
    )


def roll_notice_deadline(roll: NoticeRoll, as_of: date) -> KeyDate | None:
    """The ``next_notice_deadline`` key date :func:`extract_key_dates` gives for ``as_of``,
    computed from a :class:`NoticeRoll` by the same rolling arithmetic."""
    expiration = KeyDate("expiration_date", roll.expiration, roll.expiration.isoformat(), "", 0, 0,
                         roll.expiration_derivation)  # fmt: skip
    notice = KeyDate("notice_period_to_terminate_renewal", None, None, roll.notice_text,
                     roll.notice_start, roll.notice_end, "")  # fmt: skip
    renewal = _Renewal(
        period=(Decimal(roll.renewal_amount), roll.renewal_unit)
        if roll.renewal_amount is not None and roll.renewal_unit is not None
        else None,
        max_renewals=roll.max_renewals,
        notice=notice,
        notice_period=Duration(
            roll.notice_text,
            roll.notice_start,
            roll.notice_end,
            Decimal(roll.notice_amount),
            roll.notice_unit,
            None,
            business=roll.notice_business,
        ),  # fmt: skip
    )
    term = _Term(
        expiration=expiration,
        length=Duration("", 0, 0, Decimal(roll.term_amount), roll.term_unit, None)
        if roll.term_amount is not None and roll.term_unit is not None
        else None,
    )
    return _next_deadline(expiration, renewal, term, as_of)
