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


# Two short contracts for the cue categories: every sentence of the first uses a category's
# words without its legal concept (lists of employees, survival, the control definition,
# "reorganization" among bankruptcy events, a heading, "royalty-free", "sole and exclusive
# remedy"); the second
# states each concept plainly.
LOOKALIKES = """SERVICES AGREEMENT

This Services Agreement is made between Alpha Corp. ("Alpha") and Beta LLC ("Beta").

1. Confidentiality. Each party shall not disclose Confidential Information except to its \
officers, directors, employees, consultants and contractors who need to know it.

2. Indemnity. Alpha shall indemnify Beta and its officers, employees and agents against \
third party claims.

3. Affiliates. "Control" means the ownership of more than fifty percent (50%) of the voting \
shares of an entity.

4. Reorganization. Either party may terminate this Agreement if the other party files a \
petition for reorganization or makes an assignment for the benefit of creditors.

5. Effect of Termination. Upon termination of this Agreement, all licenses shall terminate \
and Beta shall cease all use of the Alpha marks. Sections 1 and 2 shall survive any \
termination of this Agreement.

6. License. Alpha grants Beta a non-exclusive, royalty-free license to use the Alpha \
marks during the term.

7. Third Party Beneficiaries. This Agreement is for the sole benefit of the parties and \
there are no third party beneficiaries.

8. Remedies. Repair or replacement is Beta's sole and exclusive remedy. Notwithstanding \
the foregoing, nothing herein shall prevent Beta from seeking injunctive relief.
"""

CONCEPTS = """SUPPLY AGREEMENT

This Supply Agreement is made between Alpha Corp. ("Alpha") and Beta LLC ("Beta").

1. Non-Solicitation. During the term and for one year thereafter, neither party shall \
solicit or hire any employee of the other party.

2. Transition. Upon termination of this Agreement, Alpha shall provide transition \
assistance to Beta for ninety (90) days.

3. Change of Control. Beta may terminate this Agreement upon written notice if Alpha \
undergoes a change of control.

4. Pricing. Alpha shall sell the Products to Beta on terms no less favorable than those \
offered to any other customer of Alpha.

5. Beneficiaries. Gamma Inc. is an intended third-party beneficiary of Section 4.

6. Right of First Refusal. If Alpha wishes to sell the Plant, Alpha shall first offer the \
Plant to Beta.

7. Exclusivity. Beta shall purchase the Products exclusively from Alpha, except that Beta \
may purchase Products from third parties if Alpha cannot supply them.
"""


def _cue_answers(text: str) -> dict[str, bool]:
    from contract_analyzer.pipeline import analyze

    report = analyze(text.encode("utf-8"))
    return {a.category: a.present for a in report.answers}


def test_cue_categories_need_the_legal_concept_not_its_words() -> None:
    """Employees in a confidentiality list, a survival clause, the control definition, a
    reorganization among bankruptcy events, a 'no third party beneficiaries' clause,
    'royalty-free' and 'sole and exclusive remedy' answer nothing."""
    present = _cue_answers(LOOKALIKES)
    for cat in (
        "no_solicit_of_employees",
        "post_termination_services",
        "change_of_control",
        "third_party_beneficiary",
        "revenue_profit_sharing",
        "exclusivity",
        "most_favored_nation",
        "rofr_rofo_rofn",
        "competitive_restriction_exception",  # an exception, but to no competitive restriction
    ):
        assert not present[cat], cat


def test_cue_categories_found_when_the_concept_is_stated() -> None:
    present = _cue_answers(CONCEPTS)
    for cat in (
        "no_solicit_of_employees",
        "post_termination_services",
        "change_of_control",
        "most_favored_nation",
        "third_party_beneficiary",
        "rofr_rofo_rofn",
        "exclusivity",
        "competitive_restriction_exception",
    ):
        assert present[cat], cat
