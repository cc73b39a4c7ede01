"""Tagging: clause-sized units of a Document labelled with taxonomy ids.

Two signals are combined per unit and type: the heading lexicon (``headings.yaml``, matched
against the titles of the unit's section and its ancestors) and the trained
:class:`~contract_analyzer.tagging.classifier.ClauseTagger`. The classifier alone can tag a
unit (headings absent or unusual); a heading only lowers the bar the classifier's score must
pass, so a misleading heading does not tag a body the classifier finds unlike its type.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from contract_analyzer.document import Document
from contract_analyzer.segment import Section, Unit, segment
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.tagging.headings import headed_units

if TYPE_CHECKING:
    from contract_analyzer.tagging.classifier import ClauseTagger

__all__ = ["Clause", "ClauseTagger", "default_tagger", "tag", "tag_units"]

# A heading naming the type lets a unit be tagged when the classifier's score reaches this share
# of the type's threshold (the classifier still has a say: a body unlike the type stays untagged).
HEADING_FACTOR = 0.1
# Weight of a matching heading in the reported confidence: 1 - (1 - p) * (1 - HEADING_WEIGHT).
HEADING_WEIGHT = 0.5
# A unit next to one tagged with a type gets it too when its score reaches this share of the
# threshold (clauses run over several units).
NEIGHBOUR_FACTOR = 0.5
# Consecutive units of one type merge into one clause up to this many words.
MAX_CLAUSE_WORDS = 300

_lock = threading.Lock()
_tagger: ClauseTagger | None = None


def default_tagger() -> ClauseTagger:
    """The shipped tagger, loaded on first use and then shared by every call."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                from contract_analyzer.tagging.classifier import ClauseTagger

                _tagger = ClauseTagger.load()
    return _tagger


def tag_units(
    document: Document,
    units: Sequence[Unit],
    proba: np.ndarray,
    classes: Sequence[str],
    thresholds: Sequence[float],
    heading_factor: float = HEADING_FACTOR,
    max_clause_words: int = MAX_CLAUSE_WORDS,
    neighbour_factor: float = NEIGHBOUR_FACTOR,
    context_thresholds: Sequence[float] | None = None,
) -> list[Clause]:
    """Clauses from units and their classifier scores (columns follow ``classes``).

    A unit gets a type when its score passes the type's threshold, or ``heading_factor`` of it
    under a heading naming the type; then, in a document where some unit got the type, when
    its score passes the type's lower ``context_thresholds`` entry (if given); then when it
    passes ``neighbour_factor`` of the threshold next to a unit that got the type (a clause
    running on). Consecutive units of one type are one clause, up to ``max_clause_words`` words.
    """
    if len(units) == 0:
        return []
    proba = np.asarray(proba, dtype=np.float64)
    thr = np.asarray(thresholds, dtype=np.float64)[None, :]
    col = {t: j for j, t in enumerate(classes)}
    named = np.zeros(proba.shape, dtype=bool)
    for i, unit in enumerate(units):
        for t in unit.heading:
            if t in col:
                named[i, col[t]] = True
    by_clf = proba >= thr
    by_heading = named & (proba >= thr * heading_factor)
    tagged = by_clf | by_heading
    if context_thresholds is not None:
        # a type the document holds (some unit passed above) also takes its weaker units: a
        # contract that has an assignment clause often says more about assignment elsewhere
        ctx = np.minimum(np.asarray(context_thresholds, dtype=np.float64)[None, :], thr)
        weaker = (proba >= ctx) & ~tagged & tagged.any(axis=0, keepdims=True)
        by_clf |= weaker
        tagged |= weaker
    near = np.zeros_like(tagged)
    near[1:] |= tagged[:-1]
    near[:-1] |= tagged[1:]
    by_neighbour = near & ~tagged & (proba >= thr * neighbour_factor)
    tagged |= by_neighbour

    open_runs: dict[str, _Run] = {}
    clauses: list[Clause] = []
    for i, j in zip(*np.nonzero(tagged), strict=True):
        unit, type_id, p = units[i], str(classes[j]), float(proba[i, j])
        words = len(document.text[unit.start : unit.end].split())
        if by_heading[i, j]:
            confidence = 1.0 - (1.0 - p) * (1.0 - HEADING_WEIGHT)
            method = "heading+classifier" if by_clf[i, j] else "heading"
        else:
            confidence, method = p, "classifier"
        run = open_runs.get(type_id)
        if run is not None and run.last == i - 1 and run.words + words <= max_clause_words:
            run.extend(int(i), unit, words, confidence, method)
        else:
            if run is not None:
                clauses.append(run.clause(type_id, document))
            open_runs[type_id] = _Run(int(i), unit, words, confidence, method)
    clauses.extend(run.clause(t, document) for t, run in open_runs.items())
    clauses.sort(key=lambda c: (c.start, c.end, c.type))
    return clauses


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
        if "heading+classifier" in methods or {"heading", "classifier"} <= methods:
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
    return tag_units(
        document,
        units,
        proba,
        tagger.classes_,
        tagger.thresholds_,
        context_thresholds=getattr(tagger, "context_thresholds_", None),
    )


def __getattr__(name: str):
    if name == "ClauseTagger":
        from contract_analyzer.tagging.classifier import ClauseTagger

        return ClauseTagger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
