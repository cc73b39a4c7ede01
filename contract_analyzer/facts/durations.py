"""Durations and periods: "thirty (30) days", "36 months", "one-year", "net 45", "10 business days".

Detection is the ``durations`` Matcher component of :mod:`contract_analyzer.facts.pipeline`;
this module normalizes each span to a :class:`Duration`: ``amount`` (Decimal) and canonical
``unit`` ("day", "week", "month", "quarter", "year", "hour", ...), ``days`` (approximate
length in calendar days, for comparing periods), whether the days are business days, and the
context a contract reader needs: written twice and inconsistent ("thirty (45) days"), counted
before or after something ("ninety (90) days prior to ..."), or a recurring renewal period
("successive one (1) year periods").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from spacy.tokens import Doc, Span

from contract_analyzer.facts import matching as pl
from contract_analyzer.facts.vocab import DAY_KINDS, TIGHT_UNITS, UNIT_DAYS, UNITS
from contract_analyzer.text.numbers import (
    CARDINAL_WORDS,
    CONNECTORS,
    ORDINAL_WORDS,
    parse_decimal,
    words_to_int,
)
from contract_analyzer.text.roman import int_to_roman

Relation = Literal["before", "after"]

_NUMBER_SHAPES = ["d", "dd", "ddd", "dddd", "d,ddd", "d.d", "dd.d", "ddd.d", "d.dd", "dd.dd"]
_VAGUE = {"few", "several", "some", "many"}
_ONE = {"a", "an", "another", "all", "full", "whole", "one", "single"}
_MODIFIERS = [
    "business", "working", "banking", "calendar", "consecutive", "full", "additional",
    "successive", "subsequent", "complete", "further", "renewal", "extension", "contract",
]  # fmt: skip
_BEFORE = {"prior", "before", "preceding", "advance", "earlier", "ahead"}
_AFTER = {"after", "following", "from", "of", "later", "thereafter", "since"}
_LOOSE_UNITS = sorted(u for u in UNITS if u not in TIGHT_UNITS)
_ROMAN = {int_to_roman(i): i for i in (*range(1, 11), 12)}  # "(iv)" after a number word
_REFERENCE_WORDS = {"section", "§", "clause", "article", "item", "paragraph", "schedule", "exhibit",
                    "annex", "appendix", "part", "no", "no.", "number"}  # fmt: skip
SPACED_ABBREVIATIONS = sorted(
    u for u in ("h", "hr", "hrs", "ys", "yr", "yrs", "mos", "wks") if u in UNITS
)


@dataclass(frozen=True)
class Duration:
    """A length of time written in the text.

    ``amount`` is None for vague amounts ("several days"). ``days`` is the approximate length
    in calendar days (a month is 30.44 days, a year 365.25; business days count 7/5 each),
    meant for comparing periods, not for date arithmetic (use amount and unit for that).
    ``business`` marks business/working days. ``inconsistent`` is set when the words and
    the digits disagree ("thirty (45) days"). ``relation`` is "before" for "... prior to" /
    "in advance" and "after" for "... after" / "following". ``successive`` marks recurring
    periods ("successive one (1) year periods", "additional terms of ..."). ``net`` marks
    payment terms written "net 45".
    """

    text: str
    start: int
    end: int
    amount: Decimal | None
    unit: str
    days: float | None
    business: bool = False
    inconsistent: bool = False
    relation: Relation | None = None
    successive: bool = False
    net: bool = False
    vague: bool = False

    @property
    def label(self) -> str:
        """A short normalized form: "90 days", "1 year", "10 business days"."""
        if self.amount is None:
            return f"{self.unit}s"
        n = self.amount.normalize()
        num = f"{n:f}"
        kind = "business " if self.business else ""
        plural = "" if self.amount == 1 else "s"
        return f"{num} {kind}{self.unit}{plural}"


def _duration_patterns() -> dict[str, list[pl.Pattern]]:
    tok, words, ws = pl.tok, pl.words, pl.WS
    digits_tight = tok(SHAPE={"IN": _NUMBER_SHAPES}, SPACY=False)
    more = tok(
        LOWER={
            "IN": sorted(CARDINAL_WORDS | CONNECTORS | {"a", "an", "half", "of", "couple", "few"})
        },
        OP="*",
    )
    # "thirty (30) days", and "one (I) year" (a roman numeral in the parenthesis)
    paren = [
        tok(ORTH="(", OP="?"),
        tok(LOWER={"IN": [*_ROMAN, *(str(i) for i in range(1000))]}, OP="?"),
        tok(ORTH=")", OP="?"),
    ]
    mods = tok(LOWER={"IN": ["-", *_MODIFIERS]}, OP="{0,3}")
    unit = words(*_LOOSE_UNITS)
    half = tok(LOWER={"IN": ["and", "a", "half"]}, OP="{0,3}")
    starts = [
        tok(LIKE_NUM=True),
        words("a", "an", "half", *sorted(_ONE), "couple", *sorted(_VAGUE)),
    ]
    return {
        # pl.WS between the parts: PDF text often holds runs of spaces ("two       years"),
        # which spaCy keeps as a space token of their own
        "DUR": [[start, ws, more, ws, *paren, ws, mods, ws, unit, half] for start in starts],
        "DUR_TIGHT": [
            [digits_tight, words(*UNITS)],
            [digits_tight, tok(ORTH="-", SPACY=False), words(*UNITS)],
            # "24 h", "2 yrs": the unambiguous abbreviations also after a space ("5 d" and
            # "3 y" stay tight only: section and list references look like them)
            [tok(SHAPE={"IN": _NUMBER_SHAPES}), words(*SPACED_ABBREVIATIONS)],
        ],
        "DUR_NET": [
            [words("net"), tok(SHAPE={"IN": ["d", "dd", "ddd"]}), tok(LOWER="days", OP="?")]
        ],
    }


def _split_number(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split the span tokens into the number part and the unit/modifier part."""
    for i, t in enumerate(tokens):
        if t in UNITS and i > 0:
            return tokens[:i], tokens[i:]
    return tokens, []


