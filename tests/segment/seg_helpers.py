"""Shared checks for the segmentation tests: structural invariants of sections and units."""

from __future__ import annotations

import re
from pathlib import Path

from contract_analyzer.document import Document
from contract_analyzer.segment import Section, Unit

SENTENCE_ENDS = tuple('.;:!?)"”’]')


def cuad_path(shared: Path, folder: str, prefix: str) -> Path:
    """The CUAD file whose name starts with ``prefix`` (exactly one must match)."""
    matches = sorted(
        p for p in (shared / "data" / "cuad" / folder).iterdir() if p.name.startswith(prefix)
    )
    assert len(matches) == 1, f"{prefix!r} matches {len(matches)} files in cuad/{folder}"
    return matches[0]


def by_number(sections: tuple[Section, ...], number: str) -> list[int]:
    """Indices of the sections numbered ``number``."""
    return [i for i, s in enumerate(sections) if s.number == number]


def check_sections(doc: Document, sections: tuple[Section, ...]) -> None:
    """Nested, ordered, covering: the invariants every segmentation must keep."""
    n = len(doc.text)
    if not doc.text.strip():
        assert sections == ()
        return
    top = [s for s in sections if s.parent is None]
    assert top[0].start == 0, "the first top-level section starts the text"
    assert top[-1].end == n, "the last top-level section ends the text"
    for a, b in zip(top, top[1:], strict=False):
        assert a.end == b.start, "top-level sections tile the text"
    for i, s in enumerate(sections):
        assert 0 <= s.start <= s.body_start <= s.end <= n, (i, s)
        assert s.end > s.start, (i, s)
        if i:
            prev = sections[i - 1]
            assert (prev.start, prev.level) <= (s.start, s.level) or prev.start < s.start, (i, s)
        if s.parent is None:
            assert s.level == 1, (i, s)
        else:
            p = sections[s.parent]
            assert s.parent < i
            assert p.start <= s.start and s.end <= p.end, (i, s, p)
            assert s.level == p.level + 1, (i, s, p)
        if s.kind == "exhibit":
            assert s.parent is None, "exhibits are top-level"
        assert s.page == doc.page_at(s.start)
    # siblings do not overlap
    last_end: dict[int | None, int] = {}
    for s in sections:
        assert s.start >= last_end.get(s.parent, 0), s
        last_end[s.parent] = s.end


def check_units(doc: Document, sections: tuple[Section, ...], units: list[Unit]) -> None:
    """Units are in order, disjoint, inside their section, cut only at sentence or paragraph
    ends, and cover every word outside tables of contents and signature blocks."""
    assert units, "a non-empty document has units"
    text = doc.text
    for a, b in zip(units, units[1:], strict=False):
        assert a.end <= b.start, "units are ordered and disjoint"
    for u in units:
        assert 0 <= u.start < u.end <= len(text)
        assert u.text(doc).strip() == u.text(doc), "units are trimmed"
        if u.section is not None:
            s = sections[u.section]
            assert s.start <= u.start and u.end <= s.end, (u, s)
        if u.piece:  # a window of a long paragraph starts after a sentence end
            before = text[: u.start].rstrip()
            assert before.endswith(SENTENCE_ENDS) or len(text[u.start - 1 : u.start].strip()) == 0, (
                f"unit cut inside a sentence: {text[u.start - 60 : u.start + 20]!r}"
            )
    skipped = [(s.start, s.end) for s in sections if s.kind in ("toc", "signature")]
    skipped += [(s.start, s.body_start) for s in sections]  # headings: titles, not clause text
    covered = [False] * len(text)
    for u in units:
        covered[u.start : u.end] = [True] * (u.end - u.start)
    lost = [
        m.group()
        for m in re.finditer(r"[A-Za-z]{4,}", text)
        if not covered[m.start()] and not any(a <= m.start() < b for a, b in skipped)
    ]
    # only fragments under MIN_UNIT_WORDS words fall between units
    assert len(lost) <= max(5, len(text.split()) // 20), f"words outside every unit: {lost[:20]}"
