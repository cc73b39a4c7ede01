"""Liability caps parsed from real CUAD sentences: kind, amount or formula, period, party."""

from __future__ import annotations

from contract_analyzer.check.caps import liability_cap
from contract_analyzer.check.context import CheckContext
from contract_analyzer.check.rules import load_rules
from contract_analyzer.facts import extract_facts

IPASS = "IpassInc_20181203_8-K_EX-99.1_11445874_EX-99.1_Reseller Agreement.txt"
BEYONDCOM = "BEYONDCOMCORP_08_03_2000-EX-10.2-CO-HOSTING AGREEMENT.txt"
ENERGOUS = "ENERGOUSCORP_03_16_2017-EX-10.24-STRATEGIC ALLIANCE AGREEMENT.txt"
BELLICUM = "BELLICUMPHARMACEUTICALS,INC_05_07_2019-EX-10.1-Supply Agreement.txt"
LUCID = "LUCIDINC_04_15_2011-EX-10.9-DISTRIBUTOR AGREEMENT.txt"
HALITRON = "HALITRON,INC_03_01_2005-EX-10.15-SPONSORSHIP AND DEVELOPMENT AGREEMENT.txt"


def _cap(real, case_factory, name, start, end):
    doc, clauses = case_factory([(real.excerpt(name, start, end), ("limitation_of_liability",))])
    facts = extract_facts(doc)
    return doc, clauses, liability_cap(doc.text, facts, clauses)


def test_fees_of_a_look_back_period(real, case_factory) -> None:
    _, _, cap = _cap(
        real,
        case_factory,
        IPASS,
        "NOT TO EXCEED AN AMOUNT EQUAL TO",
        "THE FIRST EVENT GIVING RISE TO SUCH LIABILITY.",
    )
    assert cap is not None and cap.kind == "fees_period"
    assert cap.months == 6.0 and "six" in (cap.period or "").lower()
    assert cap.formula and "fees" in cap.formula


def test_twelve_months_of_product_prices(real, case_factory) -> None:
    _, _, cap = _cap(
        real,
        case_factory,
        BELLICUM,
        "IN NO ONE EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY",
        "THE EVENT GIVING RISE TO SUCH LIABILITY;",
    )
    assert cap is not None and cap.kind == "fees_period" and cap.months == 12.0


def test_fixed_amount(real, case_factory) -> None:
    _, _, cap = _cap(
        real,
        case_factory,
        BEYONDCOM,
        "10. LIMITATION OF LIABILITY.",
        "SHALL NOT EXCEED FIFTEEN MILLION DOLLARS.",
    )
    assert cap is not None and cap.kind == "fixed_amount"
    assert cap.amount == 15_000_000 and cap.currency == "USD"


def test_no_liability_for_any_amount_in_excess_of_what_was_received(real, case_factory) -> None:
    """ "shall Smith be liable to TDA ... for any amount in excess of the amounts actually
    received": a cap written without "exceed" or "limited to"."""
    _, _, cap = _cap(
        real,
        case_factory,
        HALITRON,
        "In no event (including, but not limited to, Smith's default hereunder)",
        "excluding the reimbursement of expenses.",
    )
    assert cap is not None and cap.kind != "none"
    assert cap.kind == "fees_multiple" and cap.formula == "fees"  # the amounts received: fees paid


def test_unparsed_amount_keeps_evidence_and_says_so(real, case_factory) -> None:
    doc, clauses, cap = _cap(
        real,
        case_factory,
        BELLICUM,
        "(b) EACH PARTY'S MAXIMUM LIABILITY FOR ANY DAMAGES",
        "SHALL BE LIMITED TO DIRECT AND ACTUAL DAMAGES.",
    )
    assert cap is not None and cap.kind == "unparsed"
    assert cap.start is not None and "liability" in cap.evidence.lower()
    hits = load_rules()["liability.cap_without_amount"](CheckContext(doc, clauses), {})
    assert hits and "could not be parsed" in hits[0].message
    assert hits[0].evidence and hits[0].evidence[0].start == cap.start


def test_redacted_amount_is_an_amount(real, case_factory) -> None:
    """A cap whose sum is blanked out in the filed copy ("[***]") names an amount: no finding
    that the cap has none."""
    doc, clauses, cap = _cap(
        real,
        case_factory,
        ENERGOUS,
        "provided that ENERGOUS' aggregate liability",
        "per occurrence of an Epidemic Defect.",
    )
    assert cap is not None and cap.kind == "redacted"
    assert cap.start is not None and "[***]" in cap.evidence
    assert cap.description == "amount redacted in this copy"
    hits = load_rules()["liability.cap_without_amount"](CheckContext(doc, clauses), {})
    assert not hits


def test_commissions_paid_are_a_fee_basis(real, case_factory) -> None:
    doc, clauses, cap = _cap(
        real,
        case_factory,
        "CreditcardscomInc_20070810_S-1_EX-10.33_362297_EX-10.33_Affiliate Agreement.txt",
        "Further, Chase's aggregate liability",
        "by Chase to Affiliate under this Agreement.",
    )
    assert cap is not None and cap.kind == "fees_multiple"
    assert cap.description == "fees paid or payable"


def test_exclusions_only_is_limited_but_not_capped(real, case_factory) -> None:
    doc, clauses, cap = _cap(
        real,
        case_factory,
        LUCID,
        "B) If this Agreement is terminated Lucid shall not be liable",
        "market development costs.",
    )
    ctx = CheckContext(doc, clauses)
    assert cap is None  # no cap sentence
    assert ctx.liability.exclusions and not ctx.liability.caps and ctx.liability.limited


def test_carve_outs_are_parsed_apart(case_factory) -> None:
    text = (
        "EXCEPT FOR A PARTY'S INDEMNIFICATION OBLIGATIONS, BREACH OF CONFIDENTIALITY OR GROSS "
        "NEGLIGENCE, IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY EXCEED THE FEES PAID "
        "BY CUSTOMER IN THE TWELVE (12) MONTHS PRECEDING THE CLAIM."
    )
    doc, clauses = case_factory([(text, ("limitation_of_liability",))])
    cap = liability_cap(doc.text, extract_facts(doc), clauses)
    assert cap is not None and cap.kind == "fees_period" and cap.months == 12.0
    assert cap.party == "either party"
    assert set(cap.carve_outs) >= {"indemnity", "confidentiality", "gross_negligence"}
