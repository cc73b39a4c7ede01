"""Money and percentages: "$12,500 per month", "USD 1,000,000", "one hundred thousand dollars", "99.9%".

Two Matcher components of :mod:`contract_analyzer.facts.pipeline` (``money`` and
``percentages``); this module normalizes their spans. Money has a Decimal ``amount``, an ISO
``currency`` ("USD" for "$" unless a prefix says otherwise: "C$", "A$", "HK$"), and the
period or unit it is charged per ("per month", "/year", "monthly", "per user").
Percentages have a Decimal ``value`` (99.9 for "99.9%"). :func:`extract_money` returns money
only and :func:`extract_percentages` percentages only, so a rule asking for an amount never
mistakes "15%" for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc, Span

from contract_analyzer.facts import matching as pl
from contract_analyzer.facts.vocab import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    MONEY_SCALES,
    PERIODS,
)
from contract_analyzer.text.numbers import CARDINAL_WORDS, CONNECTORS, parse_decimal, words_to_int

_AMOUNT_SHAPES_HINT = "digits with optional thousands separators and decimals"
_PER_UNITS = [
    "user", "seat", "license", "licence", "unit", "device", "employee", "transaction", "item",
    "page", "site", "server", "instance", "call", "incident", "ticket", "gb", "tb", "endpoint",
    "member", "participant", "account", "named", "person", "head", "order", "copy", "hour",
    "day", "week", "month", "quarter", "year", "annum", "occurrence", "claim", "event",
]  # fmt: skip
_COUNTRY_TOKENS = {
    "us", "u", ".", "s", "united", "states", "american", "canadian", "australian", "swiss",
    "japanese", "singapore", "hong", "kong", "new", "zealand",
}  # fmt: skip
_COUNTRY_WORDS = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "hong": "HKD", "singapore": "SGD", "new": "NZD", "swiss": "CHF", "japanese": "JPY",
}  # fmt: skip


@dataclass(frozen=True)
class Money:
    """An amount of money: ``amount`` in units of ``currency`` (ISO code).

    ``period`` is "month", "year", "hour", ... when the amount is charged per period;
    ``per`` is the other unit it is charged per ("user", "seat") when written. ``inconsistent``
    is set when words and digits disagree ("one thousand dollars ($10,000)").
    """

    text: str
    start: int
    end: int
    amount: Decimal
    currency: str
    period: str | None = None
    per: str | None = None
    inconsistent: bool = False


@dataclass(frozen=True)
class Percentage:
    """A percentage: ``value`` 99.9 for "99.9%" (not 0.999)."""

    text: str
    start: int
    end: int
    value: Decimal
    inconsistent: bool = False


# ----------------------------------------------------------------------------- patterns


def _money_patterns() -> dict[str, list[pl.Pattern]]:
    tok, words = pl.tok, pl.words
    amount = tok(LIKE_NUM=True, IS_ALPHA=False)
    symbol = tok(ORTH={"IN": list(CURRENCY_SYMBOLS)})
    prefix = tok(LOWER={"IN": [p for p in DOLLAR_PREFIXES if "." not in p]}, SPACY=False, OP="?")
    code = words(*sorted(CURRENCY_CODES))
    scale = tok(LOWER={"IN": sorted(MONEY_SCALES)}, OP="?")
    word = tok(LOWER={"IN": sorted(CARDINAL_WORDS)})
    word_more = tok(LOWER={"IN": sorted(CARDINAL_WORDS | CONNECTORS)}, OP="*")
    country = tok(LOWER={"IN": sorted(_COUNTRY_TOKENS)}, OP="{0,3}")
    cur_word = words(*CURRENCY_WORDS)
    return {
        "MONEY_SYM": [[prefix, symbol, pl.WS, amount, scale], [code, symbol, amount, scale]],
        "MONEY_CODE": [[code, amount, scale], [amount, scale, code]],
        "MONEY_WORDS": [[amount, scale, country, cur_word], [word, word_more, country, cur_word]],
    }


def _percent_patterns() -> dict[str, list[pl.Pattern]]:
    tok, words = pl.tok, pl.words
    amount = tok(LIKE_NUM=True, IS_ALPHA=False)
    word = tok(LOWER={"IN": sorted(CARDINAL_WORDS)})
    word_more = tok(LOWER={"IN": sorted(CARDINAL_WORDS | CONNECTORS)}, OP="*")
    return {
        "PCT": [
            [amount, tok(ORTH="%")],
            [amount, words("percent", "pct")],
            [amount, words("per"), words("cent")],
        ],
        "PCT_WORDS": [
            [word, word_more, words("percent", "pct")],
            [word, word_more, words("per"), words("cent")],
        ],
    }


# ------------------------------------------------------------------------- normalization


def _words_amount(tokens: list[str]) -> tuple[Decimal, int] | None:
    """Amount of a run of number words, skipping invalid leading words; (value, skipped)."""
    for skip in range(len(tokens)):
        part = tokens[skip:]
        if part and part[0] in CONNECTORS:
            continue
        n = words_to_int(part)
        if n is not None:
            return Decimal(n), skip
    return None


def _scale_of(tokens: list[str], i: int) -> tuple[int, int]:
    """(multiplier, tokens used) for a scale word at position i."""
    if i < len(tokens) and tokens[i] in MONEY_SCALES:
        return MONEY_SCALES[tokens[i]], 1
    return 1, 0


def _period(tokens: list[str]) -> tuple[str | None, str | None]:
    """(period, per-unit) from the tail of a money span ("per user per month")."""
    period: str | None = None
    per: str | None = None
    skip = {"calendar", "contract", "fiscal", "full", "named", "concurrent", "active"}
    for i, t in enumerate(tokens):
        if t in ("per", "/", "a", "each", "every") and i + 1 < len(tokens):
            rest = [w for w in tokens[i + 1 :] if w not in skip]
            if not rest:
                continue
            unit = rest[0][:-1] if rest[0].endswith("s") and rest[0] != "annum" else rest[0]
            if unit in PERIODS and period is None:
                period = PERIODS[unit]
            elif per is None and unit not in PERIODS:
                per = unit
        elif t in PERIODS and t.endswith("ly") and period is None:
            period = PERIODS[t]
    return period, per


@dataclass(frozen=True)
class _MoneyParsed:
    amount: Decimal
    currency: str
    period: str | None
    per: str | None
    inconsistent: bool
    skip: int


def _parse_money(span: Span) -> _MoneyParsed | None:
    tokens = pl.content(span)
    label = span.label_
    currency: str | None = None
    amount: Decimal | None = None
    inconsistent = False
    skip = 0
    i = 0
    if label == "MONEY_SYM":
        if tokens[0] in CURRENCY_CODES:
            currency = tokens[0].upper()
            i = 2
        elif tokens[0] in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[tokens[0]]
            i = 1
        else:
            currency = DOLLAR_PREFIXES.get(tokens[0], "USD") if tokens[1] == "$" else None
            i = 2
        if currency is None or i >= len(tokens):
            return None
        amount = parse_decimal(tokens[i])
        i += 1
    elif label == "MONEY_CODE":
        if tokens[0] in CURRENCY_CODES:
            currency = tokens[0].upper()
            amount = parse_decimal(tokens[1])
            i = 2
        else:
            amount = parse_decimal(tokens[0])
            i = 1
            mult, used = _scale_of(tokens, i)
            code_at = i + used
            if code_at >= len(tokens) or tokens[code_at] not in CURRENCY_CODES:
                return None
            currency = tokens[code_at].upper()
            if amount is None:
                return None
            return _finish(amount * mult, currency, tokens[code_at + 1 :], False, 0)
    else:  # MONEY_WORDS
        cur_at = next((k for k, t in enumerate(tokens) if t in CURRENCY_WORDS), None)
        if cur_at is None:
            return None
        currency = CURRENCY_WORDS[tokens[cur_at]]
        head = tokens[:cur_at]
        for k, t in enumerate(head):
            if t in _COUNTRY_WORDS or t in ("united", "u"):
                if t in _COUNTRY_WORDS:
                    currency = (
                        _COUNTRY_WORDS[t] if tokens[cur_at].startswith("dollar") else currency
                    )
                head = head[:k]
                break
        if head and head[0][0].isdigit():
            amount = parse_decimal(head[0])
            mult, _ = _scale_of(head, 1)
            if amount is None:
                return None
            amount *= mult
        else:
            got = _words_amount(head)
            if got is None:
                return None
            amount, skip = got
        if tokens[cur_at] == "cents":
            amount = amount / 100
        tail = tokens[cur_at + 1 :]
        if tail and tail[0] == "(":
            close = tail.index(")") if ")" in tail else len(tail)
            inner = [
                t for t in tail[1:close] if t not in CURRENCY_SYMBOLS and t not in CURRENCY_CODES
            ]
            if len(inner) == 1:
                digits = parse_decimal(inner[0])
                inconsistent = digits is not None and digits != amount
            tail = tail[close + 1 :]
        return _finish(amount, currency, tail, inconsistent, skip)
    if amount is None:
        return None
    mult, used = _scale_of(tokens, i)
    return _finish(amount * mult, currency, tokens[i + used :], False, 0)


def _finish(
    amount: Decimal, currency: str, tail: list[str], inconsistent: bool, skip: int
) -> _MoneyParsed:
    period, per = _period(tail)
    return _MoneyParsed(amount, currency, period, per, inconsistent, skip)


def _accept_money(span: Span) -> bool:
    parsed = _parse_money(span)
    if parsed is None:
        return False
    span.doc.user_data[("ca_money", span.start_char, span.end_char)] = parsed
    return True


def _parse_percent(span: Span) -> tuple[Decimal, bool, int] | None:
    tokens = pl.content(span)
    if span.label_ == "PCT":
        value = parse_decimal(tokens[0])
        return (value, False, 0) if value is not None else None
    cut = next((k for k, t in enumerate(tokens) if t in ("percent", "pct", "per")), None)
    if cut is None:
        return None
    got = _words_amount(tokens[:cut])
    if got is None:
        return None
    value, skip = got
    inconsistent = False
    tail = tokens[cut + 1 :]
    if tail and tail[0] == "cent":
        tail = tail[1:]
    if tail[:1] == ["("] and len(tail) >= 3:
        digits = parse_decimal(tail[1])
        inconsistent = digits is not None and digits != value
    return value, inconsistent, skip


def _accept_percent(span: Span) -> bool:
    parsed = _parse_percent(span)
    if parsed is None:
        return False
    span.doc.user_data[("ca_percent", span.start_char, span.end_char)] = parsed
    return True


MONEY_SPEC = pl.KindSpec(
    _money_patterns, {"money": ["MONEY_SYM", "MONEY_CODE", "MONEY_WORDS"]}, _accept_money
)
PERCENT_SPEC = pl.KindSpec(_percent_patterns, {"pct": ["PCT", "PCT_WORDS"]}, _accept_percent)


def _trim(span: Span, skip: int) -> Span:
    sub = span[skip:] if skip else span
    while len(sub) > 1 and sub[0].lower_ in CONNECTORS:
        sub = sub[1:]
    return sub


_PERIOD_FILLERS = {"calendar", "contract", "fiscal", "full", "named", "concurrent", "active"}


def _next_index(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _tail(doc: Doc, end: int, amount: Decimal) -> tuple[int, str | None, str | None, bool]:
    """Extend a money span over "($100,000)" and "per user per month"; returns
    (new end token, period, per-unit, words/digits disagree)."""
    inconsistent = False
    i = _next_index(doc, end)
    if i < len(doc) and doc[i].text == "(":
        j = i + 1
        while j < len(doc) and j < i + 5 and doc[j].text != ")":
            j += 1
        inner = [t.lower_ for t in doc[i + 1 : j] if not t.is_space]
        inner = [t for t in inner if t not in CURRENCY_SYMBOLS and t not in CURRENCY_CODES]
        if j < len(doc) and doc[j].text == ")" and len(inner) in (1, 2):
            digits = parse_decimal(inner[0])
            if digits is not None:
                if len(inner) == 2 and inner[1] in MONEY_SCALES:
                    digits *= MONEY_SCALES[inner[1]]
                elif len(inner) == 2:
                    digits = None
            if digits is not None:
                inconsistent = digits != amount
                end = j + 1
    period: str | None = None
    per: str | None = None
    for _ in range(2):
        i = _next_index(doc, end)
        if i >= len(doc):
            break
        word = doc[i].lower_
        if word in PERIODS and word.endswith("ly") and period is None:
            period, end = PERIODS[word], i + 1
            continue
        if word not in ("per", "/", "a", "an", "each", "every"):
            break
        j = _next_index(doc, i + 1)
        while j < len(doc) and doc[j].lower_ in _PERIOD_FILLERS:
            j = _next_index(doc, j + 1)
        if j >= len(doc):
            break
        unit = doc[j].lower_
        unit = unit[:-1] if unit.endswith("s") and unit != "annum" else unit
        if unit in PERIODS and period is None:
            period, end = PERIODS[unit], j + 1
        elif unit in _PER_UNITS and per is None and word != "a":
            per, end = unit, j + 1
        else:
            break
    return end, period, per, inconsistent


def money_from_doc(doc: Doc, offset: int = 0) -> list[Money]:
    """Money mentions from a Doc the pipeline has run over (``doc.spans["money"]``)."""
    out: list[Money] = []
    for span in doc.spans.get("money", []):
        parsed = doc.user_data.get(("ca_money", span.start_char, span.end_char)) or _parse_money(
            span
        )
        if parsed is None:
            continue
        sub = _trim(span, parsed.skip)
        end, period, per, inconsistent = _tail(doc, sub.end, parsed.amount)
        if out and out[-1].end > sub.start_char + offset:
            continue  # already covered as the "($100,000)" of the mention before
        full = doc[sub.start : end]
        out.append(
            Money(
                text=full.text,
                start=full.start_char + offset,
                end=full.end_char + offset,
                amount=parsed.amount,
                currency=parsed.currency,
                period=period,
                per=per,
                inconsistent=inconsistent or parsed.inconsistent,
            )
        )
    return out


def percentages_from_doc(doc: Doc, offset: int = 0) -> list[Percentage]:
    """Percentage mentions from a Doc the pipeline has run over ("fifty percent (50%)" is one)."""
    out: list[Percentage] = []
    covered = -1
    for span in doc.spans.get("percentages", []):
        if span.start < covered:
            continue  # the "(50%)" already read as part of "fifty percent (50%)"
        parsed = doc.user_data.get(
            ("ca_percent", span.start_char, span.end_char)
        ) or _parse_percent(span)
        if parsed is None:
            continue
        value, inconsistent, skip = parsed
        sub = _trim(span, skip)
        end = sub.end
        i = _next_index(doc, end)
        if (
            span.label_ == "PCT_WORDS"
            and i + 3 < len(doc)
            and doc[i].text == "("
            and doc[i + 2].text == "%"
            and doc[i + 3].text == ")"
        ):
            digits = parse_decimal(doc[i + 1].text)
            if digits is not None:
                inconsistent = inconsistent or digits != value
                end = i + 4
        covered = end
        full = doc[sub.start : end]
        out.append(
            Percentage(
                full.text, full.start_char + offset, full.end_char + offset, value, inconsistent
            )
        )
    return out
