"""What every key-date finder reads: the contract's sentences, dates and durations, extracted once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contract_analyzer.document import Document
from contract_analyzer.facts import Facts, extract_facts
from contract_analyzer.facts.dates import DateMention
from contract_analyzer.facts.durations import Duration
from contract_analyzer.settings import Settings
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.text.casefold import fold_case, required_literals
from contract_analyzer.text.sentences import sentence_spans


@dataclass(frozen=True)
class Sentence:
    """A sentence of the contract: its span and its text."""

    start: int
    end: int
    text: str


def split_sentences(text: str, limit: int = 1500) -> list[Sentence]:
    """The contract's sentences; longer ones (tables, run-on text) are cut every ``limit``
    characters so the cues the finders look for stay local."""
    return [Sentence(a, b, text[a:b]) for a, b in sentence_spans(text, max_chars=limit)]


class Context:
    """Everything extracted once from the contract and shared by the key-date finders."""

    def __init__(self, text: str, clauses: Sequence[Clause] | None, facts: Facts):
        self.text = text
        self.facts = facts
        self.sentences = split_sentences(text)
        self._folded: list[str] | None = None
        # EDGAR copies carry "Source: COMPANY, 8-K, 11/6/2019" lines: filing dates, not the contract's
        self.dates = [d for d in facts.dates if not is_filing_stamp(text, d)]
        self.durations = list(facts.durations)
        self.clauses = list(clauses or [])

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def durations_in(self, start: int, end: int) -> list[Duration]:
        return [d for d in self.durations if start <= d.start and d.end <= end]

    @property
    def folded_sentences(self) -> list[str]:
        """``fold_case`` of each sentence's text (made on first use), for the pre-tests."""
        if self._folded is None:
            self._folded = [fold_case(s.text) for s in self.sentences]
        return self._folded

    def sentences_with(
        self, pattern: re.Pattern[str], clause_types: Iterable[str] = ()
    ) -> list[Sentence]:
        """Sentences matching ``pattern``; those inside clauses of ``clause_types`` first."""
        words = required_literals(pattern)
        if words is None:
            hits = [s for s in self.sentences if pattern.search(s.text)]
        else:  # searched only in the sentences holding a word every match contains
            hits = [
                s
                for s, folded in zip(self.sentences, self.folded_sentences, strict=True)
                if any(w in folded for w in words) and pattern.search(s.text)
            ]
        types = set(clause_types)
        spans = [(c.start, c.end) for c in self.clauses if getattr(c, "type", None) in types]
        if not spans:
            return hits

        def inside(s: Sentence) -> bool:
            return any(a <= s.start < b or a < s.end <= b for a, b in spans)

        return [s for s in hits if inside(s)] + [s for s in hits if not inside(s)]


_SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*Source:[^\n]*$")


def is_filing_stamp(text: str, d: DateMention) -> bool:
    """EDGAR copies carry "Source: COMPANY, 8-K, 11/6/2019" lines: a filing date, not the
    contract's."""
    return _SOURCE_LINE.search(text[max(0, d.start - 200) : d.start]) is not None


def build_context(
    source: Document | str,
    clauses: Sequence[Clause] | None,
    settings: Settings | None,
    facts: Facts | None,
) -> Context | None:
    """What the finders read (None for an empty text); facts extracted when not given."""
    text = source.text if isinstance(source, Document) else source
    if not text or not text.strip():
        return None
    if facts is None:
        facts = extract_facts(text, settings=settings)
    return Context(text, clauses, facts)
