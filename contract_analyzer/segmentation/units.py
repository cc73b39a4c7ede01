"""Clause-sized units for the tagger, built from the section tree.

A section of at most ``MAX_WORDS`` words is one unit (a clause with its list items stays
whole). A larger section gives its own text before the first subsection, then its subsections'
units; small neighbours inside the same parent are packed together up to ``PACK_WORDS`` so a
list of one-line items does not become a dozen fragments. A long section without subsections
is cut at paragraph boundaries, and a paragraph longer than ``MAX_WORDS`` at sentence
boundaries found by spaCy's rule-based sentencizer (a page-per-line text has no paragraph
breaks at all). Units cover the whole text in order and never cut a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from contract_analyzer.document import Document
from contract_analyzer.segmentation.words import WordIndex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from contract_analyzer.segment import Section, Unit

MAX_WORDS = 400  # a section up to this size stays one unit
TARGET_WORDS = 250  # pieces of a long section are packed up to this size
PACK_WORDS = 400  # neighbours are packed while the result stays under this
SMALL_WORDS = 80  # only pieces this small are packed with a neighbour

_PARA_RE = re.compile(r"\n[ \t]*\n\s*|(?<=[.:;!?\"”)])[ \t]*\n(?=[ \t]*[(\[\"“A-Z0-9])")


_OPENERS = frozenset("([{\"'“‘")


@dataclass
class _Piece:
    start: int
    end: int
    section: int
    part: int = 0
    long_para: bool = False  # a paragraph still to be cut at sentences


@lru_cache(maxsize=1)
def sentencizer() -> Language:
    """A blank English pipeline with the rule-based sentencizer (no model files needed)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


class _Builder:
    def __init__(self, document: Document, sections: tuple[Section, ...]) -> None:
        self.text = document.text
        self.sections = sections
        self.words = WordIndex(self.text)
        self.children: list[list[int]] = [[] for _ in sections]
        self.top: list[int] = []
        for i, s in enumerate(sections):
            if s.parent is None:
                self.top.append(i)
            else:
                self.children[s.parent].append(i)

    def count(self, a: int, b: int) -> int:
        return self.words.count(a, b)

    def section_pieces(self, i: int) -> list[_Piece]:
        s = self.sections[i]
        if self.count(s.start, s.end) <= MAX_WORDS:
            return [_Piece(s.start, s.end, i)]
        kids = self.children[i]
        if not kids:
            return self.split_long(s.start, s.end, i)
        pieces: list[_Piece] = []
        first = self.sections[kids[0]].start
        if first > s.start:
            pieces.extend(self.split_long(s.start, first, i))
        for k in kids:
            pieces.extend(self.section_pieces(k))
        return self.pack(pieces, i)

    def pack(self, pieces: list[_Piece], parent: int) -> list[_Piece]:
        """Merge small neighbours (an intro and its list items, short clauses) up to a size."""
        out: list[_Piece] = []
        for p in pieces:
            if out and not p.long_para and not out[-1].long_para:
                prev = out[-1]
                a, b = self.count(prev.start, prev.end), self.count(p.start, p.end)
                if a + b <= PACK_WORDS and (min(a, b) < SMALL_WORDS or b == 0):
                    section = prev.section if prev.section == p.section else parent
                    part = prev.part if prev.section == p.section else 0
                    out[-1] = _Piece(prev.start, p.end, section, part)
                    continue
            out.append(p)
        return out

    def split_long(self, a: int, b: int, i: int) -> list[_Piece]:
        """Cut ``[a, b)`` at paragraph breaks into pieces of about ``TARGET_WORDS``."""
        if self.count(a, b) <= MAX_WORDS:
            return [_Piece(a, b, i)]
        cuts = [a] + [m.end() for m in _PARA_RE.finditer(self.text, a, b) if a < m.end() < b] + [b]
        pieces: list[_Piece] = []
        cur = a
        for x, y in zip(cuts, cuts[1:], strict=False):
            n = self.count(x, y)
            if n > MAX_WORDS:
                if x > cur:
                    pieces.append(_Piece(cur, x, i))
                pieces.append(_Piece(x, y, i, long_para=True))
                cur = y
            elif self.count(cur, y) > TARGET_WORDS and x > cur:
                pieces.append(_Piece(cur, x, i))
                cur = x
        if b > cur:
            pieces.append(_Piece(cur, b, i))
        return pieces

    def cut_sentences(self, pieces: list[_Piece]) -> list[_Piece]:
        """Cut the long paragraphs at sentence starts, all in one ``nlp.pipe`` pass."""
        todo = [p for p in pieces if p.long_para]
        if not todo:
            return pieces
        nlp = sentencizer()
        starts: dict[int, list[int]] = {}
        docs = nlp.pipe(self.text[p.start : p.end] for p in todo)
        for p, doc in zip(todo, docs, strict=False):
            piece_text = self.text[p.start : p.end]
            cuts = []
            for sent in list(doc.sents)[1:]:
                k = sent.start_char
                # the sentencizer starts "(ii) Next ..." at "ii": keep opening marks with it
                while k > 0 and piece_text[k - 1] in _OPENERS:
                    k -= 1
                if k > 0:
                    cuts.append(p.start + k)
            starts[p.start] = cuts
        out: list[_Piece] = []
        for p in pieces:
            if not p.long_para:
                out.append(p)
                continue
            cur = p.start
            for x in starts[p.start]:
                if self.count(cur, x) >= TARGET_WORDS and self.count(x, p.end) > 0:
                    out.append(_Piece(cur, x, p.section))
                    cur = x
            out.append(_Piece(cur, p.end, p.section))
        return out

    def build(self) -> list[_Piece]:
        pieces: list[_Piece] = []
        for i in self.top:
            pieces.extend(self.section_pieces(i))
        pieces = self.cut_sentences(pieces)
        # number the parts of split sections; fold word-less pieces into their neighbour
        out: list[_Piece] = []
        for p in pieces:
            if out and self.count(p.start, p.end) == 0:
                out[-1].end = p.end
                continue
            if out and out[-1].section == p.section and out[-1].end == p.start:
                prev_part = out[-1].part or 1
                if out[-1].part == 0:
                    out[-1].part = 1
                p.part = prev_part + 1
            out.append(p)
        if out and self.count(out[0].start, out[0].end) == 0 and len(out) > 1:
            out[1].start = out[0].start
            out.pop(0)
        return out


def build_units(document: Document, sections: tuple[Section, ...]) -> tuple[Unit, ...]:
    """See :func:`contract_analyzer.segment.leaf_units`."""
    from contract_analyzer.segment import Unit

    if not sections:
        return ()
    pieces = _Builder(document, sections).build()
    return tuple(Unit(p.start, p.end, p.section, p.part) for p in pieces)
