"""Key dates: THE effective date, expiry, renewal, notice deadline (rolled past renewals), with
arithmetic a person can check; on a synthetic SaaS contract and on real CUAD contracts."""

from __future__ import annotations

import datetime as dt

import pytest

import contract_analyzer as ca
from contract_analyzer.keydates import KeyDate, extract_key_dates
from contract_analyzer.tagging.clause import Clause

SAAS = """MASTER SUBSCRIPTION AGREEMENT

This Master Subscription Agreement is entered into as of February 15, 2024 (the "Effective Date") by and between Acme Corp., a Delaware corporation ("Supplier"), and Beta LLC, a New York limited liability company ("Customer").

1. Term. The initial term of this Agreement shall commence on the Effective Date and continue for thirty-six (36) months (the "Initial Term"). Thereafter, this Agreement shall automatically renew for successive twelve (12) month periods (each a "Renewal Term") unless either party gives written notice of non-renewal at least ninety (90) days prior to the end of the then-current term.

2. Fees. Customer shall pay the fees of $12,500 per month. Invoices are payable within thirty (30) days of receipt of invoice.

3. Confidentiality. The obligations in this Section 3 shall survive for five (5) years after termination or expiration of this Agreement.
"""


def by_kind(key_dates: list[KeyDate]) -> dict[str, KeyDate]:
    kinds = [k.kind for k in key_dates]
    assert len(kinds) == len(set(kinds)), kinds
    return {k.kind: k for k in key_dates}


def test_saas_contract_calendar() -> None:
    k = by_kind(extract_key_dates(SAAS, as_of=dt.date(2025, 1, 1)))
    assert k["effective_date"].date == dt.date(2024, 2, 15)
    assert k["agreement_date"].date == dt.date(2024, 2, 15)
    # the term's last day: the day before the third anniversary
    assert k["expiration_date"].date == dt.date(2027, 2, 14)
    assert k["expiration_date"].derivation == (
        "effective 2024-02-15 + 36 months - 1 day = 2027-02-14 (the term's last day)"
    )
    assert k["renewal_term"].value == "12 months" and k["renewal_term"].duration == "P12M"
    assert k["auto_renewal"].value == "yes"
    assert k["notice_period_to_terminate_renewal"].value == "90 days"
    assert k["notice_period_to_terminate_renewal"].duration == "P90D"
    deadline = k["next_notice_deadline"]
    assert deadline.date == dt.date(2026, 11, 16)
    assert "notice 90 days before 2027-02-14 = 2026-11-16" in deadline.derivation
    assert k["payment_due_period"].value == "30 days"
    assert k["survival_period"].value == "5 years"
    for kd in k.values():
        assert kd.text.strip() and SAAS[kd.start : kd.end].strip()
    assert ca.extract_key_dates is extract_key_dates


def test_a_deadline_already_past_is_rolled_forward() -> None:
    k = by_kind(extract_key_dates(SAAS, as_of=dt.date(2027, 1, 1)))
    deadline = k["next_notice_deadline"]
    # 2026-11-16 has passed: the contract renews to 2028-02-14, notice due 90 days before
    assert deadline.date == dt.date(2027, 11, 16)
    assert "after 1 renewal(s) the term ends 2028-02-14" in deadline.derivation
    later = by_kind(extract_key_dates(SAAS, as_of=dt.date(2031, 6, 1)))["next_notice_deadline"]
    assert later.date == dt.date(2031, 11, 16)


def test_deadline_on_the_as_of_day_is_still_open() -> None:
    k = by_kind(extract_key_dates(SAAS, as_of=dt.date(2026, 11, 16)))
    assert k["next_notice_deadline"].date == dt.date(2026, 11, 16)


def test_end_of_month_arithmetic_in_a_term() -> None:
    text = (
        "This Agreement is dated January 31, 2024. The term of this Agreement shall commence on "
        "January 31, 2024 and continue for one (1) month."
    )
    k = by_kind(extract_key_dates(text, as_of=dt.date(2024, 1, 1)))
    # Jan 31 + 1 month = Feb 29 (2024 is a leap year); the term's last day is the day before
    assert k["expiration_date"].date == dt.date(2024, 2, 28)
    assert "2024-01-31 + 1 month - 1 day = 2024-02-28" in k["expiration_date"].derivation


def test_stated_end_date_and_on_or_before() -> None:
    text = (
        "This Agreement is made as of June 1, 2020. This Agreement shall remain in effect until "
        "December 31, 2022. Fees are due on or before the fifteenth day of each month, and each "
        "invoice is payable net 45."
    )
    k = by_kind(extract_key_dates(text))
    assert k["expiration_date"].date == dt.date(2022, 12, 31)
    assert k["payment_due_period"].value == "45 days"
    assert k["auto_renewal"].value == "no" and "next_notice_deadline" not in k


OPENING = 'This Agreement is entered into as of March 18, 2010 (the "Effective Date"). '


