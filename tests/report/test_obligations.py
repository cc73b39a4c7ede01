"""Obligations on real contracts: the party by its defined name, the action, the deadline."""

from __future__ import annotations


def test_obligations_of_the_sample_msa(msa_report) -> None:
    obligations = msa_report.obligations
    parties = {o.party for o in obligations}
    assert {"Customer", "Supplier"} <= parties
    pay = [o for o in obligations if o.party == "Customer" and "invoice" in o.action and o.due]
    assert pay, "Customer's payment obligation with its deadline"
    assert any(o.due_days == 30 and "thirty (30) days" in o.due for o in pay)
    assert all(o.page is not None and o.start < o.end for o in obligations)
    assert all(not o.action.startswith(("mean ", "be entitled")) for o in obligations)


def test_obligations_resolve_party_names_from_the_preamble(msa_report) -> None:
    named = {o.party: o.party_name for o in msa_report.obligations if o.party_name}
    assert "Meridian Freight Systems" in named.get("Customer", "")
    assert "Kestrel Digital Services" in named.get("Supplier", "")


def test_prohibitions_are_negative_obligations(csa_report) -> None:
    negatives = [o for o in csa_report.obligations if o.negative]
    assert negatives and all(o.action.startswith("not ") for o in negatives)
    assert any(o.party == "Recipient" for o in negatives)
