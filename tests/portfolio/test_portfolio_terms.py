"""Reading liability caps and comparing terms: the cap sentences of the sample contracts, and
the portfolio views on the sample folder's batch tables."""

from __future__ import annotations

import pandas as pd
import pytest
from portfolio_support import AS_OF, SAMPLE_FILES

from contract_analyzer.check.cap_parse import is_cap_sentence
from contract_analyzer.check.caps import NO_CLAUSE, UNCAPPED, liability_cap
from contract_analyzer.check.finding import Finding
from contract_analyzer.facts import extract_facts
from contract_analyzer.portfolio.terms import compare_terms
from contract_analyzer.portfolio.views import coverage_matrix, deadlines
from contract_analyzer.tagging.clause import Clause

# limitation-of-liability text as the sample contracts word it (data/sample_contracts/source)
MSA_CAP = (
    "Cap. Subject to Section 12.4, each Party's total aggregate liability arising out of or in "
    "connection with this Agreement, whether in contract, tort (including negligence) or "
    "otherwise, is limited to an amount equal to the Fees paid and payable by Customer under "
    "this Agreement in the twelve (12) months immediately preceding the event giving rise to "
    "the claim."
)
DPA_CAP = (
    "As between the parties, the Processor's total aggregate liability arising out of or in "
    "connection with this DPA shall not exceed the greater of (a) two million euro "
    "(EUR 2,000,000) and (b) three (3) times the fees paid and payable under the Principal "
    "Agreement in the twelve (12) months before the event giving rise to the claim."
)
PO_CAP = (
    "Neither party is liable for any lost profits or for any incidental, special or "
    "consequential damages, except in respect of Seller's indemnity obligations. Except in "
    "respect of Seller's indemnity obligations and liability for personal injury, each party's "
    "total liability arising out of this Order shall not exceed two (2) times the total price "
    "stated on the face of this Order."
)
CONSULTING_CAP = (
    "Each party's total liability under this Agreement shall not exceed the total fees paid or "
    "payable to Consultant under this Agreement in the six (6) months before the event giving "
    "rise to the claim."
)
NOT_TO_EXCEED = (
    "Not-to-Exceed Amount. The Fees under this SOW shall not exceed US$180,000 without a Change "
    "Order signed by both parties."
)
EXCLUSION_ONLY = (
    "In no event shall either party be liable for any indirect, incidental, special or "
    "consequential damages, including lost profits."
)


def _cap(*clause_texts: str, rule_ids: tuple[str, ...] = ()):
    """The cap of a contract made of ``clause_texts``, each tagged limitation_of_liability."""
    text = "\n\n".join(clause_texts)
    clauses, pos = [], 0
    for part in clause_texts:
        clauses.append(Clause("limitation_of_liability", pos, pos + len(part), 0.9, "classifier"))
        pos += len(part) + 2
    findings = [Finding("limitation_of_liability", "weak", "high", "", r) for r in rule_ids]
    return liability_cap(text, extract_facts(text), clauses, findings)


def test_fees_of_a_period() -> None:
    cap = _cap(MSA_CAP)
    assert cap is not None and (cap.description, cap.months, cap.amount) == (
        "fees of 12 months",
        12.0,
        None,
    )
    assert MSA_CAP[cap.start : cap.end].startswith("Subject to Section 12.4")
    cap = _cap(CONSULTING_CAP)
    assert cap is not None and (cap.description, cap.months) == ("fees of 6 months", 6.0)


def test_greater_of_a_sum_and_a_multiple_of_fees() -> None:
    cap = _cap(DPA_CAP)
    assert cap is not None
    assert cap.description == "greater of 3x fees of 12 months or EUR 2,000,000"
    assert (cap.months, cap.amount, cap.currency) == (36.0, 2_000_000.0, "EUR")
    assert cap.evidence.startswith("As between the parties")


def test_multiple_of_the_price() -> None:
    cap = _cap(PO_CAP)
    assert cap is not None
    assert (cap.description, cap.months) == ("2x the contract price", None)
    assert "two (2) times" in cap.evidence  # the cap sentence, not the exclusion before it


def test_sentences_that_are_not_liability_caps() -> None:
    assert not is_cap_sentence(NOT_TO_EXCEED, 0, len(NOT_TO_EXCEED))
    assert not is_cap_sentence(EXCLUSION_ONLY, 0, len(EXCLUSION_ONLY))
    assert _cap(EXCLUSION_ONLY, NOT_TO_EXCEED) is None


def test_checker_verdicts_win() -> None:
    assert _cap(MSA_CAP, rule_ids=("liability.uncapped",)) is UNCAPPED
    assert _cap(rule_ids=("missing.limitation_of_liability",)) is NO_CLAUSE


def test_compare_one_contract_with_the_rest() -> None:
    terms = pd.DataFrame(
        {
            "file": ["a.pdf", "b.pdf", "c.pdf", "d.pdf"],
            "payment_days": [30.0, 30.0, 45.0, None],
            "notice_days": [180.0, 90.0, 60.0, None],
            "liability_cap_months": [12.0, 6.0, 36.0, 12.0],
        }
    )
    table = compare_terms(terms, "a.pdf")
    assert table.loc["notice_days", "position"] == "highest of the portfolio"
    assert table.loc["notice_days", "portfolio_median"] == 75.0
    assert table.loc["payment_days", "position"] == "of 2 others: 0 lower, 1 the same, 1 higher"
    assert table.loc["payment_days", "others_stating_it"] == 2
    assert table.loc["liability_cap_months", "this_contract"] == 12.0
    assert compare_terms(terms, "d.pdf").loc["payment_days", "position"] == "not stated"
    with pytest.raises(KeyError, match="e.pdf"):
        compare_terms(terms, "e.pdf")


def test_views_of_the_sample_folder(sample_portfolio) -> None:
    p = sample_portfolio
    matrix = coverage_matrix(p.contracts, drop_unused=False)
    assert sorted(matrix.index) == SAMPLE_FILES
    row = p.contracts.set_index("file").loc["c06_licence_ferrous_cascadia.docx"]
    assert matrix.loc["c06_licence_ferrous_cascadia.docx", "governing_law"] == "missing"
    assert row["status_governing_law"] == "missing"
    dates = deadlines(p.contracts, p.key_dates, as_of=AS_OF)
    notice = dates[dates["kind"] == "next_notice_deadline"].set_index("file")
    assert notice.loc["c02_saas_cobalt_silverline.pdf", "days_left"] == 20  # 2026-12-16
    assert "notice 180 days before" in notice.loc["c02_saas_cobalt_silverline.pdf", "derivation"]
    assert list(dates["date"]) == sorted(dates["date"])
    compared = p.compare("c02_saas_cobalt_silverline.pdf")
    assert compared.loc["notice_days", "this_contract"] == 180.0
    assert compared.loc["notice_days", "position"] == "highest of the portfolio"
    severities = p.severity_table()
    assert list(severities["score"]) == sorted(severities["score"])
