"""The decision rule fitted on the tuning part of CUAD: calibration and per-type thresholds.

Everything here reads out-of-fold scores of the tuning contracts only (folds by contract); the
evaluation part (``regions.cuad_part``) and the held-out LEDGAR provisions are never seen.

- Calibration: per type an isotonic map from score to the share of right units, fitted on the
  CUAD units of the tuning contracts (for types whose CUAD labels do not come from headings:
  one map for units without a naming heading, one for units under one) or, for the other
  types, on every text whose label is known.
- Thresholds: for the region types (exhaustive CUAD categories), the tuning contracts are
  tagged with the calibrated out-of-fold scores at each point of a grid (threshold x share
  of the document's best unit), and the point with the best F1 of region precision and span
  recall (or, with a ``recall_floor``, the best precision at that floor) among those within
  ``PRESENCE_SLACK`` of the best presence F1 is kept (:func:`_best_point`); for the other
  types, the threshold with the best F1 over their known texts, at least
  ``MIN_OTHER_THRESHOLD``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.isotonic import IsotonicRegression

from contract_analyzer.tagging.decision import HEADING_FLOOR, Calibrator, DecisionRule
from contract_analyzer.tagging.training import labels as L
from contract_analyzer.tagging.training.cuad import CuadContract
from contract_analyzer.tagging.training.data import Example
from contract_analyzer.tagging.training.regions import (
    REGION_CATEGORIES,
    RegionTally,
    _Words,
)
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

GRID = (0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
RELATIVE = (0.0, 0.5, 0.75, 0.9)  # shares of the document's best unit (DecisionRule.relative)
# when no threshold keeps span recall at the floor, the floor becomes the best reachable recall
# less this slack (precision is then bought with at most this much recall)
RECALL_SLACK = 0.03
# a floor under the F1-best threshold of the types without exhaustive CUAD spans (0: none).
# 0.5 was tried: it cost the checker its SLA, SOW and DPA clauses on the sample contracts
MIN_OTHER_THRESHOLD = 0.0
PRESENCE_SLACK = 0.01  # grid points may cost at most this much presence F1 of the type's best
MIN_FIT_ROWS = 30  # a calibrator needs this many rows with both labels present


def heading_independent() -> frozenset[str]:
    """Types whose CUAD unit labels come from expert spans, not from headings."""
    return L.known_types("cuad")


def _isotonic(p: np.ndarray, y: np.ndarray) -> Calibrator | None:
    if len(p) < MIN_FIT_ROWS or y.all() or not y.any():
        return None
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(p, y.astype(float))
    x, v = np.asarray(iso.X_thresholds_), np.asarray(iso.y_thresholds_)
    return Calibrator(np.round(x, 6), np.round(v, 6))


def fit_calibrators(
    P: np.ndarray, Y: np.ndarray, K: np.ndarray, examples: Sequence[Example]
) -> tuple[dict[str, Calibrator], dict[str, Calibrator]]:
    """(plain, named) calibrators per type from out-of-fold scores (columns: taxonomy ids)."""
    independent = heading_independent()
    is_unit = np.array([e.source == "cuad-unit" for e in examples])
    defining = np.array([e.defining for e in examples])
    plain: dict[str, Calibrator] = {}
    named: dict[str, Calibrator] = {}
    for j, t in enumerate(CLAUSE_TYPE_IDS):
        heads = np.array([t in e.heading for e in examples]) & (P[:, j] >= HEADING_FLOOR)
        heads &= ~defining
        if t in independent:
            rows = is_unit & K[:, j] & ~heads & ~defining
            c = _isotonic(P[rows, j], Y[rows, j])
            if c is not None:
                plain[t] = c
            rows = is_unit & K[:, j] & heads
            c = _isotonic(P[rows, j], Y[rows, j])
            if c is not None:
                named[t] = c
        else:
            rows = K[:, j]
            c = _isotonic(P[rows, j], Y[rows, j])
            if c is not None:
                plain[t] = c
    return plain, named


@dataclass
class TuneSet:
    """The tuning contracts with their units, definitions flags and out-of-fold score rows."""

    contracts: Sequence[CuadContract]
    units: dict[str, list]
    defining: dict[str, list[bool]]
    rows: dict[str, np.ndarray]


def tally_at(
    tune: TuneSet,
    P: np.ndarray,
    rule: DecisionRule,
    categories: dict[str, tuple[str, ...]],
    words: dict[str, _Words] | None = None,
) -> RegionTally:
    """Region figures of the tuning contracts tagged with out-of-fold scores and ``rule``."""
    from contract_analyzer.tagging import tag_units

    tally = RegionTally(categories=categories)
    cols = [CLAUSE_TYPE_IDS.index(t) for t in rule.classes]
    for c in tune.contracts:
        units = tune.units[c.name]
        scores = P[tune.rows[c.name]][:, cols]
        conf, tagged, named = rule.decide(scores, units, tune.defining[c.name])
        clauses = tag_units(c.document, units, conf, tagged, rule.classes, named)
        tally.add(c, clauses, words=None if words is None else words[c.name])
    return tally


def choose_thresholds(
    tune: TuneSet,
    P: np.ndarray,
    Y: np.ndarray,
    K: np.ndarray,
    plain: dict[str, Calibrator],
    named: dict[str, Calibrator],
    recall_floor: float | None,
    log: Callable[[str], None] | None = None,
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Per-type thresholds and relative shares (taxonomy order), and the tuning figures at
    the chosen ones."""
    categories = dict(REGION_CATEGORIES)
    classes = tuple(CLAUSE_TYPE_IDS)
    region_classes = tuple(categories)
    words = {c.name: _Words(c.document.text) for c in tune.contracts}
    points = [(g, r) for r in RELATIVE for g in GRID]
    grid_figures = []
    for g, r in points:
        n = len(region_classes)
        rule = DecisionRule(region_classes, np.full(n, g), plain, named, np.full(n, r))
        grid_figures.append(tally_at(tune, P, rule, categories, words).summary()["per_type"])
        if log is not None and g == GRID[-1]:
            log(f"relative {r:.2f}: thresholds tried")
    thresholds = np.full(len(classes), 0.5)
    relative = np.zeros(len(classes))
    chosen: dict[str, dict] = {}
    for j, t in enumerate(classes):
        if t in categories:
            per = [f[t] for f in grid_figures]
            best = _best_point(per, recall_floor)
            floor = recall_floor
            thresholds[j], relative[j] = points[best]
            chosen[t] = {
                "threshold": points[best][0],
                "relative": points[best][1],
                "floor": floor,
                **per[best],
                "grid": [
                    [
                        g,
                        r,
                        round(f["region_precision"], 3),
                        round(f["span_recall"], 3),
                        round(f["presence_f1"], 3),
                    ]
                    for (g, r), f in zip(points, per, strict=True)
                ],
            }
        else:
            f1_best = _f1_threshold(P[:, j], Y[:, j], K[:, j], plain.get(t))
            thresholds[j] = max(f1_best, MIN_OTHER_THRESHOLD)
            chosen[t] = {"threshold": float(thresholds[j]), "f1_threshold": f1_best}
    return thresholds, relative, chosen


