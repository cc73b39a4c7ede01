"""Count words between two offsets in O(log n), for size decisions on spans."""

from __future__ import annotations

from bisect import bisect_left

import numpy as np

# the code points str.split() treats as blanks
_BLANKS = np.array(
    [c for c in range(0x3001) if chr(c).isspace()],
    dtype=np.uint32,
)


class WordIndex:
    """Start offsets of the whitespace-separated words of a text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Word start offsets (computed on first use, vectorised: long texts are common)."""
        if self._starts is None:
            codes = np.frombuffer(self._text.encode("utf-32-le"), dtype=np.uint32)
            blank = np.isin(codes, _BLANKS)
            prev_blank = np.concatenate(([True], blank[:-1]))
            self._starts = np.flatnonzero(~blank & prev_blank).tolist()
        return self._starts

    def count(self, start: int, end: int) -> int:
        """Number of words starting in ``[start, end)``."""
        if end <= start:
            return 0
        if self._starts is None and end - start < 2000:
            return len(self._text[start:end].split())
        starts = self.starts
        return bisect_left(starts, end) - bisect_left(starts, start)

    @property
    def total(self) -> int:
        """Words in the whole text."""
        return len(self.starts)
