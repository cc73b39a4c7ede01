"""Clause-sized units of a Document: the spans the tagger classifies.

Units come from the leaves of the section tree (plus the text of a section before its first
subsection), each with the heading types of its nearest titled ancestor (what a title names is
the caller's vocabulary: the tagger passes its heading lexicon as ``heading_types``, so this
stage knows nothing of clause types). A unit longer than
``MAX_UNIT_WORDS`` is cut at sentence ends into windows, so no clause is a whole page.
Without sections (or when segmentation finds none) paragraphs are used instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from contract_analyzer.document import Document
from contract_analyzer.segment.section import Section
from contract_analyzer.text.sentences import sentence_spans

HeadingTypes = Callable[[str | None], tuple[str, ...]]

MAX_UNIT_WORDS = 160
MIN_UNIT_WORDS = 3
# Section kinds (see contract_analyzer.segment) whose text holds no clause: a table of contents
# lists headings, a signature block names signatories.
SKIPPED_KINDS = frozenset({"toc", "signature"})

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[0-9]+(?:\.[0-9]+)*\.?|\([a-z0-9]{1,4}\)|[A-Z]\.)\s)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Unit:
    """A clause-sized span with the section it belongs to and what its headings say.

    ``heading`` holds the taxonomy ids named by the nearest ancestor title that names any;
    ``heading_own`` is True when that title is the unit's own section's (not an ancestor's).
    ``title`` is that section title as written (for display and model input). ``piece``
    numbers the windows of a paragraph cut for length (0 for the first or only one).
    """

    start: int
    end: int
    section: int | None = None
    heading: tuple[str, ...] = ()
    heading_own: bool = False
    title: str | None = None
    piece: int = 0

    def text(self, document: Document) -> str:
        """The unit's text."""
        return document.text[self.start : self.end]


def _split_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at sentence ends into windows of at most ``max_words`` words."""
    words = _WORD.findall(text[start:end])
    if len(words) <= max_words:
        return [(start, end)]
    spans = sentence_spans(text, start, end, colon=True, items=True)
    cuts = [start] + [a for a, _ in spans[1:]] + [end]
    pieces: list[tuple[int, int]] = []
    cur_start, cur_words = cuts[0], 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        n = len(_WORD.findall(text[a:b]))
        if cur_words and cur_words + n > max_words:
            pieces.append((cur_start, a))
            cur_start, cur_words = a, 0
        if n > max_words * 2:  # one run-on "sentence": cut by words
            spans = [m.span() for m in _WORD.finditer(text, a, b)]
            for k in range(0, len(spans), max_words):
                chunk = spans[k : k + max_words]
                pieces.append((chunk[0][0] if k else cur_start, chunk[-1][1]))
            cur_start, cur_words = b, 0
            continue
        cur_words += n
    if cur_start < end and _WORD.search(text, cur_start, end):
        pieces.append((cur_start, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skipped(sections: Sequence[Section], index: int) -> bool:
    i: int | None = index
    while i is not None:
        if getattr(sections[i], "kind", "section") in SKIPPED_KINDS:
            return True
        i = sections[i].parent
    return False


def _no_types(title: str | None) -> tuple[str, ...]:
    return ()


def _heading_of(
    sections: Sequence[Section], index: int, heading_types: HeadingTypes
) -> tuple[tuple[str, ...], bool, str | None]:
    i: int | None = index
    own = True
    while i is not None:
        title = sections[i].title
        types = heading_types(title)
        if types:
            return types, own, title
        own = False
        i = sections[i].parent
    return (), False, None


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Paragraph spans (blank lines, or a new line that starts with numbering)."""
    end = len(text) if end is None else end
    spans, pos = [], start
    for m in _PARAGRAPH.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[1] > s[0]]


def clause_units(
    document: Document,
    sections: Sequence[Section] = (),
    max_words: int = MAX_UNIT_WORDS,
    heading_types: HeadingTypes = _no_types,
) -> list[Unit]:
    """Clause-sized units covering the document's text, in reading order.

    ``heading_types`` maps a section title to the clause types it names (none by default).
    Tables of contents and signature blocks give no unit; pieces under ``MIN_UNIT_WORDS``
    words are dropped.
    """
    text = document.text
    regions: list[tuple[int, int, int | None]] = []
    if sections:
        has_child = [False] * len(sections)
        first_child: dict[int, int] = {}
        for s in sections:
            if s.parent is not None:
                has_child[s.parent] = True
                first_child[s.parent] = min(first_child.get(s.parent, s.start), s.start)
        top_starts = [s.start for s in sections if s.parent is None]
        if top_starts and min(top_starts) > 0:
            regions.append((0, min(top_starts), None))
        for i, s in enumerate(sections):
            if _skipped(sections, i):
                continue
            end = first_child.get(i, s.end) if has_child[i] else s.end
            regions.append((s.body_start, end, i))
        covered_end = max(s.end for s in sections)
        if covered_end < len(text):
            regions.append((covered_end, len(text), None))
    else:
        regions = [(0, len(text), None)]

    units: list[Unit] = []
    for r_start, r_end, sec in sorted(regions, key=lambda r: (r[0], r[1])):
        heading, own, title = (
            _heading_of(sections, sec, heading_types) if sec is not None else ((), False, None)
        )
        paragraphs = paragraph_spans(text, r_start, r_end)
        for p_start, p_end in paragraphs:
            for k, (a, b) in enumerate(_split_long(text, p_start, p_end, max_words)):
                a, b = _trim(text, a, b)
                if len(_WORD.findall(text[a:b])) < MIN_UNIT_WORDS:
                    continue
                units.append(Unit(a, b, sec, heading, own, title, k))
    return units