def _best_point(per: Sequence[dict], recall_floor: float | None) -> int:
    """Index of the chosen grid point of one type.

    Only points whose presence F1 is within ``PRESENCE_SLACK`` of the type's best count (the
    contract-level decision is what the checker reads). Among them, with a ``recall_floor``:
    the best region precision + presence F1 keeping span recall at the floor (or within
    ``RECALL_SLACK`` of the best reachable recall); without one (the default): the best
    F1 of region precision and span recall, so precision is bought with recall only while
    it gains more than it costs.
    """
    top = max(f["presence_f1"] for f in per)
    ok = [i for i, f in enumerate(per) if f["presence_f1"] >= top - PRESENCE_SLACK]
    if recall_floor is not None:
        reach = max(per[i]["span_recall"] for i in ok)
        floor = min(recall_floor, reach - RECALL_SLACK)
        ok = [i for i in ok if per[i]["span_recall"] >= floor]
        return max(ok, key=lambda i: (per[i]["region_precision"] + per[i]["presence_f1"], -i))

    def f1(f: dict) -> float:
        p, r = f["region_precision"], f["span_recall"]
        return 2 * p * r / (p + r) if p + r else 0.0

    return max(ok, key=lambda i: (f1(per[i]), per[i]["presence_f1"], -i))


def _f1_threshold(p: np.ndarray, y: np.ndarray, known: np.ndarray, cal) -> float:
    """The calibrated threshold with the best F1 over the known texts of one type."""
    p, y = p[known], y[known]
    if not y.any() or y.all():
        return 0.5
    conf = cal(p) if cal is not None else p
    best, best_f = 0.5, -1.0
    for g in GRID:
        hit = conf >= g
        tp = float((hit & y).sum())
        f = 2 * tp / (hit.sum() + y.sum()) if tp else 0.0
        if f > best_f:
            best, best_f = g, f
    return float(best)
