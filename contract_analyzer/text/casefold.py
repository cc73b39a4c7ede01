"""Lower-casing that agrees with case-insensitive regular expressions, for cheap pre-tests.

``fold_case(text)`` lower-cases ``text`` and replaces the non-ASCII characters that
``re.IGNORECASE`` matches with an ASCII letter ("ſ" with "s", the Kelvin sign with "k",
dotted and dotless i with "i") by that letter. So wherever a case-insensitive pattern matches
an ASCII literal, the folded text holds the literal in lower case at the same place, and
``word not in fold_case(text)`` proves that no match containing ``word`` exists, before any
slow search is run.
"""

from __future__ import annotations

import re

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
