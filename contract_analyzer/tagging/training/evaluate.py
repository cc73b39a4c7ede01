"""Measuring the tagger by the issue's bars, with every split made by contract.

- CUAD span recall per mapped type (a span is found when a clause of its type covers most of
  its words), macro over types;
- contract-level presence F1 for the types whose CUAD labels are exhaustive, macro;
- LEDGAR accuracy: the top-scoring type of a held-out provision is its mapped type;
- mean words per tagged clause.

Cross-validation assigns each group (a CUAD contract with everything cut from it, such as its
ACORD clauses; a LEDGAR provision; a Terms-of-Service block) to one fold by a stable hash, fits
on the other folds and tags the held-out contracts end to end (units, headings, classifier).
"""

from __future__ import annotations

import hashlib
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from contract_analyzer.segment import Section, Unit, segment
from contract_analyzer.tagging import features as F
from contract_analyzer.tagging.classifier import ClauseTagger
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.tagging.headings import headed_units
from contract_analyzer.tagging.training import labels as L
from contract_analyzer.tagging.training.cuad import CuadContract, iter_words, load_cuad
from contract_analyzer.tagging.training.data import (
    ContractIndex,
    Example,
    cuad_examples,
    external_examples,
    unit_labels,
)
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

COVER_SHARE = 0.5  # "covers most of its words"


@dataclass
class Corpus:
    """All training examples, plus the CUAD units to tag and the LEDGAR rows to score."""

    examples: list[Example]
    contracts: tuple[CuadContract, ...]
    units: dict[str, list[Unit]]
    unit_rows: dict[str, np.ndarray]
    ledgar_rows: np.ndarray
    sections_seconds: float = 0.0


def build_corpus(
    contracts: Sequence[CuadContract] | None = None,
    sections: Callable[[CuadContract], Sequence[Section]] | None = None,
    external: bool = True,
    external_every: int = 1,
) -> Corpus:
    """Examples from every source; CUAD contracts segmented once (``sections`` or segment()).

    ``external_every`` keeps one in that many non-CUAD examples (by a stable hash of the
    text), for quicker comparisons of slow feature kinds.
    """
    contracts = tuple(contracts if contracts is not None else load_cuad())
    seg = sections or (lambda c: segment(c.document))
    examples: list[Example] = []
    units: dict[str, list[Unit]] = {}
    unit_rows: dict[str, np.ndarray] = {}
    t0 = time.perf_counter()
    cached = {c.name: tuple(seg(c)) for c in contracts}
    seconds = time.perf_counter() - t0
    for c in contracts:
        us = headed_units(c.document, cached[c.name])
        units[c.name] = us
        first = len(examples)
        examples.extend(cuad_examples([c], sections=lambda _c: cached[_c.name]))
        unit_rows[c.name] = np.arange(first, first + len(us))
    ledgar_rows: list[int] = []
    if external:
        index = ContractIndex(contracts)
        for ex in external_examples(index):
            if zlib.crc32(ex.text.encode("utf-8")) % external_every:
                continue
            if ex.source == "ledgar" and ex.labels:  # scored on provisions of mapped types
                ledgar_rows.append(len(examples))
            examples.append(ex)
    return Corpus(examples, contracts, units, unit_rows, np.array(ledgar_rows, int), seconds)


def fold_of(group: str, n_folds: int) -> int:
    """Stable fold number of a group (same on every machine and run)."""
    return zlib.crc32(group.encode("utf-8")) % n_folds


# ---------------------------------------------------------------- embeddings, cached on disk
def embed(texts: list[str], kind: str, cache_dir: Path | None = None) -> np.ndarray:
    """Dense features of ``texts`` (kind "static" or "minilm"), cached by content when asked."""
    key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache_dir / f"{kind}-{key}.npy" if cache_dir is not None else None
    if path is not None and path.is_file():
        return np.load(path)
    if kind == "static":
        tagger = ClauseTagger(features="static")
        out = F.embed_static(texts, tagger._static_dir())
    elif kind == "minilm":
        out = F.embed_minilm(texts)
    else:
        raise ValueError(kind)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, out)
    return out


