"""Tagging: clause-sized units of a Document labelled with taxonomy ids.

Per unit and type the trained :class:`~contract_analyzer.tagging.classifier.ClauseTagger`
scores the body; :mod:`~contract_analyzer.tagging.decision` turns the score into a calibrated
confidence, using the unit's heading (lexicon ``headings.yaml``) as evidence, and tags the
unit when the confidence reaches the type's threshold (chosen on held-out contracts for
precision at a recall floor). A unit gets no type at all when nothing reaches its bar
(boilerplate, definitions, signatures, recitals of no taxonomy type); ``parties`` is read from
the preamble's structure (:mod:`~contract_analyzer.tagging.parties`) where it names a party,
and drafting notes of a
template ("If no Insurance Minimums are included, delete this") get none. Consecutive units of one
type merge into one clause.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from contract_analyzer.document import Document
from contract_analyzer.segment import Section, Unit, segment
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.tagging.drafting import is_drafting_note
from contract_analyzer.tagging.headings import headed_units, in_definitions
from contract_analyzer.tagging.parties import apply_parties_rule

if TYPE_CHECKING:
    from contract_analyzer.tagging.classifier import ClauseTagger
    from contract_analyzer.tagging.linear import LinearTagger

__all__ = ["Clause", "ClauseTagger", "default_tagger", "tag", "tag_units", "tag_scored"]

# Consecutive units of one type merge into one clause up to this many words.
MAX_CLAUSE_WORDS = 300

_lock = threading.Lock()
_tagger: ClauseTagger | LinearTagger | None = None


def default_tagger() -> ClauseTagger | LinearTagger:
    """The shipped tagger, loaded on first use and then shared by every call (a
    :class:`~contract_analyzer.tagging.linear.LinearTagger`: same outputs as ``ClauseTagger``
    without importing scikit-learn)."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                from contract_analyzer.tagging.linear import load_tagger

                _tagger = load_tagger()  # scikit-learn-free for the shipped TF-IDF model
    return _tagger


def tag_units(
    document: Document,
    units: Sequence[Unit],
    confidence: np.ndarray,
    tagged: np.ndarray,
    classes: Sequence[str],
    named: np.ndarray | None = None,
    max_clause_words: int = MAX_CLAUSE_WORDS,
    ruled: np.ndarray | None = None,
) -> list[Clause]:
    """Clauses from units and their decisions (matrices units x ``classes``).

    ``tagged[i, j]``: unit ``i`` has type ``classes[j]`` with ``confidence[i, j]``; ``named``
    marks the heading evidence that counted (the method then reads "heading+classifier"),
    ``ruled`` the decisions a structural rule made (the method reads "preamble").
    Consecutive tagged units of one type are one clause, up to ``max_clause_words`` words; its
    confidence is the highest of its units'.
    """
    if len(units) == 0:
        return []
    confidence = np.asarray(confidence, dtype=np.float64)
    named = np.zeros(confidence.shape, dtype=bool) if named is None else named
    open_runs: dict[str, _Run] = {}
    clauses: list[Clause] = []
    for i, j in zip(*np.nonzero(tagged), strict=True):
        unit, type_id = units[i], str(classes[j])
        words = len(document.text[unit.start : unit.end].split())
        if ruled is not None and ruled[i, j]:
            method = "preamble"
        else:
            method = "heading+classifier" if named[i, j] else "classifier"
        c = float(confidence[i, j])
        run = open_runs.get(type_id)
        if run is not None and run.last == i - 1 and run.words + words <= max_clause_words:
            run.extend(int(i), unit, words, c, method)
        else:
            if run is not None:
                clauses.append(run.clause(type_id, document))
            open_runs[type_id] = _Run(int(i), unit, words, c, method)
    clauses.extend(run.clause(t, document) for t, run in open_runs.items())
    clauses.sort(key=lambda c: (c.start, c.end, c.type))
    return clauses


def tag_scored(
    document: Document,
    units: Sequence[Unit],
    proba: np.ndarray,
    tagger: ClauseTagger,
    defining: Sequence[bool] | None = None,
) -> list[Clause]:
    """Clauses of units already scored by ``tagger`` (``proba``: its ``predict_proba``)."""
    confidence, tagged, named = tagger.decision_rule().decide(proba, units, defining)
    classes = tagger.classes_
    confidence, tagged, ruled = apply_parties_rule(document, units, classes, confidence, tagged)
    notes = [is_drafting_note(document.text[u.start : u.end]) for u in units]
    if any(notes):  # guidance for the drafter names types without being clauses of them
        tagged = tagged & ~np.asarray(notes, dtype=bool)[:, None]
    return tag_units(document, units, confidence, tagged, classes, named, ruled=ruled)


class _Run:
    """Consecutive units tagged with one type, growing into one clause."""

    def __init__(self, index: int, unit: Unit, words: int, confidence: float, method: str):
        self.last, self.start, self.end, self.section = index, unit.start, unit.end, unit.section
        self.words, self.confidence, self.methods = words, confidence, {method}

    def extend(self, index: int, unit: Unit, words: int, confidence: float, method: str) -> None:
        self.last, self.end = index, unit.end
        self.words += words
        self.confidence = max(self.confidence, confidence)
        self.methods.add(method)

    def clause(self, type_id: str, document: Document) -> Clause:
        methods = self.methods
        if "preamble" in methods:
            method = "preamble"
        elif "heading+classifier" in methods or {"heading", "classifier"} <= methods:
            method = "heading+classifier"
        else:
            method = next(iter(methods))
        return Clause(
            type=type_id,
            start=self.start,
            end=self.end,
            confidence=round(self.confidence, 4),
            method=method,  # type: ignore[arg-type]
            section=self.section,
            page=document.page_at(self.start),
            document=document,
        )


def tag(
    document: Document,
    sections: Sequence[Section] | None = None,
    tagger: ClauseTagger | None = None,
) -> list[Clause]:
    """The document's clauses, each a clause-sized span tagged with one taxonomy id.

    ``sections`` defaults to :func:`contract_analyzer.segment.segment`'s; ``tagger`` to the
    shipped model (loaded once per process). Output is sorted by position and deterministic.
    """
    if sections is None:
        sections = segment(document)
    units = headed_units(document, sections)
    if not units:
        return []
    tagger = tagger if tagger is not None else default_tagger()
    proba = tagger.predict_proba([document.text[u.start : u.end] for u in units])
    return tag_scored(document, units, proba, tagger, in_definitions(sections, units))


def __getattr__(name: str):
    if name == "ClauseTagger":
        from contract_analyzer.tagging.classifier import ClauseTagger

        return ClauseTagger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
