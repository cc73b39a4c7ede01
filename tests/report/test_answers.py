"""report.answers: all 41 CUAD categories per contract, consistent with the findings."""

from __future__ import annotations

from pathlib import Path

from contract_analyzer.check.answers import CATEGORIES
from contract_analyzer.report.frames import ANSWER_COLUMNS


def test_every_category_answered_with_evidence(csa_report) -> None:
    answers = csa_report.answers
    assert [a.category for a in answers] == list(CATEGORIES) and len(answers) == 41
    for a in answers:
        assert 0.0 < a.confidence <= 1.0
        assert a.present == bool(a.evidence) or a.category in {"parties", "uncapped_liability"}
        for e in a.evidence:
            assert 0 <= e.start < e.end <= len(csa_report.document.text)
    cap = csa_report.answer("cap_on_liability")
    assert cap is not None and cap.present and cap.method == "rule"
    law = csa_report.answer("governing_law")
    assert law is not None and law.present
    assignment = csa_report.answer("anti_assignment")
    assert assignment is not None and assignment.present


def test_answers_agree_with_the_liability_findings(csa_report, msa_report, draft_report) -> None:
    for report in (csa_report, msa_report, draft_report):
        fired = {f.rule_id for f in report.issues}
        cap = report.answer("cap_on_liability")
        assert cap is not None
        if "liability.uncapped" in fired:
            assert not cap.present
        if report.liability_cap is not None and report.liability_cap.start is not None:
            assert cap.present
            assert any(e.start == report.liability_cap.start for e in cap.evidence)


def test_answers_frame_json_and_batch_columns(msa_report) -> None:
    frame = msa_report.answers_frame()
    assert list(frame["category"]) == list(CATEGORIES)
    assert frame["present"].dtype == bool
    data = msa_report.to_dict()
    assert [a["category"] for a in data["answers"]] == list(CATEGORIES)
    assert data["liability_cap"] is None or data["liability_cap"]["kind"]
    row = msa_report.to_frame().iloc[0]
    for column in ANSWER_COLUMNS:
        assert row[column] in (True, False)
    assert row["cuad_cap_on_liability"] == msa_report.answer("cap_on_liability").present


def test_contract_without_liability_clause(shared: Path) -> None:
    """A real contract's opening (parties, recitals, definitions): nothing limits liability,
    so cap_on_liability is answered False with no evidence, and nothing fails."""
    from contract_analyzer.pipeline import analyze

    name = "LUCIDINC_04_15_2011-EX-10.9-DISTRIBUTOR AGREEMENT.txt"
    text = (shared / "data" / "cuad" / "txt" / name).read_text(encoding="utf-8")
    head = text[: text.lower().find("liab")] if "liab" in text.lower() else text
    report = analyze(head[:4000].encode("utf-8"))
    cap = report.answer("cap_on_liability")
    assert cap is not None and not cap.present and cap.evidence == () and cap.value is None
    assert len(report.answers) == 41
    assert report.to_dict()["answers"][CATEGORIES.index("cap_on_liability")]["present"] is False