@pytest.mark.parametrize(
    ("term_text", "expected"),
    [
        # the agreement's own term outranks a term mentioned in passing earlier on
        (
            "Licences sold under Section 2 shall have a term of at least one year. 6.1 Term. The term "
            "of this Agreement shall begin on the Effective Date and continue for three (3) years.",
            dt.date(2013, 3, 17),
        ),
        # "during the Term of this Agreement and for two years" is not the term's definition
        (
            "Records shall be kept during the Term of this Agreement and the two (2) year period "
            'thereafter. "Contract Period" shall mean the period from March 18, 2010 through '
            "December 31, 2012.",
            dt.date(2012, 12, 31),
        ),
        # a stated end date right after the length outranks the length
        (
            "Term: This Agreement shall have an Initial Term of three (3) years. The Term shall "
            "commence on March 15, 2010 and shall expire on March 14, 2013.",
            dt.date(2013, 3, 14),
        ),
        # "from the Effective Date to 31 July 2013": the date after "to" is the end
        (
            '"Term" means the end of the two year period from the Effective Date to 31 July 2013.',
            dt.date(2013, 7, 31),
        ),
        # a bare year: no date mention, still an end date
        ("This agreement will be in effect until the end of 2011.", dt.date(2011, 12, 31)),
        # an initial period that "may be renewed" is still the initial term
        (
            "This Agreement shall remain in force for an Initial Period of 1 year, which may be "
            "renewed by mutual consent.",
            dt.date(2011, 3, 17),
        ),
        # a post-term phrase before a colon does not hide the term after it
        (
            "Upon expiration of that 12 months, support continues as follows: The Initial Term of "
            "this Maintenance Agreement is twelve months, commencing on the Effective Date.",
            dt.date(2011, 3, 17),
        ),
        # an end written without the word "term"
        ("This Agreement shall be effective until December 31, 2014.", dt.date(2014, 12, 31)),
        ("The engagement under this Agreement shall end on June 30, 2012.", dt.date(2012, 6, 30)),
        ('"Termination Date" means September 30, 2013.', dt.date(2013, 9, 30)),
        # "from and including the date of this Agreement" counts from the start
        (
            "The term of this Agreement is three years from and including the date of this "
            'Agreement (the "Initial Term").',
            dt.date(2013, 3, 17),
        ),
    ],
)
def test_which_term_sentence_decides_the_expiry(term_text: str, expected: dt.date) -> None:
    k = by_kind(extract_key_dates(OPENING + term_text))
    assert k["expiration_date"].date == expected, k["expiration_date"].derivation


def test_perpetual_term_is_stated_not_dated() -> None:
    text = (
        "This Agreement is made as of June 1, 2020. The term of this Agreement shall commence on "
        "the Effective Date and shall continue in perpetuity unless terminated as provided herein."
    )
    exp = by_kind(extract_key_dates(text))["expiration_date"]
    assert exp.date is None and exp.value == "perpetual"
    evergreen = text.replace("in perpetuity unless terminated", "until terminated by either party")
    assert by_kind(extract_key_dates(evergreen))["expiration_date"].value == "evergreen"


def test_effective_date_tied_to_another_named_date() -> None:
    text = (
        "This Co-Branding Agreement is made the 30th day of June 1999. The launch date of the "
        "Co-Branded Site shall be September 1st, 1999 unless mutually extended. The term of this "
        'Agreement shall be for a period of two (2) years (the "Term"). The effective date of the '
        "start of the Term will be from the Launch Date."
    )
    k = by_kind(extract_key_dates(text))
    assert k["effective_date"].date == dt.date(1999, 9, 1)
    assert "Launch Date" in k["effective_date"].derivation
    assert k["expiration_date"].date == dt.date(2001, 8, 31)
    # the named date is nowhere in the document: unresolved, with the phrase as evidence
    alone = "This Agreement is made on June 30, 1999. This Agreement shall become effective on the Closing Date."
    eff = by_kind(extract_key_dates(alone))["effective_date"]
    assert eff.date is None and eff.value == "unresolved" and "Closing Date" in eff.text


def test_agreement_date_is_the_last_signature_when_executed_as_of_the_dates_below() -> None:
    text = (
        "SUPPLY AGREEMENT\n\nThis Supply Agreement is made between Acme Corp. and Beta LLC.\n\n"
        "1. Term. This Agreement continues for one (1) year from the Effective Date.\n\n"
        "IN WITNESS WHEREOF, the Parties have executed this Agreement as of the date below. "
        "Acme Corp. BY: /s/ A. Smith Date: 1/26/2020 Beta LLC BY: /s/ B. Jones Date: 1/27/2020"
    )
    k = by_kind(extract_key_dates(text))
    assert k["agreement_date"].date == dt.date(2020, 1, 27)
    assert k["effective_date"].date == dt.date(2020, 1, 27)


