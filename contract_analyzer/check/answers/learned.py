"""The learned sentence classifier of the cue-answered CUAD categories, read without scikit-learn.

One TF-IDF vectoriser (:class:`~contract_analyzer.tagging.linear.TfidfFeatures`, the tagger's
numpy transform) and one linear model per category score every sentence of a contract; a
category's contract-level decision (chosen by grouped cross-validation on the tuning half of
CUAD, :mod:`.training`) is one of ``cue`` (the phrase lexicon alone), ``clf`` (the best
sentence's score reaches the threshold), ``or`` and ``and`` of the two.

The model is plain data like the tagger's artefact: ``models/cuad_answers.json`` (categories,
decisions, vectoriser parameters, cross-validation figures, the npz's sha256) beside
``models/cuad_answers.npz`` (weights float16, intercepts, idf, the vocabulary as one UTF-8
buffer), read with ``allow_pickle=False`` after its hash is checked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from contract_analyzer.errors import ContractAnalyzerError, ModelNotFound
from contract_analyzer.resources import models_dir
from contract_analyzer.tagging.artefact import check_arrays, sha256_of, write_npz
from contract_analyzer.tagging.linear import TOKEN, TfidfFeatures, strip_accents_unicode

KIND = "contract_analyzer.cuad_answers"
VERSION = 1
MODEL_STEM = "cuad_answers"
MODES = ("cue", "clf", "or", "and")
MAX_EVIDENCE = 3


def windows(texts: Sequence[str], context: int) -> list[str]:
    """Each sentence with the ``context`` sentences before it (a list item keeps its lead-in)."""
    if context <= 0:
        return list(texts)
    return [" ".join(texts[max(0, i - context) : i + 1]) for i in range(len(texts))]


@dataclass(frozen=True)
class Decision:
    """A category's contract-level rule: ``mode`` (one of :data:`MODES`), the threshold on
    the best sentence's log-odds, and the Platt map ``sigmoid(a * score + b)`` of that score to
    the chance the contract has such a clause (fitted out of fold on the tuning half)."""

    mode: str
    threshold: float
    platt: tuple[float, float] = (1.0, 0.0)

    def probability(self, score: float) -> float:
        """The calibrated chance of presence for a best-sentence score."""
        a, b = self.platt
        return float(1.0 / (1.0 + np.exp(-(a * score + b))))


@dataclass(frozen=True)
class Learned:
    """One category's learned answer: presence, the evidence sentences (best first) and the
    confidence of the answer given (the calibrated chance of presence, or of absence)."""

    present: bool
    spans: tuple[tuple[int, int], ...]
    confidence: float


class AnswerModel:
    """Sentence scores and decisions of the learned categories."""

    def __init__(
        self,
        categories: Sequence[str],
        decisions: dict[str, Decision],
        tfidf: TfidfFeatures,
        weights: np.ndarray,
        intercept: np.ndarray,
        source: Path | None = None,
        context: int = 0,
    ) -> None:
        self.categories = tuple(categories)
        self.decisions = dict(decisions)
        self.tfidf = tfidf
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)  # terms x categories
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.source = source
        self.context = context

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        """Log-odds per sentence (rows) and category (columns follow :attr:`categories`), each
        sentence read with the :attr:`context` sentences before it."""
        n, k = len(sentences), len(self.categories)
        if n == 0:
            return np.zeros((0, k), dtype=np.float32)
        rows, cols, data = self._tfidf(sentences)
        z = np.zeros((n, k), dtype=np.float64)
        if len(rows):
            contrib = data[:, None] * self.weights[cols]
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            z[rows[starts]] = np.add.reduceat(contrib, starts, axis=0)
        return z.astype(np.float32) + self.intercept

    def _tfidf(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The TF-IDF rows of the context windows as (row, column, value), rows sorted: each
        sentence analysed once, a window's terms being its sentences' terms plus the bigrams
        across their joins (what analysing the joined text gives, for 1-2-grams)."""
        tf = self.tfidf
        vocab = tf.vocabulary
        toks, ids = [], []
        for text in sentences:
            t = text.lower() if tf.lowercase else text
            t = strip_accents_unicode(t) if tf.strip_accents else t
            words = TOKEN.findall(t)
            toks.append(words)
            ids.append(
                [j for term in _ngrams(words, tf.ngram_range) if (j := vocab.get(term)) is not None]
            )
        bigrams = tf.ngram_range[1] >= 2
        row_ids: list[int] = []
        col_ids: list[int] = []
        for i in range(len(sentences)):
            lo = max(0, i - self.context)
            for m in range(lo, i + 1):
                col_ids += ids[m]
                if bigrams and m > lo:
                    prev = next((toks[q][-1] for q in range(m - 1, lo - 1, -1) if toks[q]), None)
                    if prev is not None and toks[m]:
                        j = vocab.get(f"{prev} {toks[m][0]}")
                        if j is not None:
                            col_ids.append(j)
            row_ids += [i] * (len(col_ids) - len(row_ids))
        v = len(vocab)
        keys, counts = np.unique(
            np.asarray(row_ids, dtype=np.int64) * v + np.asarray(col_ids, dtype=np.int64),
            return_counts=True,
        )
        rows, cols = keys // v, keys % v
        data = counts.astype(np.float64)
        if tf.sublinear_tf:
            data = np.log(data) + 1.0
        if tf.idf is not None:
            data *= tf.idf[cols]
        if tf.norm == "l2":
            norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(sentences)))
            data /= norms[rows]
        return rows, cols, data

    def decide(
        self,
        spans: Sequence[tuple[int, int]],
        sentences: Sequence[str],
        cue_spans: dict[str, list[tuple[int, int]]],
    ) -> dict[str, Learned]:
        """The learned answer of every category whose decision is not ``cue``, from one score
        matrix of the contract's ``sentences`` (at ``spans``) and the lexicon's matches."""
        active = [c for c in self.categories if self.decisions[c].mode != "cue"]
        if not active:
            return {}
        z = self.scores(sentences)
        out: dict[str, Learned] = {}
        for j, cat in enumerate(self.categories):
            d = self.decisions[cat]
            if d.mode == "cue":
                continue
            col = z[:, j] if len(z) else np.zeros(0, dtype=np.float32)
            best = float(col.max()) if len(col) else -np.inf
            fired = best >= d.threshold
            cue = bool(cue_spans.get(cat))
            present = {"clf": fired, "or": fired or cue, "and": fired and cue}[d.mode]
            p = d.probability(best) if np.isfinite(best) else 0.0
            if not present:
                out[cat] = Learned(False, (), 1.0 - p)
                continue
            if fired:
                order = np.argsort(-col, kind="stable")
                top = [int(i) for i in order[:MAX_EVIDENCE] if col[i] >= d.threshold]
                out[cat] = Learned(True, tuple(spans[i] for i in top), p)
            else:  # "or" through the lexicon alone
                out[cat] = Learned(True, tuple(cue_spans[cat][:MAX_EVIDENCE]), max(p, 0.5))
        return out


