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
from functools import lru_cache

from contract_analyzer.facts.vocab import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MONTHS,
    TIGHT_UNITS,
    UNITS,
    WEEKDAYS,
)
from contract_analyzer.text.numbers import CARDINAL_WORDS, ORDINAL_UNITS

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
# written so that the regex engine can skip to candidate characters (a leading literal or class)
_ORDINAL_DIGITS = re.compile(r"\d\d?(?:st|nd|rd|th|t h|s t|n d|r d)\b")
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
# "24 h", "2 yrs": abbreviations also read after a space (see facts.durations)
_SPACED_UNIT = re.compile(r"\d (?:hrs?|h|yrs?|ys|mos|wks)\b")
_DAY_SUFFIX_END = re.compile(r"\d\s?(?:st|nd|rd|th)$")
# a blank ("[ ]", "[•]", "____") followed by a year within 30 characters: "[ ], 2020"
_PLACEHOLDER = re.compile(r"\[[^\]\w\n]{0,5}\]|__+")
_YEAR_AFTER = re.compile(r"[^\n]{0,30}?\b(?:1[89]|20)\d\d\b")
_NO_YEAR_CONTEXT = frozenset(
    {"on", "by", "before", "after", "until", "till", "through", "thru", "dated", "date", "due",
     "in", "since", "starting", "ending", "ends", "begins", "effective", "back", "from", "this",
     "next", *WEEKDAYS}
)  # fmt: skip

_ORDINALS = frozenset(ORDINAL_UNITS) | {"twentieth", "thirtieth"}
_COUNT = frozenset(CARDINAL_WORDS | {"a", "an", "few", "couple", "several"})
_MAY_NEXT = _COUNT | _ORDINALS | {"the"}  # "May the 1st", "May twenty-first"
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

# every word the hit finders ask about: the word set of a text is only ever intersected with
# these, so :func:`_words` keeps just them (exactly ``set(_LETTERS.findall(low)) & _VOCAB``)
_VOCAB = frozenset(
    _DATE_WORDS | _REL_UNITS | _SUFFIX_WORDS | _DUR_WORDS | _MONEY_WORDS | _PCT_WORDS
)
_VOCAB_BYTES = frozenset(w.encode("ascii") for w in _VOCAB)
# bytes.translate tables: letters kept and everything else a space; digits as "0"
_ONLY_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS_AS_ZERO = bytes(48 if 48 <= c <= 57 else c for c in range(256))


def _words(low_bytes: bytes) -> set[str]:
    """The trigger words of a lower-cased text: ``set(_LETTERS.findall(low)) & _VOCAB``.

    Done on bytes because ``bytes.translate`` + ``split`` are C loops, several times faster
    than a Python regular expression over every character; non-ASCII characters become
    spaces, as they are not ``[a-z]`` either.
    """
    found = _VOCAB_BYTES.intersection(low_bytes.translate(_ONLY_LETTERS).split())
    return {w.decode("ascii") for w in found}


@dataclass
class Window:
    """A stretch of text worth matching, and which pattern classes to try there."""

    start: int
    end: int
    classes: set[str] = field(default_factory=set)


@dataclass
class _Text:
    """A text prepared once for the hit finders.

    ``raw`` is the lower-cased text as bytes, one byte per character (Latin-1; other
    characters become "?"), so byte offsets are character offsets; ``zeros`` is the same
    with every digit written "0" (None when there is no digit). Substring tests on ``zeros``
    are exact pre-checks for the digit patterns (``b"0.0" in zeros`` is necessary for
    ``\\d[./-]\\d``), and patterns on ``zeros`` that start with the literal "0" let the
    regular expression engine jump from digit to digit instead of testing every character.
    A text holding digits of another script (``\\d`` matches them too) keeps the plain
    patterns on ``low``.
    """

    low: str
    words: set[str]
    zeros: bytes | None
    other_digits: bool = False

    @classmethod
    def of(cls, low: str) -> _Text:
        if low.isascii():
            raw = low.encode("ascii")
            other = False
        else:
            raw = low.encode("latin-1", "replace")
            other = any(c.isdecimal() for c in set(low) if c > "\x7f")
        has_digit = raw.translate(None, b"0123456789") != raw
        zeros = raw.translate(_DIGITS_AS_ZERO) if has_digit else None
        return cls(low, _words(raw), zeros, other)

    def has(self, pieces: tuple[bytes, ...]) -> bool:
        """Whether any of ``pieces`` occurs in the digits-as-zero text."""
        if self.other_digits:
            return True
        zeros = self.zeros
        if zeros is None:
            return False
        for piece in pieces:  # noqa: SIM110 (a plain loop: any() costs a generator per call)
            if piece in zeros:
                return True
        return False

    def spans(
        self, on_zeros: re.Pattern[bytes], on_low: re.Pattern[str]
    ) -> Iterator[tuple[int, int]]:
        """Spans of a digit pattern, written both ways (``on_zeros`` with "0" for ``\\d``)."""
        if self.other_digits:
            return (m.span() for m in on_low.finditer(self.low))
        if self.zeros is None:
            return iter(())
        return (m.span() for m in on_zeros.finditer(self.zeros))


