"""A quick pass over raw text for the words every fact contains, so spaCy only sees those places.

The spaCy Matcher costs about a microsecond per token per pattern, and most of a contract
holds no date, amount or period. This scanner lists the words of the lower-cased text once,
intersects them with the trigger words of each kind of fact (month names, units of time,
currency words...), looks at the digit groups (numeric dates, "1st") and currency signs, and
returns character windows around the hits, each tagged with the classes of patterns worth
trying there. The facts pipeline tokenizes and matches only inside these windows (see
``pipeline.parse``). Measured on CUAD sentences this is what makes the extractor faster than
datefinder; set look-ups and ``str.find`` do the work because a regular expression with many
alternatives costs Python's ``re`` a test at every character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from contract_analyzer.facts.numbers import CARDINAL_WORDS, ORDINAL_UNITS
from contract_analyzer.facts.vocab import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MONTHS,
    TIGHT_UNITS,
    UNITS,
    WEEKDAYS,
)

# characters of context kept on each side of a trigger, per class (the Matcher's cost grows
# with the tokens it sees, so each class keeps just what its longest pattern needs)
REACH: dict[str, tuple[int, int]] = {
    "date:month": (36, 48),  # "the twenty-first day of" | "September the twenty-first nineteen ..."
    "date:num": (24, 16),  # the numeric date and the words beside it (context checks)
    "date:num+offset": (48, 16),  # "thirty (30) days after 03/01/2024"
    "date:weekday": (36, 40),
    "date:rel": (40, 40),
    "date:day": (30, 30),
    "date:ph": (40, 40),
    "date:holiday": (40, 30),
    "dur": (70, 30),
    "money": (70, 60),
    "pct": (60, 30),
}
KIND_OF: dict[str, str] = {
    "date": "dates",
    "dur": "durations",
    "money": "money",
    "pct": "percentages",
}

_LETTERS = re.compile(r"[a-z]+")
_NUMERIC_DATE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d\d|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|(?:19|20)\d{6}"
)
_NO_YEAR = re.compile(r"\d{1,2}[./-]\d{1,2}")
_DIGIT_HINT = re.compile(r"\d[./-]\d|\d{8}")
_SEPARATED = re.compile(r"\d+(?:[./-]\d+)+")
_ORDINAL_DIGITS = re.compile(r"\d{1,2}(?:st|nd|rd|th|t h|s t|n d|r d)\b")
_SUFFIX_WORDS = frozenset({"st", "nd", "rd", "th", "t", "s", "n", "r"})
_COUNT_LIKE = frozenset(
    CARDINAL_WORDS
    | {"a", "an", "few", "couple", "several", "of", "and", "business", "working", "calendar"}
)
_COMPACT = re.compile(r"\d{8}")
_NEXT_PERIOD = re.compile(r"(?:next|this|last|previous|following) (?:month|week)")
_OFFSET_BEFORE = re.compile(
    r"\b(?:days?|weeks?|months?|years?)\W{0,3}(?:after|before|from|following|prior\s+to)\W*$"
)
_TIGHT_UNIT = re.compile(r"\d-?(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")\b")
_PLACEHOLDER_DATE = re.compile(r"(?:\[[^\]\w\n]{0,5}\]|_{2,})[^\n]{0,30}?\b(?:1[89]|20)\d\d\b")
_NO_YEAR_CONTEXT = frozenset(
    {"on", "by", "before", "after", "until", "till", "through", "thru", "dated", "date", "due",
     "in", "since", "starting", "ending", "ends", "begins", "effective", "back", "from", "this",
     "next", *WEEKDAYS}
)  # fmt: skip

_ORDINALS = frozenset(ORDINAL_UNITS) | {"twentieth", "thirtieth"}
_COUNT = frozenset(CARDINAL_WORDS | {"a", "an", "few", "couple", "several"})
_WEEKDAY_WORDS = frozenset(WEEKDAYS) | {w + "s" for w in WEEKDAYS if len(w) > 4}
_REL_UNITS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "fortnight",
     "fortnights", "decade", "decades"}
)  # fmt: skip
_HOLIDAY_ALONE = frozenset(
    {"christmas", "xmas", "easter", "thanksgiving", "halloween", "juneteenth", "mlk"}
)
_HOLIDAY_DAY = frozenset(
    {"independence", "veterans", "workers", "groundhog", "boxing", "memorial", "labor", "labour",
     "presidents", "columbus", "mother", "mothers", "father", "fathers", "earth", "canada",
     "valentine", "valentines", "patrick", "patricks", "saints"}
)  # fmt: skip
_DATE_WORDS = (
    frozenset(MONTHS) | _WEEKDAY_WORDS | _ORDINALS | _HOLIDAY_ALONE | _HOLIDAY_DAY
    | {"today", "tomorrow", "yesterday", "tmrw", "ago", "hence", "now", "later", "in", "year",
       "month", "week"}
)  # fmt: skip
_DUR_WORDS = frozenset(u for u in UNITS if u not in TIGHT_UNITS) | {"net"}
_MONEY_WORDS = frozenset(CURRENCY_CODES) | frozenset(CURRENCY_WORDS)
_PCT_WORDS = frozenset({"percent", "pct", "cent"})
_SYMBOLS = "".join(CURRENCY_SYMBOLS)


@dataclass
class Window:
    """A stretch of text worth matching, and which pattern classes to try there."""

    start: int
    end: int
    classes: set[str] = field(default_factory=set)


def _occurrences(low: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``low`` not inside a longer word."""
    n = len(word)
    i = low.find(word)
    while i >= 0:
        before = low[i - 1] if i else " "
        after = low[i + n] if i + n < len(low) else " "
        if not ("a" <= before <= "z") and not ("a" <= after <= "z"):
            yield i
        i = low.find(word, i + n)


