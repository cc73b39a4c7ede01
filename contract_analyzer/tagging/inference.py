"""What a fitted tagger does with its log-odds: probabilities, the decision rule, predictions.

Shared by the scikit-learn estimator (:class:`~contract_analyzer.tagging.classifier.ClauseTagger`)
and the plain-numpy runtime tagger (:class:`~contract_analyzer.tagging.linear.LinearTagger`),
so both turn the same log-odds into the same output; neither needs scikit-learn here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from contract_analyzer.validate import check_texts

SCORE_DECIMALS = 4


def restore_fitted(tagger: object, state: dict) -> None:
    """Set the fitted attributes a saved state holds (classes, weights, thresholds,
    calibration, relative shares, meta) on ``tagger``: one reading for both taggers."""
    t: Any = tagger
    t.classes_ = np.array(state["classes"], dtype=object)
    t.coef_ = np.asarray(state["coef"], dtype=np.float32)
    t.intercept_ = np.asarray(state["intercept"], dtype=np.float32)
    t.thresholds_ = np.asarray(state["thresholds"], dtype=np.float32)
    t.calibration_ = calibration_from_state(state.get("calibration"))
    t.calibration_named_ = calibration_from_state(state.get("calibration_named"))
    if state.get("relative") is not None:
        t.relative_ = np.asarray(state["relative"], dtype=np.float64)
    t.n_features_in_ = t.coef_.shape[1]
    t.meta_ = state.get("meta", {})


def calibration_from_state(state: dict | None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per type, the (x, y) points of a saved calibration map."""
    return {
        str(t): (np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        for t, (x, y) in (state or {}).items()
    }


class TaggerInference:
    """Mixin over ``decision_function`` and the fitted ``classes_``, ``thresholds_``,
    ``calibration_``, ``calibration_named_`` (and optionally ``relative_``)."""

    classes_: np.ndarray
    thresholds_: np.ndarray

    def decision_function(
        self, texts: Sequence[str], embeddings: dict[str, np.ndarray] | None = None
    ) -> np.ndarray:  # pragma: no cover - defined by each tagger
        raise NotImplementedError

    def _check_fitted(self) -> None:
        """Raise when the tagger holds no fitted model (the estimator overrides this)."""

    def predict_proba(
        self, texts: Sequence[str], embeddings: dict[str, np.ndarray] | None = None
    ) -> np.ndarray:
        """Probability per text and class, rounded so results are reproducible bit for bit."""
        texts = check_texts(texts)
        if len(texts) == 0:
            return np.zeros((0, len(getattr(self, "classes_", ()))))
        z = self.decision_function(texts, embeddings=embeddings)
        return np.round(1.0 / (1.0 + np.exp(-z)), SCORE_DECIMALS)

    def decision_rule(self):
        """The :class:`~contract_analyzer.tagging.decision.DecisionRule` of this model:
        calibrated confidence per type (with heading evidence) and thresholds."""
        from contract_analyzer.tagging.decision import Calibrator, DecisionRule

        self._check_fitted()

        def maps(state: dict) -> dict:
            return {t: Calibrator(np.asarray(x), np.asarray(y)) for t, (x, y) in state.items()}

        return DecisionRule(
            classes=tuple(str(c) for c in self.classes_),
            thresholds=np.asarray(self.thresholds_, dtype=np.float64),
            plain=maps(getattr(self, "calibration_", {})),
            named=maps(getattr(self, "calibration_named_", {})),
            relative=getattr(self, "relative_", None),
        )

    def confidence(
        self, texts: Sequence[str], embeddings: dict[str, np.ndarray] | None = None
    ) -> np.ndarray:
        """Calibrated confidence per text and class for texts read without a heading."""
        proba = self.predict_proba(texts, embeddings=embeddings)
        rule = self.decision_rule()
        out = np.array(proba, dtype=np.float64)
        for j, t in enumerate(rule.classes):
            if t in rule.plain:
                out[:, j] = rule.plain[t](proba[:, j])
        return out

    def predict(
        self, texts: Sequence[str], embeddings: dict[str, np.ndarray] | None = None
    ) -> list[list[tuple[str, float]]]:
        """For each text, the ids whose calibrated confidence passes their threshold, best
        first."""
        proba = self.confidence(texts, embeddings=embeddings)
        out = []
        for row in proba:
            hits = [
                (str(c), float(p))
                for c, p, t in zip(self.classes_, row, self.thresholds_, strict=True)
                if p >= t
            ]
            out.append(sorted(hits, key=lambda h: (-h[1], h[0])))
        return out
