"""Dates in text: "March 1, 2024", "1st day of March, 2024", "2024-03-01", "03/01/2024", "March 2024".

Detection is a spaCy Matcher component (patterns in :mod:`.date_patterns`, registered as the
``dates`` kind of :mod:`contract_analyzer.facts.pipeline`); this module accepts or rejects each
match (context guards against section numbers, money, statute citations) and turns it into a
:class:`DateMention` with a normalized ``datetime.date``.

Day/month order: an all-numeric date whose first two numbers are both 12 or less ("03/01/2024")
can be read two ways. The reading follows the other numeric dates of the same text when they
show an order unambiguously (a "21/04/2016" elsewhere means day first); otherwise dotted dates
with a year ("01.03.2024") are read day first, the convention of that format, and slashed or
dashed ones by ``Settings.date_order`` ("MDY" by default). Either way the mention says
``ambiguous=True`` and ``alternative`` holds the other reading: reported, never silently
guessed. A weekday written beside the date picks the reading that falls on that weekday.
Two-digit years: see :func:`contract_analyzer.text.numbers.two_digit_year`.

Partial dates ("March 2024", "June 30", "[ ], 2020") keep what is known in ``year``/``month``/
``day`` with ``precision`` saying how much; ``value`` is a date only when the day is known (a
day and month without year are placed in the next year that reaches them from ``reference``
when a reference is given). Dates relative to the moment of speaking ("tomorrow", "two weeks
from now", "next Friday") are resolved only against ``reference``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from spacy.tokens import Doc, Span

from contract_analyzer.facts import deictic
from contract_analyzer.facts import matching as pl
from contract_analyzer.facts.date_parts import RawDate, parse_numeric, parse_words
from contract_analyzer.facts.date_patterns import (
    DATE_GROUPS,
    PLACEHOLDER_RE,
    date_patterns,
)
from contract_analyzer.facts.vocab import (
    AMBIGUOUS_MONTH_WORDS,
    FULL_WEEKDAYS,
    MONTHS,
    WEEKDAYS,
)
from contract_analyzer.facts.vocab import UNITS as DURATION_UNITS
from contract_analyzer.settings import Settings, default_settings
from contract_analyzer.text.numbers import (
    CARDINAL_WORDS,
    ORDINAL_UNITS,
    two_digit_year,
)

Precision = Literal["day", "month", "year", "month_day"]

# words that announce a section, statute or exhibit number rather than a date
SECTION_WORDS: frozenset[str] = frozenset(
    {
        "section", "sections", "sec", "§", "§§", "article", "articles", "art", "clause", "clauses",
        "paragraph", "paragraphs", "para", "exhibit", "schedule", "annex", "appendix", "item",
        "items", "rule", "rules", "part", "no", "nos", "number", "version", "v", "ver", "release",
        "form", "page", "pages", "pp", "p", "chapter", "title", "u.s.c", "usc", "c", "cfr", "r",
        "reg", "regulation", "regulations", "subsection", "tab", "table", "figure", "step",
        "level", "tier", "phase", "stage", "code", "act", "iso", "ref", "reference", "model",
        "claim", "claims", "lot", "sku", "id", "#", "$", "€", "£", "¥", "usd", "eur",
    }
)  # fmt: skip
# a numeric date without a year written with "." or "-" needs one of these right before it
NO_YEAR_CONTEXT: frozenset[str] = frozenset(
    {"on", "by", "before", "after", "until", "till", "through", "thru", "dated", "date", "due",
     "in", "since", "starting", "ending", "ends", "begins", "effective", *WEEKDAYS}
)  # fmt: skip
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
_PLACEHOLDER = re.compile(PLACEHOLDER_RE)
_TIME_WORDS = {":", "am", "pm", "a.m", "p.m", "a", "p", "o'clock", "hrs", "h", "hours", "noon"}


@dataclass(frozen=True)
class DateMention:
    """One date written in the text, with its normalized value.

    ``value`` is the calendar date, or None when the day is not known (partial dates), the
    components do not form a real date (``invalid``), or a relative date has no ``reference``.
    ``precision``: "day" (a full date), "month" (month and year), "year" (year only),
    "month_day" (day and month, no year). ``ambiguous`` is set when the day/month order of an
    all-numeric date could be either; ``alternative`` is then the other reading and ``order``
    the one used ("MDY", "DMY", "YMD"). ``relative`` marks dates counted from the moment of
    writing ("tomorrow", "in two weeks"). ``derivation`` shows the arithmetic when the date is
    counted from another ("3 days after January 12, 2017" -> "2017-01-12 + 3 days").
    """

    text: str
    start: int
    end: int
    value: date | None
    precision: Precision = "day"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    ambiguous: bool = False
    alternative: date | None = None
    order: str | None = None
    two_digit_year: bool = False
    placeholder: bool = False
    invalid: bool = False
    relative: bool = False
    derivation: str | None = None

    @property
    def is_partial(self) -> bool:
        """True when the mention does not name one calendar day."""
        return self.precision != "day"


def _reject_numeric_context(prev: list[str], nxt: list[str]) -> bool:
    """Section numbers, money and statute citations look like numeric dates; reject them."""
    if prev and prev[0] in SECTION_WORDS:
        return True
    if len(prev) > 1 and prev[0] in (".", "(") and prev[1] in SECTION_WORDS:
        return True
    return bool(nxt and (nxt[0] in ("%", "percent") or nxt[0] in DURATION_UNITS))


def _accept_context(span: Span, label: str, toks: list[str]) -> bool:
    prev = pl.prev_words(span, 2)
    nxt = pl.next_words(span, 2)
    if toks[-1] in (",", "-", ".", "/", "of", "the", "day", "and"):
        return False
    if label in ("DATE_NUM", "DATE_NUM_NOYEAR", "DATE_SEP") and _reject_numeric_context(prev, nxt):
        return False
    if label == "DATE_NUM_NOYEAR":
        txt = span[-1].text
        if txt in ("24/7", "24-7") or (nxt and nxt[0] in ("of", "-", "x", "×", ":", "am", "pm")):
            return False
        if prev and (prev[0].isdigit() or prev[0] in ("at", "-", "/", "+", "x")):
            return False
        if "/" not in txt and not (prev and prev[0] in NO_YEAR_CONTEXT):
            return False
    if label in ("DATE_MD", "DATE_DM", "DATE_WD_DAY", "DATE_DAY_ONLY"):
        if nxt and (nxt[0] in DURATION_UNITS or nxt[0] in ("%", "percent")):
            return False
        if prev and prev[0] in ("$", "€", "£", "¥") and toks[0][:1].isdigit():
            return False
    if label in ("DATE_MD", "DATE_DM"):
        month_tok = next((t for t in span if t.lower_ in MONTHS), None)
        if month_tok is not None and month_tok.lower_ in AMBIGUOUS_MONTH_WORDS:
            # "may 30" is more often the verb; "may the eleventh", "may 21st" are dates
            ordinal = any(t in _ORDINAL_SUFFIX or t in ORDINAL_UNITS for t in toks)
            ordinal = ordinal or any(t in ("twentieth", "thirtieth", "the") for t in toks)
            words_day = sum(t in CARDINAL_WORDS for t in toks) >= 2
            lower = month_tok.text.islower() and month_tok.lower_ not in ("jan", "sep")
            if lower and not (ordinal or words_day):
                return False
    if label == "DATE_DM" and toks[0].isdigit() and len(toks) <= 2:
        month_tok = span[-1]
        if month_tok.lower_ in ("may", "march", "mar") and not month_tok.is_title:
            return False
    if label == "DATE_MY" and span[0].text == "may":
        return False
    if label in ("DATE_WD_DAY", "DATE_DAY_ONLY"):
        return _accept_day_of_month(toks, prev, nxt, label)
    if label.startswith("DATE_REL"):
        return _accept_relative(span, toks, prev, nxt)
    return True


def _accept_day_of_month(toks: list[str], prev: list[str], nxt: list[str], label: str) -> bool:
    """A day of the month without a month ("the 18th") only when nothing else explains it."""
    if nxt and (nxt[0] in _TIME_WORDS or nxt[0].isdigit()):
        return False
    if label == "DATE_WD_DAY":
        return True
    day_part = toks[1:]
    ordinal = any(t in _ORDINAL_SUFFIX for t in day_part) or (
        day_part[-1] in ORDINAL_UNITS or day_part[-1] in ("twentieth", "thirtieth")
    )
    if toks[0] == "on" and not (ordinal and day_part[0].isdigit()):
        return False
    if not ordinal and not (day_part[0].isdigit() and len(day_part) == 1):
        return False
    # "the 27th floor", "the second sentence": a noun follows, so it is an ordinal
    return not nxt or not (nxt[0].isalpha() or nxt[0].isdigit())


def _accept_relative(span: Span, toks: list[str], prev: list[str], nxt: list[str]) -> bool:
    if len(toks) == 1 and toks[0] in WEEKDAYS:
        # business-hours ranges ("Monday through Friday") and recurring days are not dates
        if nxt and nxt[0] in ("through", "to", "-", "–", "thru", "until"):
            return False
        if prev and prev[0] in ("through", "to", "-", "–", "thru", "until", "each", "every", "a"):
            return False
        if toks[0] not in FULL_WEEKDAYS and not (
            prev and prev[0] in ("on", "by", "until", "before", "after")
        ):
            return False
        return span[0].is_title or span[0].is_lower
    if toks[0] == "in":
        if nxt and nxt[0] in (
            "of",
            "after",
            "from",
            "following",
            "prior",
            "before",
            "advance",
            "arrears",
            "excess",
            "which",
            "the",
            "each",
            "any",
            "a",
        ):
            return False
        if prev and prev[0] in ("within", "than", "not", "for", "least", "most"):
            return False
    return True


def _raw_from_span(span: Span, toks: list[str] | None = None) -> RawDate | None:
    label = span.label_
    if toks is None:
        toks = pl.content(span)
    if label.startswith("DATE_REL") or label in ("DATE_WD_DAY", "DATE_DAY_ONLY", "DATE_HOLIDAY"):
        spec = deictic.parse(toks, label)
        return RawDate("relative", rel=spec) if spec is not None else None
    if label in ("DATE_NUM", "DATE_NUM_NOYEAR"):
        text = "".join(toks)
        if len(toks) == 1 and len(text) == 8 and text.isdigit():
            y, mo, d = int(text[:4]), int(text[4:6]), int(text[6:])
            if 1900 <= y <= 2099 and 1 <= mo <= 12 and 1 <= d <= 31:
                return RawDate("numeric", year=y, month=mo, day=d, fixed_order="YMD")
            return None
        return parse_numeric(text)
    if label == "DATE_SEP":
        toks = [p for t in toks for p in re.split(r"[-/]", t) if p and p not in (".",)]
        if (
            toks
            and toks[0].isdigit()
            and len(toks[0]) == 4
            and len(toks) == 3
            and toks[1] in MONTHS
        ):
            d = int(toks[2]) if toks[2].isdigit() else 0  # 2019-sep-1
            if not 1 <= d <= 31:
                return None
            return RawDate("words", year=int(toks[0]), month=MONTHS[toks[1]], day=d)
        if len(toks) == 3 and toks[0] in MONTHS and toks[1].isdigit() and toks[2].isdigit():
            toks = [toks[0], toks[1], ",", toks[2]]  # sep-23-2020
        return parse_words(toks, label)
    return parse_words(toks, label)


def _accept(span: Span) -> bool:
    label = span.label_
    if label == "_OFFSET":
        return _offset_parts(span) is not None
    toks = pl.content(span)
    if not _accept_context(span, label, toks):
        return False
    raw = _raw_from_span(span, toks)
    if raw is None:
        return False
    span.doc.user_data[("ca_date", span.start_char, span.end_char)] = raw
    return True


def _offset_parts(span: Span) -> tuple[int, list[tuple[float, str]], bool] | None:
    """(sign, parts, business) of a "30 days after" / "two weeks before" helper span."""
    toks = [t for t in pl.content(span) if t not in ("'", "’", "to")]
    sign = -1 if toks[-1] in ("before", "prior") else 1
    body = toks[:-1]
    if "(" in body:  # "thirty (30) days": keep the words, the digits repeat them
        i = body.index("(")
        j = body.index(")") if ")" in body else i
        body = body[:i] + body[j + 1 :]
    got = deictic._parts(body)
    return (sign, got[0], got[1]) if got else None


SPEC = pl.KindSpec(date_patterns, DATE_GROUPS, _accept)


# ----------------------------------------------------------------------- normalization


def _safe_date(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _next_occurrence(month: int, day: int, reference: date) -> date | None:
    for year in range(reference.year, reference.year + 9):
        got = _safe_date(year, month, day)
        if got is not None and got >= reference:
            return got
    return None


def _mention(
    span_text: str,
    start: int,
    end: int,
    raw: RawDate,
    order: str,
    reference: date | None,
) -> DateMention:
    common = {"text": span_text, "start": start, "end": end}
    if raw.form == "relative":
        value = deictic.resolve(raw.rel, reference) if reference and raw.rel else None
        return DateMention(
            **common, value=value, relative=True, invalid=bool(reference) and value is None
        )
    year, month, day = raw.year, raw.month, raw.day
    if raw.two_digit_year and year is not None and reference is not None:
        year = two_digit_year(year % 100, reference.year)
    ambiguous = False
    alternative: date | None = None
    used_order: str | None = None
    if raw.form == "numeric":
        if raw.fixed_order == "YMD":
            used_order = "YMD"
        else:
            used_order = raw.fixed_order or _order_for(raw, order)
            a, b = raw.first, raw.second
            month, day = (a, b) if used_order == "MDY" else (b, a)
            if raw.fixed_order is None:
                ambiguous = True
                alternative = _safe_date(year, day, month)
    if year is not None and month is not None and day is not None:
        value = _safe_date(year, month, day)
        return DateMention(
            **common,
            value=value,
            precision="day",
            year=year,
            month=month,
            day=day,
            ambiguous=ambiguous,
            alternative=alternative,
            order=used_order,
            two_digit_year=raw.two_digit_year,
            placeholder=raw.placeholder,
            invalid=value is None,
        )
    if year is None and month is not None and day is not None:
        valid = _safe_date(2000, month, day) is not None  # 2000 is a leap year: Feb 29 is valid
        value = _next_occurrence(month, day, reference) if reference and valid else None
        alt = None
        if ambiguous and reference:
            alt = _next_occurrence(day, month, reference) if _safe_date(2000, day, month) else None
        return DateMention(
            **common,
            value=value,
            precision="month_day",
            month=month,
            day=day,
            ambiguous=ambiguous,
            alternative=alt,
            order=used_order,
            invalid=not valid,
        )
    precision: Precision = "month" if month is not None else "year"
    return DateMention(
        **common,
        value=None,
        precision=precision,
        year=year,
        month=month,
        day=day,
        two_digit_year=raw.two_digit_year,
        placeholder=raw.placeholder,
    )


def _order_for(raw: RawDate, order: str) -> str:
    """The reading of an ambiguous numeric date. ``order`` is the text's own order when its
    other numeric dates show one (prefixed "doc:"), else the setting; dotted dates with a year
    ("01.03.2024") follow the day-first convention of that format unless the text shows
    otherwise. Either way the mention is flagged ambiguous with the other reading."""
    if order.startswith("doc:"):
        return order[4:]
    if raw.sep == "." and raw.year is not None:
        return "DMY"
    return order


def _document_order(raws: Iterable[RawDate]) -> str | None:
    """The day/month order shown by the unambiguous numeric dates of a text, if they agree."""
    seen = {r.fixed_order for r in raws if r.form == "numeric" and r.fixed_order in ("MDY", "DMY")}
    seen.discard(None)
    # an unambiguous a==b date says nothing; only a > 12 or b > 12 tells the order
    return seen.pop() if len(seen) == 1 else None


def _as_date(reference: date | datetime | None) -> date | None:
    if isinstance(reference, datetime):
        return reference.date()
    return reference


def _weekday_prefix(doc: Doc, span: Span) -> int:
    """Start token of a weekday written before a date ("Monday, January 12, 2016")."""
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in (",", "(")):
        i -= 1
    if i >= 0 and doc[i].lower_ in WEEKDAYS:
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 0 and doc[j].lower_ in ("this", "next", "last", "on"):
            return j if doc[j].lower_ != "on" else i
        return i
    return span.start


def _merge_offsets(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """ "3 days after January 12, 2017" -> one mention dated 2017-01-15, showing the sum."""
    offsets = {s.end_char: s for s in doc.spans.get("dates_aux", []) if s.label_ == "_OFFSET"}
    if not offsets:
        return mentions
    text = pl.doc_text(doc)
    out: list[DateMention] = []
    for m in mentions:
        k = m.start
        while k > 0 and text[k - 1].isspace():
            k -= 1
        off = offsets.get(k)
        parts = _offset_parts(off) if off is not None else None
        if off is None or parts is None or (out and out[-1].end > off.start_char):
            out.append(m)
            continue
        sign, items, business = parts
        value = deictic.apply_parts(m.value, sign, items, business) if m.value else None
        amount = " ".join(f"{a:g} {u}{'s' if a != 1 else ''}" for a, u in items)
        derivation = (
            f"{m.value.isoformat()} {'+' if sign > 0 else '-'} {amount}" if m.value else None
        )
        out.append(
            replace(
                m,
                text=text[off.start_char : m.end],
                start=off.start_char,
                value=value,
                derivation=derivation,
                ambiguous=m.ambiguous,
                alternative=None,
            )
        )
    return out


def _items(doc: Doc) -> list[tuple[Span, RawDate]]:
    items: list[tuple[Span, RawDate]] = []
    for span in doc.spans.get("dates", []):
        raw = doc.user_data.get(("ca_date", span.start_char, span.end_char))
        if raw is None:
            raw = _raw_from_span(span)
        if raw is not None:
            items.append((span, raw))
    return items


def _doc_mentions(
    doc: Doc, items: list[tuple[Span, RawDate]], order: str, ref: date | None
) -> list[DateMention]:
    text = pl.doc_text(doc)
    mentions: list[DateMention] = []
    spans: list[Span] = []
    for span, raw in items:
        start_tok = span.start
        if raw.form != "relative":
            start_tok = _weekday_prefix(doc, span)
        # a relative weekday right before an absolute date is part of it: "this friday (jun-15)"
        if (
            mentions
            and mentions[-1].relative
            and raw.form != "relative"
            and text[mentions[-1].end : span.start_char].strip() in ("", "(", ",", "-")
        ):
            start_tok = spans[-1].start
            mentions.pop()
            spans.pop()
        full = doc[start_tok : span.end]
        m = _mention(full.text, full.start_char, full.end_char, raw, order, ref)
        weekday = next((WEEKDAYS[t.lower_] for t in full if t.lower_ in WEEKDAYS), None)
        # "Friday 7.6": the reading that falls on a Friday wins
        if (
            m.ambiguous
            and weekday is not None
            and m.value
            and m.alternative
            and m.value.weekday() != weekday
            and m.alternative.weekday() == weekday
        ):
            swapped = "DMY" if m.order == "MDY" else "MDY"
            m = replace(
                m,
                value=m.alternative,
                alternative=m.value,
                month=m.day,
                day=m.month,
                order=swapped,
            )
        mentions.append(m)
        spans.append(full)
    return _merge_offsets(doc, mentions)


def _shift(m: DateMention, offset: int) -> DateMention:
    """``m`` moved by ``offset`` characters (cheaper than ``dataclasses.replace``)."""
    values = dict(m.__dict__)
    values["start"] += offset
    values["end"] += offset
    return DateMention(**values)


def mentions_from_parsed(
    parsed: pl.Parsed,
    *,
    settings: Settings | None = None,
    reference: date | datetime | None = None,
) -> list[DateMention]:
    """Date mentions from :func:`pipeline.parse` output, in text order, with text offsets."""
    if not parsed:
        return []
    ref = _as_date(reference)
    per_doc = [(offset, doc, _items(doc)) for offset, doc in parsed]
    numeric = [r for _, _, items in per_doc for _, r in items if r.form == "numeric"]
    order = "MDY"
    if any(r.fixed_order is None for r in numeric):  # only then does the order matter
        informative = [
            r for r in numeric if r.fixed_order in ("MDY", "DMY") and r.first != r.second
        ]
        shown = _document_order(informative)
        order = f"doc:{shown}" if shown else (settings or default_settings()).date_order
    out: list[DateMention] = []
    for offset, doc, items in per_doc:
        for m in _doc_mentions(doc, items, order, ref):
            out.append(_shift(m, offset) if offset else m)
    return out
