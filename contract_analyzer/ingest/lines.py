"""The engine-neutral page model: lines of text with their box and typography.

Both PDF engines (pdfplumber, pypdfium2) reduce a page to :class:`PageLines`, and
:mod:`contract_analyzer.ingest.layout` turns pages of lines into a Document, so headers,
footers, paragraphs, hyphenation and headings are handled once for both. Coordinates are
PDF points from the top-left corner of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BOLD = re.compile(r"bold|black|heavy|demi|semibold|,b$|-b$|\bbd\b", re.I)


def is_bold_font(fontname: str) -> bool:
    """Whether a PDF font name denotes a bold face ("ABCDEF+Times-Bold", "Arial,Bold")."""
    return bool(fontname) and bool(_BOLD.search(fontname.split("+", 1)[-1]))


@dataclass(slots=True)
class Line:
    """One line of a page in reading order."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    bold: bool = False
    font: str = ""

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class PageLines:
    """A page as lines; ``warnings`` are page-level problems (damaged content, no text)."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    error: str | None = None

    @property
    def char_count(self) -> int:
        return sum(len(line.text) for line in self.lines)
