"""The shipped TF-IDF + linear tagger in plain numpy, for inference without scikit-learn.

Why: importing scikit-learn (it pulls scipy.stats, pandas and pyarrow in) costs more than a
second and about 150 MB per process, more than the tagging itself; ``contract-analyzer
analyze`` only needs the fitted vectoriser's arithmetic and one matrix product. This module
repeats scikit-learn's arithmetic step for step, in the same dtypes and the same order
(``TfidfVectorizer.transform``: lower-case, strip accents, ``(?u)\\b\\w\\w+\\b`` tokens and
n-grams, counts as float32, ``log(tf) + 1``, times idf, row L2 norm summed in float64; then
the CSR x dense product accumulated in float32 term by term), so its log-odds are the same
bits; ``tests/tagging/test_linear.py`` checks that on real CUAD text. Models with embedding
features (``static``, ``minilm``) still go through :class:`ClauseTagger`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from contract_analyzer.tagging.features import clip
from contract_analyzer.tagging.inference import TaggerInference, restore_fitted
from contract_analyzer.validate import check_texts

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
SUPPORTED = {"lowercase": {True, False}, "strip_accents": {None, "unicode"}, "norm": {"l2", None}}


def strip_accents_unicode(s: str) -> str:
    """scikit-learn's ``strip_accents_unicode``: NFKD, combining marks dropped."""
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class TfidfFeatures:
    """A fitted ``TfidfVectorizer``'s transform from its vocabulary, idf and parameters."""

    def __init__(self, terms: Sequence[str], idf: np.ndarray, params: dict[str, Any]) -> None:
        for key, allowed in SUPPORTED.items():
            if params.get(key) not in allowed:
                raise ValueError(f"TF-IDF parameter {key}={params.get(key)!r} is not supported")
        self.vocabulary = {t: i for i, t in enumerate(terms)}
        self.idf = np.asarray(idf, dtype=np.float64) if params.get("use_idf", True) else None
        self.lowercase = bool(params["lowercase"])
        self.strip_accents = params["strip_accents"] == "unicode"
        self.ngram_range = tuple(int(n) for n in params["ngram_range"])
        self.sublinear_tf = bool(params["sublinear_tf"])
        self.norm = params["norm"]

    def analyze(self, doc: str) -> list[str]:
        """The terms of ``doc`` (tokens and n-grams), as ``build_analyzer()`` gives them."""
        if self.lowercase:
            doc = doc.lower()
        if self.strip_accents:
            doc = strip_accents_unicode(doc)
        tokens = TOKEN.findall(doc)
        lo, hi = self.ngram_range
        out = list(tokens) if lo == 1 else []
        for n in range(max(lo, 2), min(hi, len(tokens)) + 1):
            out += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return out

    def transform(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The TF-IDF matrix of ``texts`` as CSR arrays (data float32, indices, indptr), column
        indices sorted within each row."""
        vocabulary = self.vocabulary
        indices: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for doc in texts:
            row: dict[int, int] = {}
            for term in self.analyze(doc):
                j = vocabulary.get(term)
                if j is not None:
                    row[j] = row.get(j, 0) + 1
            for j in sorted(row):
                indices.append(j)
                counts.append(row[j])
            indptr.append(len(indices))
        cols = np.asarray(indices, dtype=np.int32)
        data = np.asarray(counts, dtype=np.intc).astype(np.float32)
        if self.sublinear_tf:
            np.log(data, data)
            data += 1.0
        if self.idf is not None:
            data *= self.idf[cols]
        ptr = np.asarray(indptr, dtype=np.int64)
        if self.norm == "l2":
            squares = (data * data).tolist()  # float32 products, summed in float64 in order
            for a, b in zip(ptr[:-1].tolist(), ptr[1:].tolist(), strict=True):
                total = 0.0
                for v in squares[a:b]:
                    total += v
                if total != 0.0:
                    data[a:b] = (data[a:b].astype(np.float64) / np.sqrt(total)).astype(np.float32)
        return data, cols, ptr


class LinearTagger(TaggerInference):
    """The fitted TF-IDF tagger without scikit-learn: same attributes, same outputs."""

    features = "tfidf"

    def __init__(self, state: dict[str, Any], source: Path) -> None:
        tfidf = state["tfidf"]
        self.source = source
        self.params = dict(state["params"])
        self.tfidf = TfidfFeatures(tfidf["terms"], tfidf["idf"], tfidf["params"])
        restore_fitted(self, state)
        self._weights = np.ascontiguousarray(self.coef_.T)  # one row of weights per term

    def get_params(self) -> dict[str, Any]:
        """The estimator parameters the model was fitted with (as ``ClauseTagger``'s)."""
        return dict(self.params)

    def decision_function(
        self, texts: Sequence[str], embeddings: dict[str, np.ndarray] | None = None
    ) -> np.ndarray:
        """Log-odds per text and class (columns follow ``classes_``); ``embeddings`` is
        accepted for ``ClauseTagger``'s signature and unused (TF-IDF only)."""
        texts = clip(check_texts(texts))
        data, cols, ptr = self.tfidf.transform(texts)
        return _product(data, cols, ptr, self._weights).astype(np.float64) + self.intercept_


def _product(data: np.ndarray, cols: np.ndarray, ptr: np.ndarray, w: np.ndarray) -> np.ndarray:
    """CSR (data, cols, ptr) x dense ``w`` as scipy computes it: per row, the terms' products
    added one after the other in float32 (here the k-th term of every row at step k)."""
    lengths = np.diff(ptr)
    z = np.zeros((len(lengths), w.shape[1]), dtype=np.float32)
    order = np.argsort(-lengths, kind="stable")  # rows still holding a k-th term come first
    starts, left = ptr[:-1][order], lengths[order]
    for k in range(int(lengths.max(initial=0))):
        n = int(np.count_nonzero(left > k))
        pos = starts[:n] + k
        z[order[:n]] += data[pos, None] * w[cols[pos]]
    return z


def load_tagger(path: str | Path | None = None, variant: str = "default"):
    """The saved tagger for inference (default: the shipped one), without scikit-learn when
    it can be: a TF-IDF artefact gives a :class:`LinearTagger`; a ``.skops`` file or a model
    with embedding features gives a :class:`ClauseTagger` (as ``ClauseTagger.load``).
    Same paths, variants and errors as ``ClauseTagger.load``."""
    from contract_analyzer.tagging.artefact import read_artefact
    from contract_analyzer.tagging.model_files import check_format, model_path

    file = model_path(Path(path) if path is not None else None, variant)
    if file.suffix != ".skops":
        state = read_artefact(file.with_suffix(".json"))
        check_format(state, file)
        if state["params"].get("features") == "tfidf" and state.get("tfidf") is not None:
            return LinearTagger(state, file)
    from contract_analyzer.tagging.classifier import ClauseTagger

    return ClauseTagger.load(file)
