"""The Section: a numbered or titled part of a contract, as spans of ``Document.text``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SectionKind = Literal["preamble", "recitals", "toc", "section", "exhibit", "signature"]


@dataclass(frozen=True)
class Section:
    """A section as spans of ``Document.text``.

    ``start``/``end`` cover the whole section including its heading and any subsections;
    ``body_start`` is where the text after the heading begins: past a heading line ("ARTICLE
    IV" + "TERMINATION") or a run-in title ("7. Term. This ..."), == ``start`` when the section
    has no title and its text runs on after the number ("(a) the Supplier shall ...").
    ``number`` is the numbering as written ("4.2", "(a)", "ARTICLE IV"), ``title`` the heading
    words ("Termination for Cause"), ``level`` the depth (1 = top), ``parent`` the index of the
    enclosing section in the tuple returned by ``segment`` (None at top level).
    ``kind`` tells front matter ("preamble", "recitals", "toc"), numbered or titled sections
    ("section"), "exhibit" (exhibits, schedules, annexes: always top level) and "signature".
    """

    start: int
    end: int
    body_start: int
    level: int
    number: str | None = None
    title: str | None = None
    parent: int | None = None
    page: int | None = None
    kind: SectionKind = "section"


def heading_path(sections: tuple[Section, ...], index: int) -> tuple[str, ...]:
    """Titles from the top-level section down to ``sections[index]`` (untitled levels skipped).

    A unit inside "(b)" of "12.3 Limitation of Liability" of "12. LIABILITY" gets
    ``("LIABILITY", "Limitation of Liability")``: the headings that say what it is about.
    """
    path: list[str] = []
    i: int | None = index
    while i is not None:
        s = sections[i]
        if s.title:
            path.append(s.title)
        i = s.parent
    return tuple(reversed(path))
