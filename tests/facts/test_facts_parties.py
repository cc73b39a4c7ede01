"""Parties and defined terms from contract preambles (clean examples and real CUAD openings)."""

from __future__ import annotations

import contract_analyzer as ca
from contract_analyzer.facts import extract_defined_terms, extract_parties

PREAMBLE = (
    'MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement (the "Agreement") is entered '
    'into as of March 1, 2024 by and between Acme Corp., a Delaware corporation ("Supplier"), '
    "and Beta Holdings LLC, a New York limited liability company with offices at 1 Main Street "
    "(the \u201cCustomer\u201d).\n\nWHEREAS, Customer wishes to buy services;"
)


def test_preamble_parties_roles_and_descriptions() -> None:
    parties = extract_parties(PREAMBLE)
    assert [(p.name, p.role) for p in parties] == [
        ("Acme Corp.", "Supplier"),
        ("Beta Holdings LLC", "Customer"),
    ]
    assert parties[0].description == "a Delaware corporation"
    assert parties[1].description.startswith("a New York limited liability company")
    for p in parties:
        assert p.name in PREAMBLE[p.start : p.end]
    assert ca.extract_parties is extract_parties


def test_three_parties_and_the_agreement_is_not_a_party() -> None:
    text = (
        'This Agreement (the "Agreement") is made by and among Alpha Inc., a Texas corporation '
        '("Alpha"), Bravo GmbH, a German company ("Bravo"), and Charlie Ltd ("Charlie"). RECITALS'
    )
    assert [p.role for p in extract_parties(text)] == ["Alpha", "Bravo", "Charlie"]


def test_cover_page_labels() -> None:
    text = "Cooperation Agreement\n\nParty A: Beike Internet Co., Ltd.\n\nParty B: Baidu Online Co., Ltd.\n\n1. Scope"
    assert [(p.role, p.name) for p in extract_parties(text)] == [
        ("Party A", "Beike Internet Co., Ltd."),
        ("Party B", "Baidu Online Co., Ltd."),
    ]


def test_defined_terms() -> None:
    text = (
        PREAMBLE
        + ' "Confidential Information" means any information. The "Effective Date" shall mean March 1, 2024.'
    )
    terms = [t.term for t in extract_defined_terms(text)]
    assert terms[:3] == ["Agreement", "Supplier", "Customer"]
    assert "Confidential Information" in terms and "Effective Date" in terms


def test_no_preamble_no_parties() -> None:
    assert extract_parties("") == []
    assert extract_parties("Payment is due within 30 days.") == []


def test_real_cuad_preambles(shared) -> None:
    """Two real EDGAR contracts: parties with their defined roles as the preamble states them."""
    cuad = shared / "data" / "cuad" / "txt"
    text = (
        cuad / "GopageCorp_20140221_10-K_EX-10.1_8432966_EX-10.1_Content License Agreement.txt"
    ).read_text()
    got = [(p.name, p.role) for p in extract_parties(text)]
    assert got[:2] == [
        ("PSiTech Corporation", "Licensor"),
        ("Empirical Ventures, Inc.", "Licensee"),
    ]
    name = "IdeanomicsInc_20160330_10-K_EX-10.26_9512211_EX-10.26_Content License Agreement.txt"
    roles = {p.role: p.name for p in extract_parties((cuad / name).read_text())}
    assert roles["Licensee"] == "YOU ON DEMAND HOLDINGS, INC."
