"""ClauseTagger: a multi-label clause classifier following scikit-learn's estimator conventions.

Features are TF-IDF n-grams and/or sentence embeddings (static model2vec vectors distilled
from all-MiniLM-L6-v2, or all-MiniLM-L6-v2 itself); one logistic regression per taxonomy id
(one-vs-rest), each trained only on the texts whose label for that id is known, and a
threshold per id. The fitted model is saved with skops (never pickle) in ``models/`` and
converted, with skops's validation, into a plain-data artefact (``clause_tagger.json`` +
``.npz``) that loads without skops (:mod:`~contract_analyzer.tagging.convert`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.utils.validation import check_is_fitted

from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.resources import models_dir
from contract_analyzer.tagging import features as F
from contract_analyzer.tagging.inference import TaggerInference, restore_fitted
from contract_analyzer.tagging.model_files import (
    artefact_file,
    check_format,
    model_file,
    model_path,
)
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS, check_clause_type
from contract_analyzer.validate import check_texts

__all__ = ["ClauseTagger", "artefact_file", "model_file"]  # file names: see model_files

STATIC_DIR = "static-minilm"
FORMAT_VERSION = 2  # 2: calibrators per type; 1 (no calibration) still loads


class ClauseTagger(TaggerInference, ClassifierMixin, BaseEstimator):
    """Multi-label clause-type classifier: texts in, taxonomy ids with scores out.

    Parameters
    ----------
    features: "+"-joined feature kinds among ``tfidf``, ``static`` and ``minilm``.
    C: inverse regularisation strength of each logistic regression.
    min_positives: a type needs this many positive texts to get a classifier.
    max_tfidf_features: vocabulary size of the TF-IDF block.
    static_path: folder of the model2vec model (default: ``models/static-minilm``).
    solver: "sgd" (averaged SGD on the logistic loss, fast) or a LogisticRegression solver
        ("lbfgs", "liblinear").
    random_state: seed of the solver (the fit is deterministic).
    """

    def __init__(
        self,
        features: str = "tfidf+static",
        C: float = 0.5,
        min_positives: int = 5,
        max_tfidf_features: int = 40_000,
        static_path: str | None = None,
        solver: str = "sgd",
        random_state: int = 0,
    ) -> None:
        self.features = features
        self.C = C
        self.min_positives = min_positives
        self.max_tfidf_features = max_tfidf_features
        self.static_path = static_path
        self.solver = solver
        self.random_state = random_state

    # ------------------------------------------------------------------ features
    def _kinds(self) -> tuple[str, ...]:
        kinds = tuple(k for k in self.features.split("+") if k)
        bad = [k for k in kinds if k not in F.FEATURE_KINDS]
        if bad or not kinds:
            raise ValueError(f"unknown feature kinds {bad}; use {'+'.join(F.FEATURE_KINDS)}")
        return kinds

    def _static_dir(self) -> Path:
        return Path(self.static_path) if self.static_path else models_dir() / STATIC_DIR

    def transform(
        self,
        texts: Sequence[str],
        fit: bool = False,
        embeddings: dict[str, np.ndarray] | None = None,
    ):
        """The feature matrix (CSR) of ``texts``; ``fit`` fits the TF-IDF vocabulary first.

        ``embeddings`` may hold precomputed dense blocks ("static", "minilm") for ``texts``.
        """
        texts = check_texts(texts)
        blocks = []
        for kind in self._kinds():
            if embeddings is not None and kind in embeddings:
                blocks.append(embeddings[kind])
                continue
            if kind == "tfidf":
                if fit:
                    self.tfidf_ = TfidfVectorizer(
                        ngram_range=(1, 2),
                        min_df=2,
                        max_df=0.5,
                        sublinear_tf=True,
                        strip_accents="unicode",
                        max_features=self.max_tfidf_features,
                        dtype=np.float32,
                    )
                    blocks.append(self.tfidf_.fit_transform(F.clip(texts)))
                    # the dropped-terms set is large and only for introspection (sklearn docs)
                    self.tfidf_.stop_words_ = None
                else:
                    blocks.append(self.tfidf_.transform(F.clip(texts)))
            elif kind == "static":
                blocks.append(F.embed_static(texts, self._static_dir()))
            else:
                blocks.append(F.embed_minilm(texts))
        return F.stack(blocks)

    def _linear_model(self):
        if self.solver == "sgd":
            # averaged SGD on the logistic loss (L2 strength alpha = 1e-5 / C): close to
            # LogisticRegression, much faster on 70,000 texts x 40,000 features; deterministic.
            return SGDClassifier(
                loss="log_loss",
                alpha=1e-5 / self.C,
                class_weight="balanced",
                average=True,
                max_iter=30,
                tol=1e-4,
                random_state=self.random_state,
            )
        return LogisticRegression(
            C=self.C,
            class_weight="balanced",
            solver=self.solver,
            max_iter=500,
            random_state=self.random_state,
        )

    # ------------------------------------------------------------------ estimator API
    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        known: Sequence[Sequence[str] | None] | None = None,
        embeddings: dict[str, np.ndarray] | None = None,
        sample_weight: Sequence[float] | None = None,
    ) -> ClauseTagger:
        """Fit one logistic regression per taxonomy id.

        ``labels[i]`` are the taxonomy ids of ``texts[i]`` (empty: a negative for every id).
        ``known[i]`` optionally restricts which ids text ``i`` vouches for (None: all);
        an id outside it is left out of that id's training. ``embeddings`` may pass
        precomputed dense blocks (see :meth:`transform`) so evaluations embed each text once.
        ``sample_weight`` weighs texts (e.g. hand-labelled sources above harvested ones), on
        top of the balanced class weights.
        """
        if len(texts) != len(labels):
            raise ValueError("texts and labels differ in length")
        for row in labels:
            for t in row:
                check_clause_type(t)
        X = self.transform(texts, fit=True, embeddings=embeddings)
        n = X.shape[0]
        Y = np.zeros((n, len(CLAUSE_TYPE_IDS)), dtype=bool)
        K = np.ones_like(Y)
        index = {t: j for j, t in enumerate(CLAUSE_TYPE_IDS)}
        for i, row in enumerate(labels):
            for t in row:
                Y[i, index[t]] = True
            if known is not None and known[i] is not None:
                K[i] = False
                for t in known[i]:
                    K[i, index[t]] = True
                K[i, Y[i]] = True
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        if weights is not None and len(weights) != n:
            raise ValueError("texts and sample_weight differ in length")
        classes, coefs, intercepts = [], [], []
        for j, type_id in enumerate(CLAUSE_TYPE_IDS):
            rows = np.flatnonzero(K[:, j])
            y = Y[rows, j]
            if y.sum() < self.min_positives or (~y).sum() < self.min_positives:
                continue
            with warnings.catch_warnings():
                # averaged SGD rarely meets its stopping tolerance; the average is the model
                warnings.simplefilter("ignore", ConvergenceWarning)
                model = self._linear_model().fit(
                    X[rows], y, sample_weight=None if weights is None else weights[rows]
                )
            classes.append(type_id)
            coefs.append(model.coef_[0].astype(np.float32))
            intercepts.append(float(model.intercept_[0]))
        if not classes:
            raise ValueError("no taxonomy id has enough positive and negative examples")
        self.classes_ = np.array(classes, dtype=object)
        self.coef_ = np.vstack(coefs)
        self.intercept_ = np.array(intercepts, dtype=np.float32)
        # 0.5 and no calibration until chosen on held-out scores (training.train sets them)
        self.thresholds_ = np.full(len(classes), 0.5, dtype=np.float32)
        self.calibration_: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.calibration_named_: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.n_features_in_ = X.shape[1]
        return self

    def _check_fitted(self) -> None:
        check_is_fitted(self, "coef_")

    def decision_function(
        self, texts: Sequence[str], embeddings: dict[str, np.ndarray] | None = None
    ) -> np.ndarray:
        """Log-odds per text and class (columns follow ``classes_``)."""
        check_is_fitted(self, "coef_")
        X = self.transform(texts, embeddings=embeddings)
        return np.asarray(X @ self.coef_.T, dtype=np.float64) + self.intercept_

    def score(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        sample_weight: Sequence[float] | None = None,
    ) -> float:
        """Micro-averaged F1 of the predicted label sets against ``labels`` (lists of taxonomy
        ids, as given to :meth:`fit`): the multi-label score scikit-learn's model selection
        maximises. ``sample_weight`` weighs texts."""
        from sklearn.metrics import f1_score
        from sklearn.preprocessing import MultiLabelBinarizer

        binarizer = MultiLabelBinarizer(classes=list(self.classes_))
        truth = binarizer.fit_transform([[t for t in ts if t in self.classes_] for ts in labels])
        guess = binarizer.transform([[c for c, _ in hits] for hits in self.predict(texts)])
        return float(
            f1_score(truth, guess, average="micro", sample_weight=sample_weight, zero_division=0)
        )

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> Path:
        """Write the fitted model as a skops file (embedding models are referenced, not copied)."""
        from contract_analyzer.tagging.skops_io import skops_io

        sio = skops_io()
        check_is_fitted(self, "coef_")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        params = self.get_params()
        params["static_path"] = None  # resolved beside the model file on load
        state = {
            "format_version": FORMAT_VERSION,
            "params": params,
            "classes": [str(c) for c in self.classes_],
            "coef": self.coef_,
            "intercept": self.intercept_,
            "thresholds": np.asarray(self.thresholds_, dtype=np.float32),
            "calibration": _calibration_state(getattr(self, "calibration_", {})),
            "calibration_named": _calibration_state(getattr(self, "calibration_named_", {})),
            "relative": np.asarray(
                getattr(self, "relative_", np.zeros(len(self.classes_))), dtype=np.float32
            ),
            "tfidf": _tfidf_state(getattr(self, "tfidf_", None)),
            "meta": dict(getattr(self, "meta_", {})),
        }
        sio.dump(state, path, compression=8)  # zipfile.ZIP_DEFLATED
        return path

    @classmethod
    def load(cls, path: str | Path | None = None, variant: str = "default") -> ClauseTagger:
        """Load a saved tagger (default: the shipped one in ``models/``); no network is used.

        ``path`` is a model file or a folder holding one; ``variant`` picks a shipped
        alternative (e.g. "accurate") when ``path`` is a folder or omitted. In a folder the
        plain-data artefact (``clause_tagger.json`` + ``.npz``, validated when it was built,
        see :mod:`~contract_analyzer.tagging.artefact`) is read; a folder holding only a
        ``.skops`` file (a model trained before the artefact existed) is read with skops and
        its trusted-type validation. A file path may name a ``.json``, ``.npz`` or ``.skops``.
        Raises :class:`ModelNotFound` naming the path looked in when the file is missing and
        :class:`ContractAnalyzerError` naming the file when it is damaged or altered.
        """
        file = model_path(Path(path) if path is not None else None, variant)
        if file.suffix == ".skops":
            state = _skops_state(file)
        else:
            from contract_analyzer.tagging.artefact import read_artefact

            state = read_artefact(file.with_suffix(".json"))
        return cls._from_state(state, file)

    @classmethod
    def _from_state(cls, state: dict, file: Path) -> ClauseTagger:
        """The fitted tagger from the state dict of :meth:`save` (read from ``file``)."""
        check_format(state, file)
        tagger = cls(**state["params"])
        if "static" in tagger._kinds():
            beside = file.parent / STATIC_DIR
            tagger.static_path = str(beside if beside.is_dir() else models_dir() / STATIC_DIR)
            F.static_model(tagger.static_path)  # fail now, naming the folder, if it is missing
        restore_fitted(tagger, state)
        if state.get("tfidf") is not None:
            tagger.tfidf_ = _tfidf_from_state(state["tfidf"])
        return tagger

    def __sklearn_tags__(self):  # multi-label output, string inputs
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.target_tags.multi_output = True
        return tags


def _skops_state(file: Path) -> dict:
    """The state dict of a skops file, loaded with skops's trusted-type validation (slow:
    about a second to import skops; the shipped model is read from its artefact instead)."""
    from contract_analyzer.tagging.skops_io import skops_io

    try:
        return skops_io().load(file, trusted=[])
    except Exception as exc:  # untrusted types or a damaged zip
        raise ContractAnalyzerError(file, f"cannot read clause tagger model: {exc}") from exc


def _tfidf_state(vectorizer: TfidfVectorizer | None) -> dict | None:
    """A fitted TF-IDF vectoriser as arrays: skops stores arrays fast, large dicts very slowly."""
    if vectorizer is None:
        return None
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    params = {
        k: v
        for k, v in vectorizer.get_params().items()
        if k in ("ngram_range", "sublinear_tf", "strip_accents", "lowercase", "norm", "use_idf")
    }
    params["ngram_range"] = list(params["ngram_range"])
    return {"terms": np.array(terms, dtype=str), "idf": vectorizer.idf_, "params": params}


def _tfidf_from_state(state: dict) -> TfidfVectorizer:
    """The vectoriser back from :func:`_tfidf_state` (same vocabulary, same idf weights)."""
    params = dict(state["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    terms = [str(t) for t in state["terms"]]
    vectorizer = TfidfVectorizer(
        vocabulary={t: i for i, t in enumerate(terms)}, dtype=np.float32, **params
    )
    vectorizer.idf_ = np.asarray(state["idf"], dtype=np.float64)
    return vectorizer


def _calibration_state(calibration: dict) -> dict:
    """Calibrators as plain arrays (skops loads them without trusting any type)."""
    return {
        str(t): [np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)]
        for t, (x, y) in calibration.items()
    }
