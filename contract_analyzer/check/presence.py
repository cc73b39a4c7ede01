"""Contract-level presence: does the contract hold a component, on real evidence?

One clause at :data:`PRESENT_CONFIDENCE` or more (``Clause.confidence`` is calibrated: about
the share of such clauses that are right) makes its type present; weaker clauses count only
together: :data:`SUPPORT_REGIONS` separate regions (not touching) of at least
:data:`SUPPORT_CONFIDENCE` each. One weak region never makes a component present. The support
bar is low because the types without CUAD spans (service levels, data protection, scope) get
low confidences even in contracts that are about them (their calibration comes from texts
other than contracts).
``component_status`` combines this with the checker's findings into the report's statuses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from contract_analyzer.check.finding import Finding
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

PRESENT_CONFIDENCE = 0.5
# measured on the templates (bench/eval_tagging.py --presence): 0.2 or 0.3 here cut absent-claimed-
# present only from 0.279 to 0.234 / 0.225 and lost every data_protection present (found 0.982 ->
# 0.901): data_protection's calibrated confidence tops out near 0.19, so a bar must be per type
SUPPORT_CONFIDENCE = 0.05
SUPPORT_REGIONS = 2
ABSENT = "absent-not-required"


def _regions(clauses: Sequence[Clause]) -> list[tuple[int, int, float]]:
    """(start, end, best confidence) of the clauses' spans, touching ones merged."""
    out: list[list] = []
    for c in sorted(clauses, key=lambda c: (c.start, c.end)):
        text = c.document.text if c.document is not None else ""
        if out and (c.start <= out[-1][1] or not text[out[-1][1] : c.start].strip()):
            out[-1][1] = max(out[-1][1], c.end)
            out[-1][2] = max(out[-1][2], c.confidence)
        else:
            out.append([c.start, c.end, c.confidence])
    return [(s, e, p) for s, e, p in out]


def is_present(clauses: Iterable[Clause], component: str) -> bool:
    """True when the clauses of ``component`` are real evidence of it (see module doc)."""
    regions = _regions([c for c in clauses if c.type == component])
    if any(p >= PRESENT_CONFIDENCE for _, _, p in regions):
        return True
    return sum(p >= SUPPORT_CONFIDENCE for _, _, p in regions) >= SUPPORT_REGIONS


def present_components(clauses: Sequence[Clause]) -> frozenset[str]:
    """Every taxonomy id the clauses show present."""
    return frozenset(t for t in {c.type for c in clauses} if is_present(clauses, t))


def component_status(clauses: Sequence[Clause], findings: Sequence[Finding]) -> dict[str, str]:
    """Every taxonomy component: present, weak, missing or absent-not-required.

    The checker's findings decide the playbook's components (weak, missing or present); any
    other component is present when :func:`is_present` says so, else absent-not-required.
    """
    status: dict[str, str] = {}
    present = present_components(clauses)
    by_component: dict[str, set[str]] = {}
    for f in findings:
        by_component.setdefault(f.component, set()).add(f.status)
    for comp in CLAUSE_TYPE_IDS:
        seen = by_component.get(comp, set())
        if "weak" in seen:
            status[comp] = "weak"
        elif "missing" in seen:
            status[comp] = "missing"
        elif "present" in seen or comp in present:
            status[comp] = "present"
        else:
            status[comp] = ABSENT
    drafting = by_component.get("drafting", set())
    status["drafting"] = "weak" if "weak" in drafting else "present"
    return status
