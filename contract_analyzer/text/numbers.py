"""Numbers written in words or digits: "thirty", "twenty-first", "one hundred thousand", "1,000.50".

Contracts write numbers twice ("thirty (30) days") and years in words ("two thousand and
eighteen"); these helpers turn a run of tokens into a value. They are pure functions over
lower-cased word lists so the spaCy patterns and the normalizers share one vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
ORDINAL_UNITS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS: dict[str, int] = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
ORDINAL_SCALES: dict[str, int] = {"hundredth": 100, "thousandth": 1000}

CARDINAL_WORDS: frozenset[str] = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)
ORDINAL_WORDS: frozenset[str] = (
    frozenset(ORDINAL_UNITS) | frozenset(ORDINAL_TENS) | frozenset(ORDINAL_SCALES)
)
NUMBER_WORDS: frozenset[str] = CARDINAL_WORDS | ORDINAL_WORDS
ORDINAL_SUFFIXES: frozenset[str] = frozenset({"st", "nd", "rd", "th", "d"})
# connectors allowed inside a spelled-out number ("one hundred and five", "twenty-one")
CONNECTORS: frozenset[str] = frozenset({"-", "and", "‐", "–"})


def _word_value(word: str) -> tuple[int, str] | None:
    """(value, kind) of one number word; kind is "unit", "ten" or "scale"."""
    if word in UNITS:
        return UNITS[word], "unit"
    if word in ORDINAL_UNITS:
        return ORDINAL_UNITS[word], "unit"
    if word in TENS:
        return TENS[word], "ten"
    if word in ORDINAL_TENS:
        return ORDINAL_TENS[word], "ten"
    if word in SCALES:
        return SCALES[word], "scale"
    if word in ORDINAL_SCALES:
        return ORDINAL_SCALES[word], "scale"
    return None


def words_to_int(words: Sequence[str]) -> int | None:
    """The integer spelled by ``words`` (lower case, connectors allowed), or None.

    >>> words_to_int(["one", "hundred", "and", "five"])
    105
    >>> words_to_int(["twenty", "-", "first"])
    21
    """
    items = [w for w in words if w not in CONNECTORS]
    if not items:
        return None
    total = 0
    current = 0
    last_kind = ""
    seen = False
    for word in items:
        got = _word_value(word)
        if got is None:
            return None
        value, kind = got
        if kind == "unit":
            if last_kind == "unit" or (last_kind == "ten" and value >= 10):
                return None
            current += value
        elif kind == "ten":
            if last_kind in ("unit", "ten"):
                return None
            current += value
        else:  # scale
            if not seen:
                current = 1  # "hundred" alone is not written, but "a hundred" becomes 1 * 100
            if value == 100:
                if current >= 100 or current == 0:
                    return None
                current *= 100
            else:
                total += max(current, 1) * value
                current = 0
        last_kind = kind
        seen = True
    return total + current


def is_ordinal_words(words: Sequence[str]) -> bool:
    """True when the last word is an ordinal ("twenty-first")."""
    items = [w for w in words if w not in CONNECTORS]
    return bool(items) and items[-1] in ORDINAL_WORDS


def year_from_words(words: Sequence[str]) -> int | None:
    """A year written in words: "two thousand and eighteen", "nineteen seventy eight",
    "nineteen zero one", "twenty twenty-four". None when it is not a plausible year."""
    items = [w for w in words if w not in CONNECTORS]
    if not items:
        return None
    whole = words_to_int(items)
    if whole is not None and 1000 <= whole <= 2999:
        return whole
    # "nineteen seventy eight": a two-digit century followed by a two-digit remainder
    for cut in range(1, len(items)):
        head, tail = items[:cut], items[cut:]
        century = words_to_int(head)
        if century is None or not 10 <= century <= 29:
            continue
        if tail and tail[0] in ("zero", "oh", "o"):
            rest = words_to_int(tail[1:])
            if rest is not None and rest < 10:
                return century * 100 + rest
            continue
        rest = words_to_int(tail)
        if rest is not None and 10 <= rest <= 99:
            return century * 100 + rest
    return None


def parse_decimal(text: str) -> Decimal | None:
    """A digit string with thousands separators and an optional decimal part as a Decimal.

    ``"1,000,000"`` and ``"12,500.75"`` parse; ``"1,00"`` does not (a misplaced separator).
    """
    raw = text.strip()
    if not raw:
        return None
    if "," in raw:
        whole, _, frac = raw.partition(".")
        groups = whole.split(",")
        if not groups[0].isdigit() or len(groups[0]) > 3:
            return None
        if any(len(g) != 3 or not g.isdigit() for g in groups[1:]):
            return None
        raw = "".join(groups) + ("." + frac if frac else "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def two_digit_year(yy: int, reference_year: int | None = None) -> int:
    """The full year for a two-digit year.

    With a reference year: the year in the window from 80 years before to 20 years after it
    (so "27" in 2016 is 2027 and "40" is 1940). Without: 00-49 -> 2000-2049, 50-99 ->
    1950-1999 (the RFC 5280 pivot), fixed so the same text always gives the same date.
    """
    if reference_year is not None:
        year = (reference_year // 100) * 100 + yy
        if year > reference_year + 20:
            year -= 100
        elif year <= reference_year - 80:
            year += 100
        return year
    return 2000 + yy if yy < 50 else 1900 + yy


_UNIT_NAMES = {v: k for k, v in UNITS.items()}
_TEN_NAMES = {v: k for k, v in TENS.items() if k != "fourty"}
_ORDINAL_NAMES = {v: k for k, v in {**ORDINAL_UNITS, **ORDINAL_TENS}.items()}


def number_to_words(n: int, *, ordinal: bool = False) -> str:
    """``21`` -> ``"twenty-one"`` (``ordinal``: ``"twenty-first"``), for 0 to 999; larger and
    negative numbers come back in digits (Word's "cardinalText"/"ordinalText" numbering)."""
    if not 0 <= n <= 999:
        return str(n)
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = f"{_UNIT_NAMES[hundreds]} hundred"
        if not rest:
            return head + ("th" if ordinal else "")
        return f"{head} and {number_to_words(rest, ordinal=ordinal)}"
    if n < 20 or n % 10 == 0:
        table = _ORDINAL_NAMES if ordinal and n else _UNIT_NAMES if n < 20 else _TEN_NAMES
        if ordinal and n == 0:
            return "zeroth"
        return table[n]
    tens, unit = divmod(n, 10)
    tail = _ORDINAL_NAMES[unit] if ordinal else _UNIT_NAMES[unit]
    return f"{_TEN_NAMES[tens * 10]}-{tail}"
