"""The Clause: a typed span of a Document, with how and how surely it was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from contract_analyzer.document import Document

# "preamble": the parties read from the preamble's structure (tagging/parties.py)
Method = Literal["heading", "classifier", "heading+classifier", "preamble"]


@dataclass(frozen=True)
class Clause:
    """One clause of one type; a span tagged with two types gives two Clauses.

    ``section`` is the index of the Section it belongs to (in the tuple from ``segment``);
    ``text`` is read from the Document through the span, not stored.
    """

    type: str
    start: int
    end: int
    confidence: float
    method: Method
    section: int | None = None
    page: int | None = None
    document: Document | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The clause's text (empty when the clause is detached from its Document)."""
        return self.document.text[self.start : self.end] if self.document is not None else ""

    @property
    def word_count(self) -> int:
        """Words in the clause."""
        return len(self.text.split())
