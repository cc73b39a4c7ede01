"""The Document: one text string, with pages and blocks as character spans of it.

Every later stage points at evidence with ``(start, end)`` offsets into ``Document.text``,
so a finding can always be shown in context and mapped back to its page.
Page furniture (running headers, footers, page numbers) is kept out of ``text`` so it does
not break clauses in two; it is kept as out-of-flow blocks that carry their own text and an
anchor offset where they were removed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# doc, rtf, odt and wpd are read through a DOCX converted by LibreOffice (ingest/convert.py)
Format = Literal["pdf", "docx", "txt", "image", "doc", "rtf", "odt", "wpd"]
BlockKind = Literal["heading", "paragraph", "list_item", "table", "header", "footer", "page_number"]
OUT_OF_FLOW: frozenset[str] = frozenset({"header", "footer", "page_number"})


@dataclass(frozen=True)
class Source:
    """Where a Document came from: enough to cite it and to cache by content."""

    path: str | None
    sha256: str
    format: Format
    size_bytes: int
    page_count: int
    engine: str = ""

    @property
    def name(self) -> str:
        """File name for messages and tables (``<bytes>`` when read from memory)."""
        if self.path is None:
            return "<bytes>"
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Page:
    """A page as a span of ``Document.text``; ``number`` is 1-based."""

    number: int
    start: int
    end: int
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or table row group, as a span of ``Document.text``.

    Out-of-flow blocks (header, footer, page_number) are not in ``text``: their ``start`` and
    ``end`` are both the offset where they were removed, and ``content`` holds their text.
    ``level`` is the heading level when known (1 = top); ``label`` is the numbering as shown
    ("4.2", "(a)", "ARTICLE IV") when the block starts with one; ``style`` is the source
    style name (DOCX) or a font description (PDF) when available.
    """

    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    level: int | None = None
    label: str | None = None
    style: str | None = None
    content: str | None = None

    @property
    def in_flow(self) -> bool:
        """True when the block's text is part of ``Document.text``."""
        return self.kind not in OUT_OF_FLOW


@dataclass(frozen=True)
class OcrPage:
    """A page whose text was read by OCR: its mean word confidence (0..1) and how it was read.

    ``rotation`` is the number of degrees the page image was turned clockwise to read it
    upright (a page scanned sideways or upside down).
    """

    number: int
    confidence: float
    words: int
    engine: str = "tesseract"
    rotation: int = 0


@dataclass(frozen=True)
class OcrWord:
    """One OCR word: its span of ``Document.text``, page, box (PDF points from the page's
    top-left corner) and confidence (0..1), so evidence on a scan can be drawn on the page."""

    start: int
    end: int
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


@dataclass(frozen=True)
class Document:
    """A contract's text with its layout as spans; built by :func:`contract_analyzer.load_document`."""

    text: str
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    source: Source
    warnings: tuple[str, ...] = ()
    ocr_pages: tuple[OcrPage, ...] = ()  # the pages read by OCR (empty for born-digital files)
    ocr_words: tuple[OcrWord, ...] = ()  # their words located in ``text``, in text order
    _page_starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_page_starts", tuple(p.start for p in self.pages))

    def span(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding ``offset`` (None for documents without pages)."""
        if not self.pages:
            return None
        i = bisect_right(self._page_starts, offset) - 1
        return self.pages[max(i, 0)].number

    def body_blocks(self) -> Iterator[Block]:
        """Blocks that are part of the reading flow, in order."""
        return (b for b in self.blocks if b.in_flow)

    def furniture(self) -> Iterator[Block]:
        """Headers, footers and page numbers removed from the flow."""
        return (b for b in self.blocks if not b.in_flow)

    @property
    def ocr_confidence(self) -> float | None:
        """Mean word confidence over the OCR'd pages (None when no page was OCR'd)."""
        total = sum(p.words for p in self.ocr_pages)
        if not total:
            return None
        return sum(p.confidence * p.words for p in self.ocr_pages) / total

    def ocr_words_in(self, start: int, end: int) -> tuple[OcrWord, ...]:
        """The OCR words overlapping a span of ``text`` (to draw evidence on a scanned page)."""
        return tuple(w for w in self.ocr_words if w.start < end and w.end > start)

    @property
    def word_count(self) -> int:
        """Number of whitespace-separated words in the text."""
        return len(self.text.split())

    def __repr__(self) -> str:
        return (
            f"Document({self.source.name!r}, format={self.source.format!r}, "
            f"pages={len(self.pages)}, blocks={len(self.blocks)}, chars={len(self.text)})"
        )
