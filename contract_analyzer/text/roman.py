"""Roman numerals, both ways: "iv" -> 4 (list labels, "Article XII") and 4 -> "iv" (Word numbering)."""

from __future__ import annotations

import re

_VALID = re.compile(r"(?i)^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_GLYPHS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman_to_int(token: str, *, maximum: int = 3999) -> int | None:
    """Value of a well-formed roman numeral (either case) up to ``maximum``, else None."""
    if not token or not _VALID.match(token):
        return None
    total, prev = 0, 0
    for ch in reversed(token.lower()):
        v = _VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total <= maximum else None


def int_to_roman(n: int) -> str:
    """Lower-case roman numeral of ``n`` (1-3999); other numbers are written in digits."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, glyph in _GLYPHS:
        while n >= value:
            out.append(glyph)
            n -= value
    return "".join(out)
