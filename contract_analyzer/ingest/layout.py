"""From pages of lines to a Document: furniture out, paragraphs and headings rebuilt.

1. Page furniture: lines in the top or bottom band of a page that repeat (digits ignored) on
   many pages are running headers/footers; a lone number, "Page 3 of 9", "- 3 -" or "A-2" at
   the edge of a page is a page number; so is a lone centred number mid-page that continues
   the sequence (filings converted from paginated text print them there). They leave the flow
   and become out-of-flow blocks (unless every line repeats: then repetition is the content).
2. Paragraphs: consecutive lines are joined unless something separates them: a larger gap
   than the page's usual line pitch, a numbering label or bullet at the start of a line, a
   short line ending a sentence, a first-line indent, a change of size or weight, a centred
   title. A paragraph continues across a page break unless the page ended a sentence.
3. Words hyphenated at line ends are mended (:mod:`reflow`); each paragraph is classified as
   heading, list item or paragraph with its label and level (:mod:`headings`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from contract_analyzer.document import Document, Source
from contract_analyzer.ingest.builder import DocumentBuilder
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.headings import Label, classify, parse_label
from contract_analyzer.ingest.lines import Line, PageLines
from contract_analyzer.ingest.reflow import join_lines, vocabulary
from contract_analyzer.text.sentences import ends_sentence

HEADER_BAND = 0.12  # fraction of the page height where running headers/footers live
NUMBER_BAND = 0.16  # page numbers may sit a little further in
EDGE_LINES = 3  # how many lines at each edge of a page are furniture candidates
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$"  # 3, - 3 -, 3 of 9
    r"|^(?i:page\s+)?[ivxlc]{1,7}$"  # front-matter roman numerals (lower case only)
    r"|^(?i:page\s+)?[A-Z]{1,3}\s?[-–]\s?\d{1,3}$",  # exhibit pages: A-2
    re.I,
)
_NUMBER_DOT = re.compile(r"^\d{1,4}\.$")  # "3." at the foot of a page


def is_page_number(text: str, *, bottom: bool) -> bool:
    """Whether an edge line is a page number ("3." only counts at the foot of a page)."""
    if _NUMBER_DOT.match(text):
        return bottom
    if re.fullmatch(r"[ivxlc]{1,7}", text, re.I):
        return text.islower()
    return bool(_PAGE_NUMBER.match(text))


_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_BROKEN_WORD = re.compile(r"[^\W\d_][-\u00ad\u2010]$")
_LEADERS = re.compile(r"(?:\.\s?){4,}|_{4,}|…{2,}|\s\d{1,3}$")
_INLINE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*(\d{1,4})\s*[-–—]?\.?$", re.I)


def inline_page_numbers(
    pages: Sequence[PageLines], furniture: dict[tuple[int, int], str]
) -> dict[tuple[int, int], str]:
    """Page numbers left in the flow by filings converted from paginated text.

    A line that is only a number, centred on the page, whose value continues the sequence
    of its neighbours (..., 3, 4, ...), is an old page number even mid-page.
    """
    found: list[tuple[int, int, int]] = []
    for pi, page in enumerate(pages):
        metrics = None
        for li, line in enumerate(page.lines):
            if (pi, li) in furniture:
                continue
            m = _INLINE_NUMBER.match(line.text.strip())
            if not m:
                continue
            if metrics is None:
                body = [x for i, x in enumerate(page.lines) if (pi, i) not in furniture]
                metrics = _page_metrics(body, page)
            centre = (line.x0 + line.x1) / 2
            if abs(centre - (metrics.left + metrics.right) / 2) <= 0.12 * metrics.width:
                found.append((pi, li, int(m.group(1))))
    out: dict[tuple[int, int], str] = {}
    for i, (pi, li, value) in enumerate(found):
        before = found[i - 1][2] if i > 0 else None
        after = found[i + 1][2] if i + 1 < len(found) else None
        if before == value - 1 or after == value + 1:
            out[(pi, li)] = "page_number"
    return out


def _key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower())).strip(" .-–—|")


def detect_furniture(pages: Sequence[PageLines]) -> dict[tuple[int, int], str]:
    """``(page index, line index) -> kind`` for running headers, footers and page numbers."""
    found: dict[tuple[int, int], str] = {}
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    candidates: list[tuple[int, int, str, str]] = []
    with_text = [p for p in pages if p.lines]
    for pi, page in enumerate(pages):
        if not page.lines or page.height <= 0:
            continue
        order = sorted(range(len(page.lines)), key=lambda i: page.lines[i].top)
        edge = set(order[:EDGE_LINES]) | set(order[-EDGE_LINES:])
        first_two, last_two = set(order[:2]), set(order[-2:])
        for li in edge:
            line = page.lines[li]
            text = line.text.strip()
            top_band = line.bottom <= page.height * HEADER_BAND
            bottom_band = line.top >= page.height * (1 - HEADER_BAND)
            number_band = (li in first_two and line.bottom <= page.height * NUMBER_BAND) or (
                li in last_two and line.top >= page.height * (1 - NUMBER_BAND)
            )
            if number_band and len(order) > 1 and is_page_number(text, bottom=li in last_two):
                found[(pi, li)] = "page_number"
                continue
            if top_band or bottom_band:
                zone = "header" if top_band else "footer"
                key = _key(text)
                if key:
                    seen[(zone, key)].add(pi)
                    candidates.append((pi, li, zone, key))
    n = len(with_text)
    need = 2 if n in (2, 3) else max(3, math.ceil(0.3 * n))
    if n >= 2:
        for pi, li, zone, key in candidates:
            if (pi, li) not in found and len(seen[(zone, key)]) >= need:
                text = pages[pi].lines[li].text.strip()
                bottom = zone == "footer"
                found[(pi, li)] = "page_number" if is_page_number(text, bottom=bottom) else zone
    return found


@dataclass
class _Metrics:
    left: float
    right: float
    pitch: float | None

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)


def _page_metrics(lines: list[Line], page: PageLines) -> _Metrics:
    if not lines:
        return _Metrics(0.0, page.width, None)
    xs0 = sorted(line.x0 for line in lines)
    xs1 = sorted(line.x1 for line in lines)
    if len(lines) >= 5:
        left = xs0[len(xs0) // 10]
        right = xs1[(len(xs1) * 9) // 10]
    else:
        left, right = xs0[0], xs1[-1]
    pitches = sorted(
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if 0 < b.top - a.top < 3 * max(a.height, 1.0) and abs(a.size - b.size) < 0.6
    )
    pitch = pitches[len(pitches) // 2] if pitches else None
    return _Metrics(left, right, pitch)


@dataclass
class _Para:
    lines: list[tuple[int, Line]] = field(default_factory=list)  # (page index, line)
    marks: list[list[str]] = field(default_factory=list)  # in-flow page numbers before a line


def _centred(line: Line, m: _Metrics) -> bool:
    margin = 0.15 * m.width
    return line.x0 > m.left + margin and line.x1 < m.right - margin


_UPPER_RUN = re.compile(r"[^\W\d_].*[^\W\d_]")


def _caps_title(text: str) -> bool:
    """A short line in capitals ("GRANT OF RIGHTS")."""
    if len(text) > 120 or not _UPPER_RUN.search(text):
        return False
    return text.upper() == text and len(text.split()) <= 12


def _breaks(prev: Line, cur: Line, m: _Metrics, same_page: bool) -> bool:
    """Whether ``cur`` starts a new paragraph after ``prev``."""
    prev_text, cur_text = prev.text.rstrip(), cur.text.lstrip()
    ended = ends_sentence(prev_text)
    if _BROKEN_WORD.search(prev_text[-3:]) and cur_text[:1].islower() and cur.size == prev.size:
        return False  # a word hyphenated across the line break
    if abs(cur.size - prev.size) > 1.0 or (prev.bold != cur.bold and (prev.bold or cur.bold)):
        return True
    if _caps_title(prev_text) != _caps_title(cur_text):
        return True
    label = parse_label(cur_text)
    if label is not None and (
        ended or label.kind in ("article", "exhibit", "bullet") or prev.x1 < m.right - 0.1 * m.width
    ):
        return True
    if not same_page:
        return ended
    if m.pitch and cur.top - prev.top > 1.45 * m.pitch:
        return True
    if cur.top - prev.bottom > 1.2 * max(prev.height, cur.height, 1.0):
        return True
    short = prev.x1 < m.right - 0.1 * m.width
    if ended and short:
        return True
    if prev.x1 < m.left + 0.6 * m.width and cur_text[:1].isupper():
        return True
    if _centred(prev, m) or _centred(cur, m):
        return True
    return bool(ended and cur.x0 > m.left + 1.5 * max(cur.size, 6.0))


def _body_size(pages: Sequence[PageLines], furniture: dict[tuple[int, int], str]) -> float:
    sizes: Counter[float] = Counter()
    for pi, page in enumerate(pages):
        for li, line in enumerate(page.lines):
            if (pi, li) not in furniture and line.size > 0:
                sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def pages_to_document(
    pages: Sequence[PageLines],
    source: Source,
    warnings: list[str],
    deadline: Deadline | None = None,
) -> Document:
    """Build the Document of a PDF from its pages of lines."""
    furniture = detect_furniture(pages)
    if furniture and all(
        (pi, li) in furniture or not line.text.strip()
        for pi, p in enumerate(pages)
        for li, line in enumerate(p.lines)
    ):
        # every line repeats on every page: that repetition is the content, not furniture
        furniture = {}
        warnings.append("every line repeats from page to page; kept in the text")
    inline = inline_page_numbers(pages, furniture)
    body_size = _body_size(pages, furniture)
    vocab = vocabulary(
        line.text
        for pi, p in enumerate(pages)
        for li, line in enumerate(p.lines)
        if (pi, li) not in furniture
    )
    paragraphs: list[_Para] = []
    current: _Para | None = None
    prev: tuple[int, Line] | None = None
    for pi, page in enumerate(pages):
        if deadline is not None:
            deadline.check()
        body = [
            (li, line)
            for li, line in enumerate(page.lines)
            if (pi, li) not in furniture and line.text.strip()
        ]
        m = _page_metrics([line for li, line in body if (pi, li) not in inline], page)
        marks: list[str] = []
        for li, line in body:
            if (pi, li) in inline:
                marks.append(line.text.strip())
                continue
            contiguous = prev is not None and prev[0] == pi and not marks
            if current is None or prev is None or _breaks(prev[1], line, m, contiguous):
                current = _Para()
                paragraphs.append(current)
            current.lines.append((pi, line))
            current.marks.append(marks)
            marks = []
            prev = (pi, line)
    return _emit(pages, paragraphs, furniture, body_size, vocab, source, warnings)


def _emit(
    pages: Sequence[PageLines],
    paragraphs: list[_Para],
    furniture: dict[tuple[int, int], str],
    body_size: float,
    vocab: Counter[str],
    source: Source,
    warnings: list[str],
) -> Document:
    builder = DocumentBuilder()
    by_page: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for (pi, li), kind in sorted(furniture.items()):
        by_page[pi].append((kind, pages[pi].lines[li].text))
    next_page = 0

    def open_pages_through(index: int) -> None:
        nonlocal next_page
        while next_page <= index:
            page = pages[next_page]
            builder.begin_page(page.number, page.width, page.height)
            for kind, text in by_page.get(next_page, ()):
                builder.add_furniture(kind, text, at_end=kind != "header")
            next_page += 1

    classified = [_classify(p, body_size) for p in paragraphs]
    for para, (kind, label, level, style) in zip(paragraphs, classified, strict=True):
        texts = [line.text for _, line in para.lines]
        text, offsets = join_lines(texts, vocab)
        for mark in para.marks[0]:
            builder.add_furniture_at("page_number", mark, builder.length)
        builder.begin_block()
        for (pi, _), marks, start, end in zip(
            para.lines, para.marks, offsets, [*offsets[1:], len(text)], strict=True
        ):
            open_pages_through(pi)
            if start:
                for mark in marks:
                    builder.add_furniture_at("page_number", mark, builder.length)
            builder.write(text[start:end])
        builder.end_block(kind, level=level, label=label.text if label else None, style=style)
    open_pages_through(len(pages) - 1)
    return builder.build(source, warnings)


def _classify(para: _Para, body_size: float) -> tuple[str, Label | None, int | None, str | None]:
    lines = [line for _, line in para.lines]
    text = " ".join(line.text.strip() for line in lines)
    label = parse_label(text)
    bold = all(line.bold for line in lines)
    size = max(line.size for line in lines)
    ratio = size / body_size if body_size else 1.0
    if label is not None and _LEADERS.search(text):
        kind, level = "paragraph", label.level  # a table-of-contents entry
    elif len(lines) > 3:
        kind, level = (
            ("list_item", label.level)
            if label and label.kind in ("paren", "letter", "bullet")
            else ("paragraph", label.level if label else None)
        )
    else:
        kind, level = classify(text, label, bold=bold, size_ratio=ratio)
    font = lines[0].font.split("+", 1)[-1]
    style = f"{font} {size:.1f}pt{' bold' if bold else ''}".strip() if font or size else None
    return kind, label, level, style