# ---------------------------------------------------------------- metrics
@dataclass
class Tally:
    """Counts accumulated over held-out contracts and provisions."""

    span_found: dict[str, int] = field(default_factory=dict)
    span_total: dict[str, int] = field(default_factory=dict)
    presence: dict[str, list[int]] = field(default_factory=dict)  # tp, fp, fn
    ledgar_hits: int = 0
    ledgar_top1: int = 0
    ledgar_total: int = 0
    clause_words: int = 0
    clauses: int = 0
    unit_tp: dict[str, int] = field(default_factory=dict)
    unit_fp: dict[str, int] = field(default_factory=dict)

    def add_contract(self, contract: CuadContract, clauses: Sequence[Clause]) -> None:
        """Score one tagged contract against its CUAD spans."""
        text = contract.document.text
        by_type: dict[str, list[tuple[int, int]]] = {}
        for c in clauses:
            by_type.setdefault(c.type, []).append((c.start, c.end))
            self.clause_words += len(text[c.start : c.end].split())
            self.clauses += 1
        truth: set[str] = set()
        for span in contract.spans:
            for t in L.cuad_type_of(span.category):
                truth.add(t)
                words = list(iter_words(text, span.start, span.end))
                self.span_total[t] = self.span_total.get(t, 0) + 1
                if words and any(
                    sum(1 for a, b in words if a >= s and b <= e) / len(words) > COVER_SHARE
                    for s, e in by_type.get(t, ())
                    if s < span.end and e > span.start
                ):
                    self.span_found[t] = self.span_found.get(t, 0) + 1
        for t in L.cuad_exhaustive():
            tp_fp_fn = self.presence.setdefault(t, [0, 0, 0])
            predicted, actual = t in by_type, t in truth
            tp_fp_fn[0] += predicted and actual
            tp_fp_fn[1] += predicted and not actual
            tp_fp_fn[2] += actual and not predicted

    def add_units(self, contract: CuadContract, units: Sequence[Unit], clauses: Sequence[Clause]):
        """Unit-level precision for CUAD-known types (how much of what is tagged is right)."""
        labels = unit_labels(contract, units)
        where = {(u.start, u.end): i for i, u in enumerate(units)}
        for c in clauses:
            i = where.get((c.start, c.end))
            if i is None or c.type not in L.cuad_mapped_types():
                continue
            pos, known = labels[i]
            if c.type not in known:
                continue
            bucket = self.unit_tp if c.type in pos else self.unit_fp
            bucket[c.type] = bucket.get(c.type, 0) + 1

    def summary(self) -> dict:
        """The bar metrics and their per-type parts."""
        recall = {t: self.span_found.get(t, 0) / n for t, n in sorted(self.span_total.items()) if n}
        f1 = {}
        for t, (tp, fp, fn) in sorted(self.presence.items()):
            f1[t] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        precision = {
            t: self.unit_tp.get(t, 0) / (self.unit_tp.get(t, 0) + self.unit_fp.get(t, 0))
            for t in sorted(set(self.unit_tp) | set(self.unit_fp))
        }
        return {
            "cuad_span_recall_macro": _mean(recall.values()),
            "cuad_span_recall": recall,
            "cuad_spans": dict(sorted(self.span_total.items())),
            "presence_f1_macro": _mean(f1.values()),
            "presence_f1": f1,
            "ledgar_accuracy": self.ledgar_top1 / self.ledgar_total if self.ledgar_total else 0.0,
            "ledgar_hit_rate": self.ledgar_hits / self.ledgar_total if self.ledgar_total else 0.0,
            "ledgar_provisions": self.ledgar_total,
            "mean_words_per_clause": self.clause_words / self.clauses if self.clauses else 0.0,
            "clauses": self.clauses,
            "unit_precision_cuad_types": precision,
            "unit_precision_macro": _mean(precision.values()),
        }


def _mean(values) -> float:
    values = list(values)
    return float(np.mean(values)) if values else 0.0