def _word_before(low: str, i: int) -> str:
    """The word just before offset ``i`` (skipping up to three non-letters)."""
    j = i - 1
    k = 0
    while j >= 0 and not ("a" <= low[j] <= "z") and k < 3 and low[j] != "\n":
        j -= 1
        k += 1
    end = j + 1
    while j >= 0 and "a" <= low[j] <= "z":
        j -= 1
    return low[j + 1 : end]


def _word_after(low: str, j: int) -> str:
    """The word just after offset ``j`` (skipping up to three non-letters)."""
    n = len(low)
    k = 0
    while j < n and not ("a" <= low[j] <= "z") and k < 3 and low[j] != "\n":
        j += 1
        k += 1
    start = j
    while j < n and "a" <= low[j] <= "z":
        j += 1
    return low[start:j]


def _date_word_class(low: str, w: str, i: int) -> str | None:
    """The class of a date trigger word at ``i``, or None when its context rules it out."""
    j = i + len(w)
    if w in MONTHS:
        if w in ("may", "march"):  # usually the verb: only beside a number, "the", "of" or a blank
            nxt = low[j : j + 16].lstrip(" ,.-/\n")
            before = low[max(0, i - 6) : i].rstrip(" ,-/\n")
            if not (
                nxt[:1].isdigit()
                or nxt[:1] in "[_"
                or _word_after(low, j) in (_COUNT | _ORDINALS | {"the"})
                or before[-1:].isdigit()
                or _word_before(low, i) == "of"
                or re.search(r"\d\s?(?:st|nd|rd|th)$", before) is not None
            ):
                return None
        return "date:month"
    if w in _WEEKDAY_WORDS:
        # "each Wednesday", "Monday to Friday" are recurring days, not dates
        if _word_before(low, i) in ("each", "every", "to", "through", "thru", "until"):
            return None
        if _word_after(low, j) in ("to", "through", "thru", "until"):
            return None
        return "date:weekday"
    if w in ("today", "tomorrow", "yesterday", "tmrw", "ago", "hence"):
        return "date:rel"
    if w == "now":
        return "date:rel" if low[max(0, i - 5) : i] == "from " else None
    if w == "later":
        return "date:rel" if _word_before(low, i) in _REL_UNITS else None
    if w in ("month", "week"):
        return (
            "date:rel"
            if _word_before(low, i) in ("next", "this", "last", "previous", "following")
            else None
        )
    if w in _ORDINALS:
        if (j >= len(low) or low[j] in ".,;:!?)\n") and _word_before(low, i) in (
            "the",
            "on",
            "twenty",
            "thirty",
        ):
            return "date:day"
        return None
    if w in _HOLIDAY_ALONE:
        return "date:holiday"
    if w in _HOLIDAY_DAY:
        return "date:holiday" if _word_after(low, j) in ("day", "s", "eve") else None
    if w == "year":
        return "date:holiday" if _word_before(low, i) == "new" else None
    return None