def test_a_term_that_ends_on_an_event_has_no_date() -> None:
    opening = 'This Servicing Agreement is entered into as of March 18, 2010 (the "Effective Date"). '
    for term in (
        "This Agreement shall continue in force until the earlier to occur of (i) the Owner no "
        "longer owns any Receivables and (ii) the delivery of written notice of termination.",
        "This Agreement shall expire if the Adviser ceases to serve as investment adviser to the Fund.",
    ):
        exp = by_kind(extract_key_dates(opening + term))["expiration_date"]
        assert exp.date is None and exp.value == "evergreen" and "event" in exp.derivation
    # a termination right is no end of the term
    right = opening + "This Agreement shall terminate upon thirty (30) days' written notice by either party."
    assert "expiration_date" not in by_kind(extract_key_dates(right))


def test_effective_date_is_the_defined_one_not_any_date() -> None:
    text = (
        'This Amendment is effective as of June 11, 2018 ("Amendment Effective Date") and amends '
        "that certain Manufacturing Agreement between Heritage and Premier dated July 1, 2017."
    )
    k = by_kind(extract_key_dates(text))
    assert k["effective_date"].date == dt.date(2018, 6, 11)
    assert k["agreement_date"].date == dt.date(2018, 6, 11)
    text = (
        'This Agreement is made as of March 29, 1999. "Effective Date" means the date of the last '
        "signature below. IN WITNESS WHEREOF the parties sign. By: /s/ A Date: April 2, 1999 "
        "By: /s/ B Date: April 5, 1999"
    )
    k = by_kind(extract_key_dates(text))
    assert k["agreement_date"].date == dt.date(1999, 3, 29)
    assert k["effective_date"].date == dt.date(1999, 4, 5)


def test_clauses_point_to_the_right_sentences() -> None:
    text = (
        "This Agreement is made as of January 1, 2024. "
        "The license term of each Order shall be two (2) years. "
        "Term of Agreement. This Agreement shall continue for a period of three (3) years."
    )
    term_at = text.index("Term of Agreement")
    clauses = [Clause("term_and_renewal", term_at, len(text), 0.9, "heading")]
    with_clauses = by_kind(extract_key_dates(text, clauses=clauses))
    assert with_clauses["expiration_date"].date == dt.date(2026, 12, 31)


def test_nothing_to_find() -> None:
    assert extract_key_dates("") == []
    assert extract_key_dates("The parties shall cooperate in good faith.") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "GopageCorp_20140221_10-K_EX-10.1_8432966_EX-10.1_Content License Agreement.txt",
            {"agreement_date": dt.date(2014, 2, 10), "effective_date": dt.date(2014, 2, 10),
             "expiration_date": dt.date(2019, 2, 10), "renewal_term": "3 years",
             "notice_period_to_terminate_renewal": "90 days"},
        ),
        (
            "TodosMedicalLtd_20190328_20-F_EX-4.10_11587157_EX-4.10_Marketing Agreement_ Reseller Agreement.txt",
            # CUAD answers 2023-12-20 (the anniversary); a 5-year term's last day is the day before
            {"effective_date": dt.date(2018, 12, 20), "expiration_date": dt.date(2023, 12, 19),
             "notice_period_to_terminate_renewal": "60 days"},
        ),
        (
            "EmeraldHealthBioceuticalsInc_20200218_1-A_EX1A-6 MAT CTRCT_11987205_EX1A-6 MAT CTRCT_Development Agreement.txt",
            {"effective_date": dt.date(2016, 9, 1), "expiration_date": dt.date(2018, 12, 31),
             "renewal_term": "2 years", "notice_period_to_terminate_renewal": "90 days"},
        ),
    ],
)  # fmt: skip
def test_real_cuad_contracts(shared, name: str, expected: dict) -> None:
    """Real EDGAR contracts against the CUAD expert answers for the same fields."""
    text = (shared / "data" / "cuad" / "txt" / name).read_text(encoding="utf-8")
    k = by_kind(extract_key_dates(text, as_of=dt.date(2021, 1, 1)))
    for kind, value in expected.items():
        got = k[kind].date if isinstance(value, dt.date) else k[kind].value
        assert got == value, (kind, k[kind])


def test_renewal_limited_to_one_additional_term(shared) -> None:
    """Gopage renews for "one (1) additional three (3) year period": once its last notice
    date has passed, no further deadline is invented."""
    name = "GopageCorp_20140221_10-K_EX-10.1_8432966_EX-10.1_Content License Agreement.txt"
    text = (shared / "data" / "cuad" / "txt" / name).read_text(encoding="utf-8")
    k = by_kind(extract_key_dates(text, as_of=dt.date(2021, 1, 1)))
    assert k["next_notice_deadline"].date == dt.date(2021, 11, 12)
    k = by_kind(extract_key_dates(text, as_of=dt.date(2022, 1, 1)))
    assert k["next_notice_deadline"].date is None and k["next_notice_deadline"].value == "none"