# exact pre-checks (substrings of the digits-as-zero text) for the digit patterns below
_HINT_PIECES = (b"0.0", b"0/0", b"0-0", b"00000000")  # _DIGIT_HINT
_ORDINAL_PIECES = (b"0st", b"0nd", b"0rd", b"0th", b"0t h", b"0s t", b"0n d", b"0r d")
_YEAR_PIECE = (b"0000",)  # a four-digit year after a blank (_YEAR_AFTER)
_EIGHT_DIGITS = (b"00000000",)  # _COMPACT
# _SEPARATED and _COMPACT on the digits-as-zero text
_SEPARATED_ZEROS = re.compile(rb"00*(?:[./-]00*)+")
_COMPACT_ZEROS = re.compile(rb"00000000")


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
                or _word_after(low, j) in _MAY_NEXT
                or before[-1:].isdigit()
                or _word_before(low, i) == "of"
                or _DAY_SUFFIX_END.search(before) is not None
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


def _date_hits(t: _Text) -> Iterator[tuple[int, int, str]]:
    low, words = t.low, t.words
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
    if t.has(_HINT_PIECES):  # a numeric date holds "\d[./-]\d" or eight digits
        for start, end in t.spans(_SEPARATED_ZEROS, _SEPARATED):
            tok = low[start:end]
            if (
                _NUMERIC_DATE.fullmatch(tok)
                or _NO_YEAR.fullmatch(tok)
                and ("/" in tok or _word_before(low, start) in _NO_YEAR_CONTEXT)
            ):
                yield start, end, "date:num"
    if not words.isdisjoint(_SUFFIX_WORDS) and t.has(_ORDINAL_PIECES):
        for m in _ORDINAL_DIGITS.finditer(low):
            start = m.start()
            if start and low[start - 1].isdigit():
                continue
            # a month nearby is found by its own trigger; alone, "the 18th" needs "the"/"on"
            before = _word_before(low, start)
            if before in ("the", "on") or before in WEEKDAYS:
                yield start, m.end(), "date:day"
    for start, end in t.spans(_COMPACT_ZEROS, _COMPACT) if t.has(_EIGHT_DIGITS) else ():
        if (
            low[start : start + 2] in ("19", "20")
            and (not start or not low[start - 1].isdigit())
            and (end >= len(low) or not low[end].isdigit())
        ):
            yield start, end, "date:num"
    if ("[" in low or "__" in low) and t.has(_YEAR_PIECE):
        yield from _placeholder_hits(t)


def _placeholder_hits(t: _Text) -> Iterator[tuple[int, int, str]]:
    """Blanks followed by a year. A blank's end is fixed (the first "]", the end of the
    underscores), so the year is looked for once per blank, and only where four digits
    follow: redacted filings hold thousands of "[***]"."""
    low, zeros = t.low, t.zeros
    resume = 0
    for m in _PLACEHOLDER.finditer(low):
        start, end = m.span()
        if start < resume:
            continue
        if not t.other_digits and (zeros is None or zeros.find(b"0000", end, end + 34) < 0):
            continue
        year = _YEAR_AFTER.match(low, end)
        if year is not None:
            resume = year.end()
            yield start, resume, "date:ph"


def _dur_hits(t: _Text) -> Iterator[tuple[int, int, str]]:
    low, words = t.low, t.words
    for w in words & _DUR_WORDS:
        for i in _occurrences(low, w):
            if w != "net" or low[i + 3 : i + 5].strip()[:1].isdigit():
                yield i, i + len(w), "dur"
    for m in _TIGHT_UNIT.finditer(low):  # "3h", "30-min", "2ys", "3day"
        yield m.start(), m.end(), "dur"
    for m in _SPACED_UNIT.finditer(low):  # "3 h", "2 ys"
        yield m.start(), m.end(), "dur"


def _money_hits(t: _Text) -> Iterator[tuple[int, int, str]]:
    low, words = t.low, t.words
    for w in words & _MONEY_WORDS:
        for i in _occurrences(low, w):
            yield i, i + len(w), "money"
    for sym in _SYMBOLS:
        i = low.find(sym)
        while i >= 0:
            yield i, i + 1, "money"
            i = low.find(sym, i + 1)


def _pct_hits(t: _Text) -> Iterator[tuple[int, int, str]]:
    low, words = t.low, t.words
    for w in words & _PCT_WORDS:
        for i in _occurrences(low, w):
            yield i, i + len(w), "pct"
    i = low.find("%")
    while i >= 0:
        yield i, i + 1, "pct"
        i = low.find("%", i + 1)


_HITS = {"date": _date_hits, "dur": _dur_hits, "money": _money_hits, "pct": _pct_hits}


@lru_cache(maxsize=64)
def _prefixes(kinds: frozenset[str]) -> tuple[str, ...]:
    return tuple(prefix for prefix, kind in KIND_OF.items() if kind in kinds)


def _wanted(kinds: Iterable[str]) -> tuple[str, ...]:
    """The trigger prefixes ("date", "dur", ...) of the fact kinds asked for."""
    return _prefixes(kinds if isinstance(kinds, frozenset) else frozenset(kinds))


def scan(text: str, kinds: Iterable[str]) -> list[Window]:
    """Windows of ``text`` that may hold facts of the given kinds, in order, not overlapping."""
    if not text:
        return []
    wanted = _wanted(kinds)
    if not wanted:
        return []
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    prepared = _Text.of(low)
    hits = [h for prefix in wanted for h in _HITS[prefix](prepared)]
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
