"""The score: 0-100, documented formula, monotone (fixing a finding never lowers it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contract_analyzer.check.finding import SEVERITIES, SEVERITY_RANK, Finding
from contract_analyzer.check.score import WEIGHTS, score

findings_st = st.lists(
    st.builds(
        Finding,
        component=st.sampled_from(["scope_of_work", "payment_terms", "drafting", "termination"]),
        status=st.sampled_from(["present", "weak", "missing"]),
        severity=st.sampled_from(SEVERITIES),
        message=st.just("m"),
        rule_id=st.sampled_from(["a.b", "c.d", "missing.x"]),
    ),
    max_size=40,
)


@given(findings_st, st.data())
def test_fixing_a_finding_never_lowers_the_score(findings, data) -> None:
    base = score(findings)
    assert 0 <= base <= 100
    if not findings:
        assert base == 100
        return
    i = data.draw(st.integers(0, len(findings) - 1))
    removed = findings[:i] + findings[i + 1 :]
    assert score(removed) >= base  # the finding is fixed
    f = findings[i]
    milder = [s for s in SEVERITIES if SEVERITY_RANK[s] > SEVERITY_RANK[f.severity]]
    for severity in milder:  # partly fixed: a lower severity
        changed = (
            findings[:i]
            + [Finding(f.component, f.status, severity, f.message, f.rule_id)]
            + findings[i + 1 :]
        )
        assert score(changed) >= base
    present = (
        findings[:i]
        + [Finding(f.component, "present", "info", "ok", f.rule_id)]
        + findings[i + 1 :]
    )
    assert score(present) >= base


def test_formula_values() -> None:
    one = Finding("liability", "weak", "high", "m", "liability.uncapped")
    assert score([one]) == round(100 * (1 - WEIGHTS["high"]))
    assert score([one, one]) == round(100 * (1 - WEIGHTS["high"]) ** 2)
    assert score([Finding("x", "present", "info", "ok", "present.x")]) == 100
    assert WEIGHTS["high"] > WEIGHTS["medium"] > WEIGHTS["low"] > WEIGHTS["info"] == 0
