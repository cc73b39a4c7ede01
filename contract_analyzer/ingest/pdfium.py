"""The fast PDF engine: PDFium (through pypdfium2) behind the same interface.

PDFium's text page already groups characters into lines (``\\r\\n`` in its text); each line
gets its box from its first and last visible characters and its size and weight from its
first visible character, a handful of native calls per line. The lines then go through the
same layout stage as the pdfplumber engine (furniture, paragraphs, hyphenation, headings).
Select it with ``Settings(pdf_engine="pdfium")``. PDFium is native code: the deadline is
checked between pages only.
"""

from __future__ import annotations

import re
import sys

from contract_analyzer.errors import CorruptDocument, DocumentTooLarge, EncryptedDocument
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.lines import Line, PageLines
from contract_analyzer.settings import Settings

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u202f\u3000]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _open(data: bytes, source: str, password: str | None):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        low = msg.lower()
        if "password" in low:
            if password:
                return EncryptedDocument(source, "encrypted PDF: the password given is wrong")
            return EncryptedDocument(source, "encrypted PDF: a password is needed to open it")
        if "security" in low:
            return EncryptedDocument(
                source, f"encrypted PDF with an unsupported security handler ({msg})"
            )
        return CorruptDocument(source, f"damaged PDF ({msg})")


def _is_space(page, raw, index: int) -> bool:
    """``textpage.get_text_range(index, 1).isspace()`` through the raw API (``page``: the raw
    text page): False for a character PDFium leaves out of the text (its text is ""), else
    whether its code point is white space. The wrapper's bookkeeping, for one character, cost
    more than the rest of the reading; the two agree on all 3.8M characters of the CUAD PDFs."""
    if raw.FPDFText_GetTextIndexFromCharIndex(page, index) == -1:
        return False
    code = raw.FPDFText_GetUnicode(page, index)
    return code <= sys.maxunicode and chr(code).isspace()


def _line_font(textpage, raw, first: int, last: int, samples: int = 24) -> tuple[float, bool]:
    """The line's body size and weight: the most common over up to ``samples`` of its characters,
    as pdfplumber's lines take the font of their longest word. The first character alone made a
    line opening with a bold run title ("8. Intellectual Property Indemnity. Seller shall ...")
    a bold line, which the layout stage ends a paragraph after."""
    step = max(1, (last - first + 1) // samples)
    sizes: dict[float, int] = {}
    heavy = total = 0
    page = textpage.raw
    font_size, font_weight = raw.FPDFText_GetFontSize, raw.FPDFText_GetFontWeight
    for i in range(first, last + 1, step):
        if _is_space(page, raw, i):
            continue
        size = round(float(font_size(page, i)), 1)
        sizes[size] = sizes.get(size, 0) + 1
        heavy += int(font_weight(page, i)) >= 600
        total += 1
    if not total:
        return float(font_size(page, first)), False
    return max(sizes, key=lambda k: sizes[k]), heavy * 2 > total


def _page_lines(textpage, raw, width: float, height: float) -> list[Line]:
    text = textpage.get_text_range()
    n = textpage.count_chars()
    lines: list[Line] = []
    pos = 0
    for piece in _LINE_BREAK.split(text):
        start, end = pos, pos + len(piece)
        pos = end + (2 if text[end : end + 2] == "\r\n" else 1)
        clean = _SPACES.sub(" ", _CONTROLS.sub("", piece.replace("\x02", "-"))).strip()
        if not clean:
            continue
        first = start + (len(piece) - len(piece.lstrip(" \u00a0\t")))
        last = end - 1 - (len(piece) - len(piece.rstrip(" \u00a0\t")))
        first, last = min(max(first, 0), n - 1), min(max(last, 0), n - 1)
        l0, b0, r0, t0 = textpage.get_charbox(first, loose=True)
        l1, b1, r1, t1 = textpage.get_charbox(last, loose=True)
        size, bold = _line_font(textpage, raw, first, last)
        lines.append(
            Line(
                text=clean,
                x0=min(l0, l1),
                x1=max(r0, r1),
                top=height - max(t0, t1),
                bottom=height - min(b0, b1),
                size=size,
                bold=bold,
            )
        )
    return lines


def read_pdfium_pages(
    data: bytes,
    source: str,
    settings: Settings,
    password: str | None,
    deadline: Deadline,
    warnings: list[str],
) -> tuple[list[PageLines], bool]:
    """All pages as lines with PDFium; returns ``(pages, encrypted)``."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = _open(data, source, password)
    if isinstance(doc, Exception):
        raise doc
    try:
        count = len(doc)
        if count > settings.max_pages:
            raise DocumentTooLarge(
                source,
                f"the PDF has {count:,} pages, over the limit of {settings.max_pages:,} "
                "(setting max_pages)",
            )
        encrypted = bool(raw.FPDF_GetSecurityHandlerRevision(doc.raw) >= 0)
        pages: list[PageLines] = []
        for i in range(count):
            deadline.check()
            try:
                page = doc[i]
            except pdfium.PdfiumError as exc:
                pages.append(PageLines(i + 1, 612.0, 792.0, error=f"damaged page ({exc})"))
                continue
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    lines = _page_lines(textpage, raw, float(width), float(height))
                finally:
                    textpage.close()
                pages.append(PageLines(i + 1, float(width), float(height), lines))
            except pdfium.PdfiumError as exc:
                pages.append(PageLines(i + 1, 612.0, 792.0, error=f"damaged page ({exc})"))
            finally:
                page.close()
        return pages, encrypted
    finally:
        doc.close()
