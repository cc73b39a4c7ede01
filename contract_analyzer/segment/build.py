"""Turn accepted headings into nested, document-covering Sections with titles and pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from contract_analyzer.document import Document
from contract_analyzer.segment.candidates import EXHIBIT, HEADING, PART, SIGNATURE
from contract_analyzer.segment.numbering import Front, Heading
from contract_analyzer.segment.titles import heading_title

PREAMBLE, RECITALS, TOC, SECTION = "preamble", "recitals", "toc", "section"

_TOC_HEADER_RE = re.compile(r"(?im)^[ \t]*(?:TABLE[ \t]+OF[ \t]+CONTENTS|CONTENTS|INDEX)\b[^\n]*")
_TOC_INLINE_RE = re.compile(r"TABLE[ \t]+OF[ \t]+CONTENTS|Table[ \t]+of[ \t]+Contents")
_RECITALS_RE = re.compile(
    r"(?m)^[ \t]*(?P<head>RECITALS|Recitals|W[ \t]*I[ \t]*T[ \t]*N[ \t]*E[ \t]*S[ \t]*S[ \t]*E[ \t]*T[ \t]*H"
    r"|BACKGROUND|Background|PRELIMINARY[ \t]+STATEMENTS?|Preliminary[ \t]+Statements?)"
    r"[ \t]*[:.]?[ \t]*$"
    r"|(?P<whereas>\bWHEREAS\b|(?<![\w,] )\bWhereas\b)"
)


@dataclass(frozen=True)
class Span:
    """A section before it gets its final index: span, heading and tree position."""

    start: int
    end: int
    body_start: int
    depth: int
    number: str | None
    title: str | None
    kind: str
    key: int  # position in the heading list, or -1 for front matter
    parent_key: int | None


def _front_sections(document: Document, end: int, tocs: list[tuple[int, int]]) -> list[Span]:
    """Preamble (and TOC, recitals) covering ``[0, end)``: the text before the first section."""
    text = document.text
    if end <= 0:
        return []
    cuts: list[tuple[int, int, str, str | None]] = []  # (start, body_start, kind, title)
    toc = next((t for t in tocs if t[0] < end), None)
    if toc is not None:
        toc_start, toc_end = toc[0], min(toc[1], end)
        header = _TOC_INLINE_RE.search(text, toc_start, min(toc_end, toc_start + 300))
        if header is None:
            header = _TOC_HEADER_RE.search(text, toc_start, min(toc_end, toc_start + 300))
        if header is not None:
            title, body = header.group().strip(), header.end()
        else:
            title, body = None, toc_start
        cuts.append((toc_start, body, TOC, title))
        if toc_end < end:
            cuts.append((toc_end, toc_end, PREAMBLE, None))
    pre_end = cuts[0][0] if cuts else end
    if pre_end > 0:
        cuts.insert(0, (0, 0, PREAMBLE, None))
    # recitals: inside the last preamble piece
    last_pre = max((i for i, c in enumerate(cuts) if c[2] == PREAMBLE), default=None)
    if last_pre is not None:
        a = cuts[last_pre][0]
        b = cuts[last_pre + 1][0] if last_pre + 1 < len(cuts) else end
        m = _RECITALS_RE.search(text, a, b)
        if m is not None and document.text[a : m.start()].strip():
            if m.group("head"):
                r_start = m.start() + len(m.group()) - len(m.group().lstrip())
                title, body = m.group("head"), m.end()
            else:
                r_start, title, body = m.start(), None, m.start()
            cuts.insert(last_pre + 1, (r_start, body, RECITALS, title))
    spans = []
    for i, (s, body, kind, title) in enumerate(cuts):
        e = cuts[i + 1][0] if i + 1 < len(cuts) else end
        if e > s:
            spans.append(Span(s, e, min(max(body, s), e), 1, None, title, kind, -1, None))
    return spans


def _is_prose(line: str) -> bool:
    """A line of running text: mostly lower-case words (TOC lines are titles and numbers)."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 12:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) > 0.5


def _toc_end(text: str, start: int, end: int) -> int:
    """End of a TOC that starts at ``start``: the first line of running text before ``end``."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if _is_prose(text[pos:line_end]):
            return pos
        pos = line_end + 1
    return end


def build_spans(
    document: Document,
    headings: list[Heading],
    fronts: list[Front],
    tocs: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[Span]:
    """Spans of every section, front matter first, in document order.

    ``tocs`` are tables of contents found in the text; demoted runs that look like one are
    added to them.
    """
    text = document.text
    tocs = sorted([*tocs, *((f.start, _toc_end(text, f.start, f.end)) for f in fronts if f.toc)])
    n = len(text)
    kept = [i for i, h in enumerate(headings) if not h.removed]
    spans: list[Span] = []
    first = headings[kept[0]].cand.start if kept else n
    spans.extend(_front_sections(document, first, tocs))
    for pos, i in enumerate(kept):
        h = headings[i]
        c = h.cand
        end = n
        for j in kept[pos + 1 :]:
            if headings[j].depth <= h.depth:
                end = headings[j].cand.start
                break
        if h.kind == SIGNATURE:
            title, body = None, c.start
        elif h.kind == PART:
            title, body = text[c.start : c.label_end].strip(), c.label_end
        elif h.kind == HEADING:
            title, body = text[c.start : c.line_end].strip() or None, c.line_end
        elif c.pre_title is not None:
            # "Term 4. The duration ..." has its title in front; "Rise Education Group 2.
            # Non-exclusivity" is a running header in front of a titled heading
            title, body = heading_title(text, c.start, c.label_end, c.line_end, True)
            if title is None:
                title, body = text[c.pre_title[0] : c.pre_title[1]].strip(), c.label_end
        else:
            title, body = heading_title(text, c.start, c.label_end, c.line_end, c.inline)
            if h.kind == EXHIBIT and title is None:
                body = max(body, c.label_end)
        spans.append(
            Span(
                c.start,
                end,
                min(max(body, c.start), end),
                h.depth,
                h.number,
                title,
                h.kind if h.kind in (EXHIBIT, SIGNATURE) else SECTION,
                i,
                h.parent,
            )
        )
    return spans
