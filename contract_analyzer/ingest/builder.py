"""Assemble a :class:`Document`: one text string, blocks and pages as spans of it.

Every reader (PDF, DOCX, text) writes through a :class:`DocumentBuilder`, so the invariants
hold for all formats: blocks are separated by one blank line, every in-flow block lies inside
``text``, pages tile ``text`` in order (each starts where the previous one ends), and page
furniture is kept out of ``text`` as out-of-flow blocks anchored at a page boundary.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass

from contract_analyzer.document import Block, BlockKind, Document, Page, Source

PARAGRAPH_SEP = "\n\n"
_BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def clean_block_text(text: str) -> str:
    """Block text without surrounding blanks and without blank lines inside it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_LINES.sub("\n", text).strip()


@dataclass
class _PendingPage:
    number: int
    width: float | None
    height: float | None
    start: int | None = None


@dataclass
class _Furniture:
    kind: BlockKind
    content: str
    page_index: int
    at_end: bool
    order: int


class DocumentBuilder:
    """Accumulates text, blocks and pages; :meth:`build` returns the frozen Document."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._length = 0
        self._blocks: list[tuple[int, int, Block]] = []
        self._furniture: list[_Furniture] = []
        self._pages: list[_PendingPage] = []
        self._open: dict | None = None
        self._open_page: int | None = None
        self._order = 0

    @property
    def length(self) -> int:
        """Characters written so far."""
        return self._length

    def _write(self, s: str) -> None:
        if s:
            self._chunks.append(s)
            self._length += len(s)

    # pages ---------------------------------------------------------------------------------
    def begin_page(self, number: int, width: float | None = None, height: float | None = None):
        """Start a page; it begins at the next character written (mid-block if one is open)."""
        self._pages.append(_PendingPage(number, width, height))

    def _touch_page(self, offset: int) -> None:
        if self._pages and self._pages[-1].start is None:
            self._pages[-1].start = offset

    @property
    def page_number(self) -> int | None:
        """Number of the current page (None before the first)."""
        return self._pages[-1].number if self._pages else None

    # blocks --------------------------------------------------------------------------------
    def begin_block(self) -> None:
        """Open a block; the separator from the previous block is written lazily."""
        if self._open is not None:
            raise RuntimeError("a block is already open")
        self._open = {"start": None}

    def write(self, piece: str) -> None:
        """Append text to the open block (no blank lines; the caller joins lines)."""
        if self._open is None:
            raise RuntimeError("no open block")
        if not piece:
            return
        if self._open["start"] is None:
            if self._length:
                self._write(PARAGRAPH_SEP)
            self._open["start"] = self._length
            self._touch_page(self._length)
            self._open["page"] = self.page_number
        self._touch_page(self._length)
        self._write(piece)

    def end_block(
        self,
        kind: BlockKind,
        *,
        level: int | None = None,
        label: str | None = None,
        style: str | None = None,
    ) -> tuple[int, int] | None:
        """Close the open block; returns its span (None when nothing was written)."""
        if self._open is None:
            raise RuntimeError("no open block")
        start = self._open["start"]
        self._open_page = self._open.get("page")
        self._open = None
        if start is None:
            return None
        end = self._length
        block = Block(kind, start, end, page=self._open_page, level=level, label=label, style=style)
        self._blocks.append((start, self._next_order(), block))
        return start, end

    def add_block(self, text: str, kind: BlockKind, **attrs) -> tuple[int, int] | None:
        """Write a whole block at once (text is cleaned of blank lines)."""
        text = clean_block_text(text)
        if not text:
            return None
        self.begin_block()
        self.write(text)
        return self.end_block(kind, **attrs)

    def add_furniture(self, kind: BlockKind, content: str, *, at_end: bool = False) -> None:
        """Record header/footer/page-number text of the current page, outside the flow."""
        content = clean_block_text(content)
        if content and self._pages:
            self._furniture.append(
                _Furniture(kind, content, len(self._pages) - 1, at_end, self._next_order())
            )

    def add_furniture_at(self, kind: BlockKind, content: str, offset: int) -> None:
        """Record out-of-flow text anchored at an explicit offset (DOCX headers/footers)."""
        content = clean_block_text(content)
        if content:
            block = Block(kind, offset, offset, page=self.page_number, content=content)
            self._blocks.append((offset, self._next_order(), block))

    def _next_order(self) -> int:
        self._order += 1
        return self._order

    # result --------------------------------------------------------------------------------
    def build(self, source: Source, warnings: list[str] | tuple[str, ...] = ()) -> Document:
        """The frozen Document (pages tile the text; blocks sorted by position)."""
        if self._open is not None:
            self.end_block("paragraph")
        text = "".join(self._chunks)
        pages: list[Page] = []
        starts: list[int] = []
        for i, page in enumerate(self._pages):
            start = 0 if i == 0 else (page.start if page.start is not None else None)
            starts.append(start if start is not None else -1)
        # pages without text start where the next page with text starts (or at the end)
        nxt = len(text)
        for i in range(len(starts) - 1, -1, -1):
            if starts[i] < 0:
                starts[i] = nxt
            else:
                nxt = starts[i]
        for i, page in enumerate(self._pages):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            pages.append(Page(page.number, starts[i], end, page.width, page.height))
        # blocks written in the flow (or anchored at an offset) take the page holding their
        # start in the final page spans; page furniture keeps the page it was found on
        page_starts = [p.start for p in pages]
        blocks: list[tuple[int, int, Block]] = []
        for start, order, block in self._blocks:
            if pages:
                block = dataclasses.replace(block, page=_page_of(pages, page_starts, start))
            blocks.append((start, order, block))
        for f in self._furniture:
            page = pages[f.page_index]
            offset = page.end if f.at_end else page.start
            block = Block(f.kind, offset, offset, page=page.number, content=f.content)
            blocks.append((offset, f.order, block))
        blocks.sort(key=lambda item: (item[0], item[1]))
        fixed = [block for _, _, block in blocks]
        return Document(
            text=text,
            pages=tuple(pages),
            blocks=tuple(fixed),
            source=source,
            warnings=tuple(dict.fromkeys(warnings)),
        )


def _page_of(pages: list[Page], starts: list[int], offset: int) -> int:
    """Number of the last page starting at or before ``offset`` (as Document.page_at)."""
    return pages[max(bisect_right(starts, offset) - 1, 0)].number
