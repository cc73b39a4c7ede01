"""Lower-casing that agrees with case-insensitive regular expressions, for cheap pre-tests.

``fold_case(text)`` lower-cases ``text`` and replaces the non-ASCII characters that
``re.IGNORECASE`` matches with an ASCII letter ("ſ" with "s", the Kelvin sign with "k",
dotted and dotless i with "i") by that letter. So wherever a case-insensitive pattern matches
an ASCII literal, the folded text holds the literal in lower case at the same place, and
``word not in fold_case(text)`` proves that no match containing ``word`` exists, before any
slow search is run. ``required_literals(pattern)`` reads those words from a pattern's parse
tree, and ``may_match(pattern, folded)`` is the test.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the regex parser of the standard library (re._parser from Python 3.11)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile("[a-z]", re.IGNORECASE)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# non-ASCII characters seen so far -> the ASCII letter re.IGNORECASE matches them with, or None
_ASCII_TWIN: dict[str, str | None] = {}


def ascii_twin(char: str) -> str | None:
    """The ASCII letter a case-insensitive pattern matches ``char`` (not ASCII) with, if any."""
    if char not in _ASCII_TWIN:
        _ASCII_TWIN[char] = (
            next(a for a in _LETTERS if re.fullmatch(a, char, re.IGNORECASE))
            if _ASCII_LETTER.fullmatch(char)
            else None
        )
    return _ASCII_TWIN[char]


def fold_case(text: str) -> str:
    """``text`` lower-cased, with the non-ASCII twins of ASCII letters made those letters."""
    if text.isascii():
        return text.lower()
    twins = {c: t for c in set(_NON_ASCII.findall(text)) if (t := ascii_twin(c))}
    return (text.translate(str.maketrans(twins)) if twins else text).lower()


@lru_cache(maxsize=1024)
def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased ASCII words one of which every match of ``pattern`` contains (the most
    selective set its parse tree shows), or None when it shows none. Only a necessary
    condition: a text containing one may still not match."""
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern re compiled always parses; be safe anyway
        return None
    found = _sequence_literals(list(tree))
    return tuple(sorted(found)) if found else None


def _selectivity(words: frozenset[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)


def _candidates(items: list) -> list[frozenset[str]]:
    """Sets of alternatives, one of each a match of the sequence ``items`` contains."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is _sre_parse.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        inner = _item_literals(op, arg)
        if inner is not None:
            candidates.append(inner)
    close_run()
    out = []
    for c in candidates:
        if not c or not all(w and w.isascii() for w in c):
            continue
        words = {w.lower() for w in c}
        # a word containing another alternative adds nothing to the test
        out.append(frozenset(w for w in words if not any(v != w and v in w for v in words)))
    return out


def _sequence_literals(items: list) -> frozenset[str] | None:
    """The most selective set of alternatives one of which a match of ``items`` contains."""
    found = _candidates(items)
    return max(found, key=_selectivity) if found else None


def _item_literals(op: object, arg: object) -> frozenset[str] | None:
    if op is _sre_parse.SUBPATTERN:
        return _sequence_literals(list(arg[-1]))  # type: ignore[index]
    if op is _sre_parse.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            one = _sequence_literals(list(branch))
            if one is None:
                return None
            out |= one
        return frozenset(out)
    if op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
        low, _high, item = arg  # type: ignore[misc]
        return _sequence_literals(list(item)) if low >= 1 else None
    if op is _sre_parse.ASSERT:  # a positive look-around: the sentence contains it too
        return _sequence_literals(list(arg[1]))  # type: ignore[index]
    return None


def may_match(pattern: re.Pattern[str], folded: str) -> bool:
    """False only when ``pattern`` cannot match the text whose ``fold_case`` is ``folded``:
    none of the words every match contains is in it."""
    words = required_literals(pattern)
    return words is None or any(w in folded for w in words)