def label_matrices(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    """(Y, K): positives and known labels as boolean matrices over the taxonomy ids."""
    index = {t: j for j, t in enumerate(CLAUSE_TYPE_IDS)}
    Y = np.zeros((len(examples), len(index)), dtype=bool)
    K = np.zeros_like(Y)
    for i, e in enumerate(examples):
        for t in e.labels:
            Y[i, index[t]] = True
        for t in e.known | e.labels:
            K[i, index[t]] = True
    return Y, K


def oof_proba(
    corpus: Corpus,
    make_tagger: Callable[[], ClauseTagger],
    n_folds: int = 5,
    embeddings: dict[str, np.ndarray] | None = None,
    log: Callable[[str], None] | None = None,
    sample_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    """Out-of-fold scores of every example (columns: all taxonomy ids), with folds by group."""
    ex = corpus.examples
    fold = np.array([fold_of(e.group, n_folds) for e in ex])
    texts = [e.text for e in ex]
    P = np.zeros((len(ex), len(CLAUSE_TYPE_IDS)))
    col = {t: j for j, t in enumerate(CLAUSE_TYPE_IDS)}
    seconds = {"fit": 0.0, "predict": 0.0}
    for k in range(n_folds):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        tagger = make_tagger()
        t0 = time.perf_counter()
        tagger.fit(
            [texts[i] for i in train],
            [ex[i].labels for i in train],
            [ex[i].known for i in train],
            embeddings=_rows(embeddings, train),
            sample_weight=None if sample_weight is None else sample_weight[train],
        )
        seconds["fit"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        proba = tagger.predict_proba([texts[i] for i in test], embeddings=_rows(embeddings, test))
        seconds["predict"] += time.perf_counter() - t0
        for j, c in enumerate(tagger.classes_):
            P[test, col[str(c)]] = proba[:, j]
        if log is not None:
            log(f"fold {k + 1}/{n_folds}: fit {seconds['fit']:.0f}s")
    return P, fold, seconds


def choose_thresholds(
    P: np.ndarray, Y: np.ndarray, K: np.ndarray, rows: np.ndarray, beta: float = 1.0
) -> np.ndarray:
    """Per-type threshold maximising F-beta on the given rows' known labels."""
    out = np.full(P.shape[1], 0.5)
    for j in range(P.shape[1]):
        r = rows[K[rows, j]]
        y, p = Y[r, j], P[r, j]
        if y.sum() == 0 or (~y).sum() == 0:
            continue
        order = np.argsort(-p, kind="stable")
        p_sorted, y_sorted = p[order], y[order]
        tp = np.cumsum(y_sorted)
        fp = np.cumsum(~y_sorted)
        precision = tp / (tp + fp)
        recall = tp / y.sum()
        b2 = beta * beta
        f = (1 + b2) * precision * recall / np.maximum(b2 * precision + recall, 1e-12)
        # only cut between distinct scores
        distinct = np.r_[p_sorted[1:] < p_sorted[:-1], True]
        best = int(np.argmax(np.where(distinct, f, -1)))
        out[j] = float(np.clip(p_sorted[best], 0.01, 0.9999))
    return out


def score(
    corpus: Corpus,
    P: np.ndarray,
    fold: np.ndarray,
    thresholds: dict[int, np.ndarray],
    heading_factor: float,
    context: dict[int, np.ndarray] | None = None,
) -> Tally:
    """Tag every CUAD contract with its out-of-fold scores and tally the bar metrics.

    ``thresholds`` and ``context`` (the lower thresholds of types a document holds) are per
    fold, chosen without the fold's own labels (see :func:`fold_thresholds`).
    """
    from contract_analyzer.tagging import tag_units

    tally = Tally()
    classes = list(CLAUSE_TYPE_IDS)
    for c in corpus.contracts:
        rows = corpus.unit_rows[c.name]
        if len(rows) == 0:
            tally.add_contract(c, [])
            continue
        k = int(fold[rows[0]])
        units = corpus.units[c.name]
        scores, thr = P[rows], thresholds[k]
        ctx = None if context is None else context[k]
        args = (c.document, units, scores, classes, thr, heading_factor)
        tally.add_contract(c, tag_units(*args, context_thresholds=ctx))
        tally.add_units(c, units, tag_units(*args, max_clause_words=0, context_thresholds=ctx))
    for i in corpus.ledgar_rows:
        p, thr = P[i], thresholds[int(fold[i])]
        mapped = corpus.examples[i].labels
        tally.ledgar_total += 1
        tally.ledgar_top1 += classes[int(np.argmax(p))] in mapped
        tally.ledgar_hits += any(p[j] >= thr[j] for j, c in enumerate(classes) if c in mapped)
    return tally


def fold_thresholds(
    P: np.ndarray, Y: np.ndarray, K: np.ndarray, fold: np.ndarray, beta: float
) -> dict[int, np.ndarray]:
    """Thresholds for each fold chosen on the OTHER folds' out-of-fold scores only."""
    return {
        int(k): choose_thresholds(P, Y, K, np.flatnonzero(fold != k), beta) for k in np.unique(fold)
    }


def cross_validate(
    corpus: Corpus,
    make_tagger: Callable[[], ClauseTagger],
    n_folds: int = 5,
    embeddings: dict[str, np.ndarray] | None = None,
    beta: float = 1.0,
    heading_factor: float | None = None,
    log: Callable[[str], None] | None = None,
    context_beta: float | None = None,
    sample_weight: np.ndarray | None = None,
) -> dict:
    """Bar metrics by contract-level cross-validation (fit, thresholds and scoring per fold)."""
    from contract_analyzer.tagging.decision import HEADING_FACTOR

    P, fold, seconds = oof_proba(corpus, make_tagger, n_folds, embeddings, log, sample_weight)
    Y, K = label_matrices(corpus.examples)
    thresholds = fold_thresholds(P, Y, K, fold, beta)
    context = None if context_beta is None else fold_thresholds(P, Y, K, fold, context_beta)
    hf = HEADING_FACTOR if heading_factor is None else heading_factor
    out = score(corpus, P, fold, thresholds, hf, context).summary()
    out["seconds"] = seconds
    return out


def _rows(embeddings: dict[str, np.ndarray] | None, rows: np.ndarray):
    return None if embeddings is None else {k: v[rows] for k, v in embeddings.items()}
