"""The decision rule: calibrated confidence per unit and type, and whether the unit gets the type.

A classifier score becomes a confidence through a per-type isotonic map fitted on held-out
scores of the tuning contracts (so a confidence of 0.8 is right about 80% of the time on them).
For types whose CUAD labels are independent of headings, a unit under a heading naming the type
has its own map, fitted on such units only: the heading is evidence that moves the confidence,
as much as it proved to be worth, never a verdict. For the other types (their training labels
come from headings) a naming heading lowers the bar to ``HEADING_FACTOR`` of the threshold.
A unit gets a type when its confidence reaches the type's threshold (chosen on the tuning part
for precision at a recall floor), unless the heading is vetoed (:func:`vetoes`) or the unit
defines terms (:func:`defining`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from contract_analyzer.segment import Unit

# a naming heading of a type without independent labels lets a unit be tagged at this share of
# the threshold (its classifier score must still agree somewhat)
HEADING_FACTOR = 0.25
# a heading is contradicted by a body whose raw classifier score for the type is below this
HEADING_FLOOR = 0.05


@dataclass(frozen=True)
class Calibrator:
    """A monotone map from classifier score to confidence (isotonic steps, interpolated)."""

    x: np.ndarray
    y: np.ndarray

    def __call__(self, p: np.ndarray) -> np.ndarray:
        return np.interp(p, self.x, self.y)


@dataclass(frozen=True)
class DecisionRule:
    """Per type: plain and heading calibrators, threshold; in the classifier's class order."""

    classes: tuple[str, ...]
    thresholds: np.ndarray
    plain: Mapping[str, Calibrator]
    named: Mapping[str, Calibrator]
    # per type, a unit is kept only when its confidence reaches this share of the document's
    # most confident unit of the type (0: off): a contract's clearest clause of a type makes
    # its faint echoes elsewhere less likely to be clauses of it
    relative: np.ndarray | None = None

    def decide(
        self,
        proba: np.ndarray,
        units: Sequence[Unit],
        in_definitions: Sequence[bool] | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(confidence, tagged, named) matrices, units x classes; ``named``: heading evidence
        that counted (a heading naming the type, not vetoed)."""
        proba = np.asarray(proba, dtype=np.float64)
        conf = np.array(proba, copy=True)
        defs = defining(in_definitions, len(units), self.classes)
        named = named_matrix(units, self.classes) & ~vetoes(proba, units, self.classes) & ~defs
        thr = np.asarray(self.thresholds, dtype=np.float64)[None, :]
        heading_rule = np.zeros(proba.shape, dtype=bool)
        for j, t in enumerate(self.classes):
            if t in self.plain:
                conf[:, j] = self.plain[t](proba[:, j])
            if t in self.named:
                rows = named[:, j]
                conf[rows, j] = self.named[t](proba[rows, j])
            else:
                heading_rule[:, j] = named[:, j]
        tagged = conf >= thr
        tagged |= heading_rule & (conf >= thr * HEADING_FACTOR)
        tagged &= ~defs
        if self.relative is not None:
            rel = np.asarray(self.relative, dtype=np.float64)
            best = np.where(tagged, conf, 0.0).max(axis=0, initial=0.0)
            tagged &= conf >= (rel * best)[None, :]
        return conf, tagged, named


def named_matrix(units: Sequence[Unit], classes: Sequence[str]) -> np.ndarray:
    """Units x classes: the unit's heading names the type."""
    col = {t: j for j, t in enumerate(classes)}
    named = np.zeros((len(units), len(classes)), dtype=bool)
    for i, unit in enumerate(units):
        for t in unit.heading:
            if t in col:
                named[i, col[t]] = True
    return named


def defining(flags: Sequence[bool] | None, n_units: int, classes: Sequence[str]) -> np.ndarray:
    """Units x classes: the unit lies in a definitions section, so it gets no other type.

    A definition ("1.4 Confidential Information. ... means ...") names a type without being a
    clause of it; the clause itself is elsewhere in the contract. ``flags`` come from
    :func:`contract_analyzer.tagging.headings.in_definitions`.
    """
    out = np.zeros((n_units, len(classes)), dtype=bool)
    if flags is None:
        return out
    rows = np.asarray(flags, dtype=bool)
    out[rows, :] = True
    if "definitions" in classes:
        out[rows, list(classes).index("definitions")] = False
    return out


def vetoes(proba: np.ndarray, units: Sequence[Unit], classes: Sequence[str]) -> np.ndarray:
    """Units x classes: heading evidence the body contradicts, so it does not count.

    - a body whose raw classifier score for the named type is below ``HEADING_FLOOR`` reads as
      nothing of that type (a title such as "Service Levels" over a signature line).
    """
    return np.asarray(proba) < HEADING_FLOOR
