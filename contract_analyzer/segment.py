"""Segmentation: a Document into nested, numbered and titled Sections.

(Placeholder module header: the data type below is the contract between stages; the
``segment`` function is implemented in this module.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A section as spans of ``Document.text``.

    ``start``/``end`` cover the whole section including its heading and any subsections;
    ``body_start`` is where the text after the heading begins (== ``start`` when untitled).
    ``number`` is the numbering as written ("4.2", "(a)", "ARTICLE IV"), ``title`` the heading
    words ("Termination for Cause"), ``level`` the depth (1 = top), ``parent`` the index of the
    enclosing section in the tuple returned by ``segment`` (None at top level).
    """

    start: int
    end: int
    body_start: int
    level: int
    number: str | None = None
    title: str | None = None
    parent: int | None = None
    page: int | None = None