@dataclass(frozen=True)
class _Parsed:
    amount: Decimal | None
    unit: str
    business: bool
    inconsistent: bool
    successive: bool
    net: bool
    vague: bool
    skip: int  # leading tokens to drop from the span (an invalid word prefix)


def _number_value(tokens: list[str]) -> tuple[Decimal | None, bool, bool, int] | None:
    """(amount, inconsistent, vague, tokens to skip) of the number part."""
    if not tokens:
        return None
    half = tokens[-3:] == ["and", "a", "half"] or tokens[-2:] == ["and", "half"]
    if half:
        tokens = tokens[: -3 if tokens[-2] == "a" else -2]
    extra = Decimal("0.5") if half else Decimal(0)
    head = tokens
    if head in (["a", "half"], ["half", "a"], ["half", "an"], ["an", "half"], ["half"]):
        return Decimal("0.5"), False, False, 0
    if head in (["a", "few"], ["few"]) or (len(head) == 1 and head[0] in _VAGUE):
        return None, False, True, 0
    if head in (["a", "couple"], ["a", "couple", "of"], ["couple", "of"], ["couple"]):
        return Decimal(2) + extra, False, False, 0
    if len(head) == 1 and head[0] in _ONE:
        return Decimal(1) + extra, False, False, 0
    if len(head) == 1 and head[0][:1].isdigit():
        value = parse_decimal(head[0])
        return (value + extra, False, False, 0) if value is not None else None
    # words, maybe followed by "( digits )"
    digits_value: Decimal | None = None
    if "(" in head:
        i = head.index("(")
        inner = head[i + 1 : -1] if head[-1] == ")" else []
        if len(inner) != 1:
            return None
        digits_value = Decimal(_ROMAN[inner[0]]) if inner[0] in _ROMAN else parse_decimal(inner[0])
        head = head[:i]
    if head and head[-1] in ORDINAL_WORDS:
        return None  # "the fifteenth (15th) Contract Year" counts years, it is not a length
    for skip in range(len(head)):
        part = head[skip:]
        if part and part[0] in CONNECTORS:
            continue
        n = words_to_int(part)
        if n is not None:
            inconsistent = digits_value is not None and Decimal(n) != digits_value
            return Decimal(n) + extra, inconsistent, False, skip
    return None


