"""The risk score: 100 for a contract with nothing to fix, lower with every issue.

Formula (documented in the report and the README)::

    score = round(100 * product over weak/missing findings of (1 - weight[severity]))
    weight = {high: 0.15, medium: 0.07, low: 0.03, info: 0.0}

Each issue takes away a share of what is left, so scores never go below 0, a contract with
many small issues is not flattened to 0, and the score is monotone: removing a finding or
lowering its severity (fixing it, fully or partly) can only raise the score or leave it equal.
Present components (severity ``info``) cost nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from contract_analyzer.check.finding import Finding

WEIGHTS: dict[str, float] = {"high": 0.15, "medium": 0.07, "low": 0.03, "info": 0.0}


def score(findings: Iterable[Finding]) -> int:
    """0-100; see the module docstring for the formula."""
    value = 100.0
    for f in findings:
        if f.status != "present":
            value *= 1.0 - WEIGHTS[f.severity]
    return int(round(value))
