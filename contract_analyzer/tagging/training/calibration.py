"""Is ``Clause.confidence`` calibrated? Reliability of tagged clauses against CUAD spans.

A clause of one of the region types (:data:`regions.REGION_TYPES`) is *right* when the region
rule supports it (it holds 60% of an expert span of its type, or half of its words lie in one).
Clauses are binned by confidence (ten equal-width bins); the expected calibration error (ECE) is
the clause-weighted mean gap between a bin's mean confidence and its share of right clauses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from contract_analyzer.tagging.clause import Clause
from contract_analyzer.tagging.training.cuad import CuadContract
from contract_analyzer.tagging.training.regions import REGION_CATEGORIES, _supported, _Words

BINS = 10


@dataclass
class ClauseReliability:
    """(confidence, right) pairs of tagged clauses, per type."""

    pairs: dict[str, list[tuple[float, bool]]] = field(default_factory=dict)

    def add(self, contract: CuadContract, clauses: Sequence[Clause]) -> None:
        """Record each region-type clause of a tagged contract with whether it is right."""
        words = _Words(contract.document.text)
        spans = {
            t: [words.span(s.start, s.end) for s in contract.spans if s.category in cats]
            for t, cats in REGION_CATEGORIES.items()
        }
        for c in clauses:
            if c.type in spans:
                right = _supported(words.span(c.start, c.end), spans[c.type])
                self.pairs.setdefault(c.type, []).append((float(c.confidence), right))

    def summary(self) -> dict:
        """ECE and reliability bins per type and over all clauses."""
        out = {t: reliability(v) for t, v in sorted(self.pairs.items())}
        out["all"] = reliability([p for v in self.pairs.values() for p in v])
        return out


def reliability(pairs: Sequence[tuple[float, bool]]) -> dict:
    """ECE and per-bin (mean confidence, share right, count) of (confidence, right) pairs."""
    if not pairs:
        return {"ece": 0.0, "clauses": 0, "bins": []}
    conf = np.array([p for p, _ in pairs], dtype=np.float64)
    right = np.array([r for _, r in pairs], dtype=np.float64)
    idx = np.minimum((conf * BINS).astype(int), BINS - 1)
    bins, ece = [], 0.0
    for b in range(BINS):
        m = idx == b
        if not m.any():
            continue
        mc, acc, n = float(conf[m].mean()), float(right[m].mean()), int(m.sum())
        ece += n / len(conf) * abs(mc - acc)
        bins.append([round(mc, 3), round(acc, 3), n])
    return {"ece": round(ece, 4), "clauses": len(conf), "bins": bins}


def format_reliability(summary: dict) -> str:
    """ECE per type, and the reliability curve over all clauses, as text."""
    lines = ["calibration of Clause.confidence (right = supported by an expert span):"]
    for t, v in summary.items():
        lines.append(f"  {t:26s} ECE {v['ece']:.3f} over {v['clauses']} clauses")
    lines.append("  reliability, all types (mean confidence -> share right, clauses):")
    for mc, acc, n in summary.get("all", {}).get("bins", []):
        lines.append(f"    {mc:.2f} -> {acc:.2f} ({n})")
    return "\n".join(lines)