def _parse(span: Span) -> _Parsed | None:
    tokens = pl.content(span)
    label = span.label_
    if label == "DUR_NET":
        amount = parse_decimal(tokens[1])
        if amount is None:
            return None
        return _Parsed(amount, "day", False, False, False, True, False, 0)
    num_part, rest = _split_number(tokens)
    if not rest:
        return None
    unit_word = rest[0]
    modifiers = [t for t in num_part + rest[1:] if t in _MODIFIERS]
    num_tokens = [t for t in num_part if t not in _MODIFIERS and t != "-"]
    if not num_tokens:  # "a full day", "full-year": the modifier is the amount (one)
        num_tokens = [t for t in num_part if t in _ONE][:1]
    trailing = [t for t in rest[1:] if t not in _MODIFIERS]
    if trailing:  # "an hour and a half"
        num_tokens = num_tokens + trailing
    parsed = _number_value(num_tokens)
    if parsed is None:
        return None
    amount, inconsistent, vague, skip = parsed
    unit = UNITS[unit_word]
    if unit == "second" and not unit_word.endswith("s") and num_tokens and num_tokens[0].isalpha():
        return None  # "a second renewal term" is an ordinal, not one second
    if amount is not None and amount <= 0:
        return None
    business = any(DAY_KINDS.get(m) == "business" for m in modifiers) and unit == "day"
    successive = any(
        m in ("successive", "additional", "consecutive", "subsequent", "renewal", "further")
        for m in modifiers
    )
    return _Parsed(amount, unit, business, inconsistent, successive, False, vague, skip)


def _accept(span: Span) -> bool:
    prev = pl.prev_words(span, 1)
    tokens = pl.content(span)
    tight_letter = span.label_ == "DUR_TIGHT" and len(tokens) == 2 and tokens[-1] in ("d", "y")
    if span.label_ == "DUR_TIGHT" and len(span) == 2 and span[0].whitespace_:
        if tokens[-1] not in SPACED_ABBREVIATIONS:
            return False
        if prev and prev[0] in _REFERENCE_WORDS:
            return False  # "Section 3 h" is a reference, not three hours
    if tight_letter and prev and prev[0] in ("section", "§"):
        return False
    # "a day" inside "24 hours a day, 7 days a week" is a rate, not a period
    rate = span.label_ == "DUR" and tokens[0] in ("a", "an", "one") and len(tokens) == 2
    if rate and prev and prev[0] in ("hours", "days", "times", "per"):
        return False
    parsed = _parse(span)
    if parsed is None:
        return False
    span.doc.user_data[("ca_duration", span.start_char, span.end_char)] = parsed
    return True


SPEC = pl.KindSpec(_duration_patterns, {"dur": ["DUR", "DUR_TIGHT", "DUR_NET"]}, _accept)


def _relation(doc: Doc, span: Span) -> Relation | None:
    after = pl.next_words(span, 3)
    while after and after[0] in ("'", "’", ")", "s"):
        after = after[1:]
    if not after:
        return None
    if after[0] in _BEFORE or after[:2] == ["in", "advance"]:
        return "before"
    if after[0] in ("after", "following", "from", "thereafter", "later", "since"):
        return "after"
    return None