def _date_hits(low: str, words: set[str]) -> Iterator[tuple[int, int, str]]:
    found = words & _DATE_WORDS
    in_rel = "in" in found and not _REL_UNITS.isdisjoint(words)
    found.discard("in")
    # cheap substring checks before looking at every occurrence of common words
    if "year" in found and "new year" not in low:
        found.discard("year")
    if "now" in found and "from now" not in low:
        found.discard("now")
    if ("month" in found or "week" in found) and not _NEXT_PERIOD.search(low):
        found.discard("month")
        found.discard("week")
    for w in found:
        for i in _occurrences(low, w):
            cls = _date_word_class(low, w, i)
            if cls is not None:
                yield i, i + len(w), cls
    if in_rel:  # "in 3 weeks", "in two business days"
        i = low.find("in ")
        starts = []
        while i >= 0:
            if i == 0 or not ("a" <= low[i - 1] <= "z"):
                starts.append(i)
            i = low.find("in ", i + 3)
        for i in starts:
            j = i + 2
            nxt = low[j : j + 3].lstrip(" -")
            if not (nxt[:1].isdigit() or _word_after(low, j) in _COUNT):
                continue
            after = [w for w in _LETTERS.findall(low, j, j + 40)[:4] if w not in _COUNT_LIKE]
            if after and after[0] in _REL_UNITS:
                yield i, j, "date:rel"
    hint = _DIGIT_HINT.search(low)
    if hint is None:
        pass
    elif hint.group()[1] in "./-" or _SEPARATED.search(low, hint.end()):
        for m in _SEPARATED.finditer(low):
            start, end = m.span()
            tok = m.group()
            if (
                _NUMERIC_DATE.fullmatch(tok)
                or _NO_YEAR.fullmatch(tok)
                and ("/" in tok or _word_before(low, start) in _NO_YEAR_CONTEXT)
            ):
                yield start, end, "date:num"
    if not words.isdisjoint(_SUFFIX_WORDS):
        for m in _ORDINAL_DIGITS.finditer(low):
            start = m.start()
            if start and low[start - 1].isdigit():
                continue
            # a month nearby is found by its own trigger; alone, "the 18th" needs "the"/"on"
            before = _word_before(low, start)
            if before in ("the", "on") or before in WEEKDAYS:
                yield start, m.end(), "date:day"
    for m in _COMPACT.finditer(low) if hint is not None else ():
        start, end = m.span()
        if (
            m.group()[:2] in ("19", "20")
            and (not start or not low[start - 1].isdigit())
            and (end >= len(low) or not low[end].isdigit())
        ):
            yield start, end, "date:num"
    if "[" in low or "__" in low:
        for m in _PLACEHOLDER_DATE.finditer(low):
            yield m.start(), m.end(), "date:ph"


def _dur_hits(low: str, words: set[str]) -> Iterator[tuple[int, int, str]]:
    for w in words & _DUR_WORDS:
        for i in _occurrences(low, w):
            if w != "net" or low[i + 3 : i + 5].strip()[:1].isdigit():
                yield i, i + len(w), "dur"
    for m in _TIGHT_UNIT.finditer(low):  # "3h", "30-min", "2ys", "3day"
        yield m.start(), m.end(), "dur"


def _money_hits(low: str, words: set[str]) -> Iterator[tuple[int, int, str]]:
    for w in words & _MONEY_WORDS:
        for i in _occurrences(low, w):
            yield i, i + len(w), "money"
    for sym in _SYMBOLS:
        i = low.find(sym)
        while i >= 0:
            yield i, i + 1, "money"
            i = low.find(sym, i + 1)


def _pct_hits(low: str, words: set[str]) -> Iterator[tuple[int, int, str]]:
    for w in words & _PCT_WORDS:
        for i in _occurrences(low, w):
            yield i, i + len(w), "pct"
    i = low.find("%")
    while i >= 0:
        yield i, i + 1, "pct"
        i = low.find("%", i + 1)


_HITS = {"date": _date_hits, "dur": _dur_hits, "money": _money_hits, "pct": _pct_hits}


def scan(text: str, kinds: Iterable[str]) -> list[Window]:
    """Windows of ``text`` that may hold facts of the given kinds, in order, not overlapping."""
    wanted = [prefix for prefix, kind in KIND_OF.items() if kind in kinds]
    if not wanted or not text:
        return []
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    words = set(_LETTERS.findall(low))
    hits = [h for prefix in wanted for h in _HITS[prefix](low, words)]
    if not hits:
        return []
    n = len(text)
    spans: list[tuple[int, int, str]] = []
    for start, end, cls in hits:
        reach = cls
        if cls == "date:num" and _OFFSET_BEFORE.search(low, max(0, start - 48), start):
            reach = "date:num+offset"
        left, right = REACH[reach]
        a = max(0, start - left)
        b = min(n, end + right)
        # snap to whitespace so no token is cut in two (bounded, for text without spaces)
        stop = max(0, a - 40)
        while a > stop and not text[a - 1].isspace():
            a -= 1
        stop = min(n, b + 40)
        while b < stop and not text[b].isspace():
            b += 1
        spans.append((a, b, cls))
    spans.sort()
    windows: list[Window] = []
    for a, b, cls in spans:
        if windows and a <= windows[-1].end:
            last = windows[-1]
            last.end = max(last.end, b)
            last.classes.add(cls)
        else:
            windows.append(Window(a, b, {cls}))
    return windows