def _ngrams(words: list[str], ngram_range: tuple[int, ...]) -> list[str]:
    """The terms of a token list, as ``TfidfFeatures.analyze`` builds them (1-2-grams)."""
    lo, hi = ngram_range
    if (lo, hi) not in ((1, 1), (1, 2)):
        raise ValueError(f"n-gram range {ngram_range} is not supported")
    if hi == 1:
        return list(words)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def write_answer_model(
    json_path: Path,
    categories: Sequence[str],
    decisions: dict[str, Decision],
    terms: Sequence[str],
    idf: np.ndarray,
    tfidf_params: dict[str, Any],
    weights: np.ndarray,
    intercept: np.ndarray,
    meta: dict[str, Any],
    context: int = 0,
) -> Path:
    """Write the model as ``json_path`` + its ``.npz`` (weights as float16); return the JSON."""
    if any("\n" in t for t in terms):
        raise ValueError("a TF-IDF term holds a newline; the artefact cannot store it")
    npz = json_path.with_suffix(".npz")
    write_npz(
        npz,
        {
            "terms": np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8),
            "idf": np.asarray(idf, dtype=np.float32),
            "weights": np.asarray(weights, dtype=np.float16),
            "intercept": np.asarray(intercept, dtype=np.float32),
        },
    )
    doc = {
        "kind": KIND,
        "version": VERSION,
        "categories": list(categories),
        "decisions": {
            c: {"mode": d.mode, "threshold": d.threshold, "platt": list(d.platt)}
            for c, d in decisions.items()
        },
        "tfidf_params": tfidf_params,
        "context": context,
        "meta": meta,
        "arrays": {"file": npz.name, "sha256": sha256_of(npz), "bytes": npz.stat().st_size},
    }
    json_path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return json_path


def read_answer_model(json_path: str | Path) -> AnswerModel:
    """The model written by :func:`write_answer_model`, after checking the npz's sha256.

    Raises :class:`ModelNotFound` when a file is missing and :class:`ContractAnalyzerError`
    naming the file when it is damaged, altered or not an answer model.
    """
    json_path = Path(json_path)
    if not json_path.is_file():
        raise ModelNotFound(json_path, "CUAD answer model not found (see models/README.md)")
    try:
        doc = json.loads(json_path.read_text(encoding="utf-8"))
        if doc.get("kind") != KIND or doc.get("version") != VERSION:
            raise ValueError("not a CUAD answer model of a known version")
        npz = json_path.parent / Path(str(doc["arrays"]["file"])).name
        expected = str(doc["arrays"]["sha256"])
        categories = [str(c) for c in doc["categories"]]
        context = int(doc["context"])
        decisions = {
            c: Decision(str(v["mode"]), float(v["threshold"]), tuple(map(float, v["platt"])))
            for c, v in doc["decisions"].items()
        }
        if set(decisions) != set(categories) or any(
            d.mode not in MODES for d in decisions.values()
        ):
            raise ValueError("decisions do not match the categories")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ContractAnalyzerError(json_path, f"cannot read CUAD answer model: {exc}") from exc
    check_arrays(
        npz,
        expected,
        json_path,
        "CUAD answer model arrays",
        "python -m contract_analyzer.check.answers.training",
    )
    try:
        with np.load(npz, allow_pickle=False) as data:
            terms = bytes(data["terms"]).decode("utf-8").split("\n")
            weights, intercept, idf = data["weights"], data["intercept"], data["idf"]
        if weights.shape != (len(terms), len(categories)) or intercept.shape != (len(categories),):
            raise ValueError(f"weights of shape {weights.shape} do not fit the vocabulary")
        tfidf = TfidfFeatures(terms, idf, doc["tfidf_params"])
    except Exception as exc:  # a zip, npy header or layout problem despite a matching hash
        raise ContractAnalyzerError(npz, f"cannot read CUAD answer model arrays: {exc}") from exc
    return AnswerModel(categories, decisions, tfidf, weights, intercept, json_path, context)


def answer_model_path() -> Path:
    """The shipped model's JSON file (``models/cuad_answers.json``)."""
    return models_dir() / f"{MODEL_STEM}.json"


@lru_cache(maxsize=4)
def _load(path: Path) -> AnswerModel:
    return read_answer_model(path)


def load_answer_model(path: str | Path | None = None) -> AnswerModel:
    """The model at ``path`` (default: the shipped one), read once per process."""
    return _load(Path(path) if path is not None else answer_model_path())
