"""Shared checks for the segmentation tests: structural invariants of sections and units."""

from __future__ import annotations

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


def check_units(doc: Document, sections: tuple[Section, ...], units: tuple[Unit, ...]) -> None:
    """Units tile the text in order, sit inside their section and cut at boundaries."""
    assert units, "a non-empty document has units"
    assert units[0].start == 0 and units[-1].end == len(doc.text)
    starts = {s.start for s in sections}
    for a, b in zip(units, units[1:], strict=False):
        assert a.end == b.start, "units are contiguous"
        if b.start in starts:
            continue
        before = doc.text[: b.start].rstrip()
        assert before.endswith(SENTENCE_ENDS) or "\n" in doc.text[len(before) : b.start + 1], (
            f"unit cut inside a sentence: {doc.text[b.start - 60 : b.start + 20]!r}"
        )
    for u in units:
        s = sections[u.section]
        assert s.start <= u.start and u.end <= s.end, (u, s)
        assert u.text(doc).strip()