def _successive_context(span: Span) -> bool:
    before = pl.prev_words(span, 4)
    return any(
        w in ("successive", "additional", "consecutive", "subsequent", "renewal")
        for w in before[:3]
    )


_RANK = {"decade": 7, "year": 6, "quarter": 5, "month": 4, "fortnight": 3, "week": 2, "day": 1}
_MONTHS = {"decade": 120, "year": 12, "quarter": 3, "month": 1}
_DAYS = {"fortnight": 14, "week": 7, "day": 1}
_JOIN = frozenset({"", ",", "and", ", and"})


def _merge_compounds(text: str, items: list[Duration], offset: int) -> list[Duration]:
    """ "1 year 1 month 21 days", "one (1) year and six (6) months": one period, written in
    parts of strictly smaller units joined by spaces, commas or "and". Parts of one calendar
    (months and years; weeks and days) add up ("18 months"); a mix of both keeps the span
    with no single amount."""
    out: list[Duration] = []
    for d in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.amount is not None
            and d.amount is not None
            and not prev.business
            and not d.business
            and prev.unit in _RANK
            and d.unit in _RANK
            and _joined(text[prev.end - offset : d.start - offset], prev.unit, d.unit)
        ):
            out[-1] = _combine(text, prev, d, offset)
            continue
        out.append(d)
    return out


def _joined(between: str, first: str, second: str) -> bool:
    """Two parts of one period: smaller units after larger ones joined by spaces, commas or
    "and" ("1 year, 2 months and 3 days"); any two units with nothing but a space between
    ("2 days 1 month")."""
    if _RANK[first] == _RANK[second]:
        return False
    if between == " ":
        return True
    return _RANK[second] < _RANK[first] and " ".join(between.split()).lower() in _JOIN


def _combine(text: str, a: Duration, b: Duration, offset: int) -> Duration:
    assert a.amount is not None and b.amount is not None
    if a.unit in _MONTHS and b.unit in _MONTHS:
        amount, unit = a.amount * _MONTHS[a.unit] + b.amount * _MONTHS[b.unit], "month"
    elif a.unit in _DAYS and b.unit in _DAYS:
        amount, unit = a.amount * _DAYS[a.unit] + b.amount * _DAYS[b.unit], "day"
    else:
        amount, unit = None, a.unit
    days = (a.days or 0) + (b.days or 0)
    return Duration(
        text=text[a.start - offset : b.end - offset],
        start=a.start,
        end=b.end,
        amount=amount,
        unit=unit,
        days=days,
        inconsistent=a.inconsistent or b.inconsistent,
        relation=b.relation,
        successive=a.successive or b.successive,
        vague=amount is None,
    )


def durations_from_doc(doc: Doc, offset: int = 0) -> list[Duration]:
    """Duration mentions from a Doc the pipeline has run over (``doc.spans["durations"]``)."""
    return _merge_compounds(doc.text, _durations(doc, offset), offset)


def _durations(doc: Doc, offset: int) -> list[Duration]:
    out: list[Duration] = []
    for span in doc.spans.get("durations", []):
        parsed = doc.user_data.get(("ca_duration", span.start_char, span.end_char)) or _parse(span)
        if parsed is None:
            continue
        sub = span[parsed.skip :] if parsed.skip else span
        while len(sub) and sub[0].lower_ in CONNECTORS:
            sub = sub[1:]
        days: float | None = None
        if parsed.amount is not None:
            days = float(parsed.amount) * UNIT_DAYS[parsed.unit]
            if parsed.business:
                days = days * 7 / 5
        out.append(
            Duration(
                text=sub.text,
                start=sub.start_char + offset,
                end=sub.end_char + offset,
                amount=parsed.amount,
                unit=parsed.unit,
                days=days,
                business=parsed.business,
                inconsistent=parsed.inconsistent,
                relation=_relation(doc, span),
                successive=parsed.successive or _successive_context(span),
                net=parsed.net,
                vague=parsed.vague,
            )
        )
    return out
