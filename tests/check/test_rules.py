"""Every shipped weakness rule, positive and negative, on real contract language.

Excerpts come from CUAD contracts (../shared/data/cuad/txt), the Common Paper / Bonterms
templates (../shared/data/templates/markdown) and the project's sample contract sources; each
excerpt is typed as the clause it is, so these tests pin the rules, not the tagger.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from contract_analyzer.check.rules import load_rules

DRIVEN = "DRIVENDELIVERIES,INC_05_22_2020-EX-10.4-CONSULTING AGREEMENT.txt"
CORAL = "CORALGOLDRESOURCES,LTD_05_28_2020-EX-4.1-CONSULTING AGREEMENT.txt"
LUCID = "LUCIDINC_04_15_2011-EX-10.9-DISTRIBUTOR AGREEMENT.txt"
IPASS = "IpassInc_20181203_8-K_EX-99.1_11445874_EX-99.1_Reseller Agreement.txt"
AGAPE = "AgapeAtpCorp_20191202_10-KA_EX-10.1_11911128_EX-10.1_Supply Agreement.txt"
AURA = "AURASYSTEMSINC_06_16_2010-EX-10.25-STRATEGIC ALLIANCE AGREEMENT.txt"
CHANGEPOINT = "CHANGEPOINTCORP_03_08_2000-EX-10.6-LICENSE AND HOSTING AGREEMENT.txt"
COOLTECH = "COOLTECHNOLOGIES,INC_10_25_2017-EX-10.71-Strategic Alliance Agreement.txt"
FREEZETAG = "FreezeTagInc_20180411_8-K_EX-10.1_11139603_EX-10.1_Sponsorship Agreement.txt"
BELLICUM = "BELLICUMPHARMACEUTICALS,INC_05_07_2019-EX-10.1-Supply Agreement.txt"
ENERGOUS = "ENERGOUSCORP_03_16_2017-EX-10.24-STRATEGIC ALLIANCE AGREEMENT.txt"
BEYONDCOM = "BEYONDCOMCORP_08_03_2000-EX-10.2-CO-HOSTING AGREEMENT.txt"
MPLX = "MPLXLP_06_17_2015-EX-10.1-TRANSPORTATION SERVICES AGREEMENT.txt"
RMR = "RMRGROUPINC_01_22_2020-EX-99.1-JOINT FILING AGREEMENT.txt"  # CUAD's shortest: 109 words
CSA = "templates/markdown/commonpaper-CSA/CSA.md"
PSA = "templates/markdown/commonpaper-PSA/psa.md"
SLA = "templates/markdown/commonpaper-SLA/sla.md"
NDA = "templates/markdown/commonpaper-Mutual-NDA/Mutual-NDA.md"
NDA_COVER = "templates/markdown/commonpaper-Mutual-NDA/Mutual-NDA-coverpage.md"
DPA = "templates/markdown/commonpaper-DPA/DPA.md"


@dataclass(frozen=True)
class Part:
    """An excerpt of a real contract (``start`` through ``end``) typed as ``types``."""

    source: str
    start: str
    end: str | None
    types: tuple[str, ...]
    length: int = 1500


@dataclass(frozen=True)
class Case:
    rule: str
    fires: bool
    parts: tuple[Part, ...]
    why: str
    params: tuple[tuple[str, object], ...] = ()


CASES: list[Case] = [
    # scope ------------------------------------------------------------------------------
    Case(
        "scope.no_deliverables",
        True,
        (Part(DRIVEN, "1.1. Services.", "in order to provide the Services.", ("scope_of_work",)),),
        "consulting services listed as activities, with no deliverables or acceptance",
    ),
    Case(
        "scope.no_deliverables",
        False,
        (Part(PSA, "Services 1. Providing Services.", "3. Change Orders.", ("scope_of_work",)),),
        "Common Paper PSA: SOW-based services with acceptance of deliverables",
    ),
    Case(
        "scope.vague_language",
        True,
        (Part(DRIVEN, "1.1. Services.", "in order to provide the Services.", ("scope_of_work",)),),
        "'as requested by the CEO from time to time', 'not limited to:'",
    ),
    Case(
        "scope.vague_language",
        False,
        (Part(PSA, "Services 1. Providing Services.", "2. Cooperation.", ("scope_of_work",)),),
        "PSA 1.1: services as described in the SOW, nothing open-ended",
    ),
    # service levels -----------------------------------------------------------------------
    Case(
        "sla.no_measurable_target",
        True,
        (
            Part(
                SLA,
                "Uptime 1. Target Uptime.",
                "measured in a calendar month.",
                ("service_levels",),
            ),
        ),
        "Common Paper SLA terms: the uptime target lives in the order form, not here",
    ),
    Case(
        "sla.no_measurable_target",
        False,
        (
            Part(
                "sample:c02_saas_cobalt_silverline.md",
                "Service Credits",
                None,
                ("service_levels",),
                900,
            ),
        ),
        "sample SaaS: availability percentages and credits",
    ),
    Case(
        "sla.no_remedy",
        True,
        (
            Part(
                "sample:c04_sla_quarrypeak_tidewater.md",
                "Consequences of Service Level Failures.",
                "entitle either party to terminate the Agreement.",
                ("service_levels",),
            ),
        ),
        "'No service credits ... apply' and no termination right",
    ),
    Case(
        "sla.no_remedy",
        False,
        (Part(SLA, "Remedies 1. Service Credit.", None, ("service_levels",), 700),),
        "Common Paper SLA: Uptime Credit",
    ),
    # min_commitments (the it_services playbook sets 1): the SLA rules judge only service
    # levels a party actually commits to, not a table row that merely names them
    *(
        Case(
            rule,
            True,
            (
                Part(
                    "sample:c12_msa_tessellate_draft.md",
                    "Support Response.",
                    "demands on Supplier's support team at the time.",
                    ("service_levels",),
                ),
                Part(
                    "sample:c12_msa_tessellate_draft.md",
                    "Patch management is carried out",
                    "may cause problems.",
                    ("service_levels",),
                ),
            ),
            "'reasonable efforts to respond ... promptly', 'within a few days': a commitment "
            "with no number and no remedy",
            (("min_commitments", 1),),
        )
        for rule in ("sla.no_measurable_target", "sla.no_remedy")
    ),
    *(
        Case(
            rule,
            False,
            (
                Part(
                    "sample:c01_msa_meridian_kestrel.md",
                    "8. Service levels |",
                    "measurement method and service credits. |",
                    ("service_levels",),
                ),
            ),
            "an MSA's order-form checklist row names service levels but commits to none",
            (("min_commitments", 1),),
        )
        for rule in ("sla.no_measurable_target", "sla.no_remedy")
    ),
    # payment ------------------------------------------------------------------------------
    Case(
        "payment.no_amount",
        True,
        (Part(CSA, "4. Payment & Taxes 1. Fees.", "Fees are non-refundable.", ("payment_terms",)),),
        "CSA 4.1 alone: currency and refunds, but no amount and no fee schedule",
    ),
    Case(
        "payment.no_amount",
        False,
        (Part(DRIVEN, "1.2 Compensation.", "$18,000 per month.", ("payment_terms",)),),
        "flat fee of $18,000 per month",
    ),
    Case(
        "payment.no_due_period",
        True,
        (
            Part(
                DRIVEN,
                "1.2 Compensation.",
                "general expense reimbursement policies.",
                ("payment_terms",),
            ),
        ),
        "'$18,000 per month' with no date by which it is paid",
    ),
    Case(
        "payment.no_due_period",
        False,
        (
            Part(
                CORAL,
                "3.1 The Company will pay the Consultant",
                "31st day of January, 2025",
                ("payment_terms",),
            ),
        ),
        "'payable on the last day of each month'",
    ),
    Case(
        "payment.no_late_terms",
        True,
        (
            Part(
                DRIVEN,
                "1.2 Compensation.",
                "general expense reimbursement policies.",
                ("payment_terms",),
            ),
        ),
        "nothing happens if the consultant is paid late",
    ),
    Case(
        "payment.no_late_terms",
        False,
        (
            Part(
                MPLX,
                "Late payments of undisputed amounts",
                "within fifteen (15) Days of the invoice date",
                ("payment_terms",),
            ),
        ),
        "late payments accrue interest",
    ),
    Case(
        "payment.due_period_too_short",
        True,
        (
            Part(
                MPLX,
                "Late payments of undisputed amounts",
                "within fifteen (15) Days of the invoice date",
                ("payment_terms",),
            ),
        ),
        "15 days from invoice < policy 30",
        (("min_days", 30),),
    ),
    Case(
        "payment.due_period_too_short",
        False,
        (
            Part(
                MPLX,
                "Late payments of undisputed amounts",
                "within fifteen (15) Days of the invoice date",
                ("payment_terms",),
            ),
        ),
        "15 days meets a policy of net 15",
        (("min_days", 15),),
    ),
    # renewal ------------------------------------------------------------------------------
    Case(
        "renewal.auto_no_opt_out",
        True,
        (
            Part(
                IPASS,
                "Every Business Entity Term automatically renews",
                "agreed to in writing between the parties.",
                ("term_and_renewal",),
            ),
        ),
        "renews unless both parties agree otherwise: no unilateral way out",
    ),
    Case(
        "renewal.auto_no_opt_out",
        False,
        (
            Part(
                "ENTERPRISEPRODUCTSPARTNERSLP_07_08_1998-EX-10.3-TRANSPORTATION CONTRACT.txt",
                "This contract shall be for a term of one year",
                "prior written notice to the other party.",
                ("term_and_renewal",),
            ),
        ),
        "continues until terminated by either party on 30 days' notice",
    ),
    Case(
        "renewal.auto_no_opt_out",
        False,
        (
            Part(
                "TubeMediaCorp_20060310_8-K_EX-10.1_513921_EX-10.1_Affiliate Agreement.txt",
                "If Affiliate fails to notify Network of its desire",
                'for an additional four (4) -year period ("Renewal Term").',
                ("term_and_renewal",),
            ),
        ),
        "renews only if the affiliate fails to give notice six months before expiry",
    ),
    Case(
        "renewal.auto_no_opt_out",
        False,
        (
            Part(
                "DIVERSINETCORP_03_01_2012-EX-4-RESELLER AGREEMENT.txt",
                "Upon expiration of the Initial Term, this Agreement shall automatically renew",
                "collectively, the \"Term\").",
                ("term_and_renewal",),
            ),
        ),
        "renews unless terminated by the reseller 60 days before expiry",
    ),
    Case(
        "renewal.auto_no_opt_out",
        False,
        (
            Part(
                CHANGEPOINT,
                "Thereafter, this Agreement shall automatically renew",
                "of its intention to terminate this Agreement.",
                ("term_and_renewal",),
            ),
        ),
        "notice at least 30 days before expiry",
    ),
    Case(
        "renewal.auto_no_opt_out",
        False,
        (
            Part(
                LUCID,
                "2. Term A) The initial term",
                "one (1) calendar year each.",
                ("term_and_renewal",),
            ),
            Part(
                LUCID,
                "C) Either party may terminate this agreement by providing",
                "Written Notice.",
                ("termination",),
            ),
        ),
        "auto-renews, but either party may terminate on ninety days' notice",
    ),
    Case(
        "renewal.opt_out_too_long",
        True,
        (Part(AGAPE, "1.2 Term", "other than breach of this agreement", ("term_and_renewal",)),),
        "six months' notice to stop a ten-year renewal > 90 days",
    ),
    Case(
        "renewal.opt_out_too_long",
        False,
        (
            Part(
                AURA,
                "upon the expiry of the Initial Term this Agreement shall automatically renew",
                "or any successive term thereafter.",
                ("term_and_renewal",),
            ),
        ),
        "ninety (90) days: at the policy maximum, not beyond",
    ),
    # termination --------------------------------------------------------------------------
    Case(
        "termination.no_notice_period",
        True,
        (
            Part(
                LUCID,
                "16. TERMINATION A) Either party may terminate",
                "ownership or management of the Distributor.",
                ("termination",),
            ),
        ),
        "termination 'by giving written Notice' with no period or cure",
    ),
    Case(
        "termination.no_notice_period",
        False,
        (
            Part(
                LUCID,
                "16. TERMINATION A) Either party may terminate",
                "Written Notice. 17.",
                ("termination",),
            ),
        ),
        "LUCID 16(C): ninety days written notice",
    ),
    Case(
        "termination.no_for_cause",
        True,
        (
            Part(
                COOLTECH,
                "This Agreement shall be automatically renewed",
                "advance written notice to the other party.",
                ("term_and_renewal", "termination"),
            ),
        ),
        "only mutual agreement or 60 days' notice: no exit for breach",
    ),
    Case(
        "termination.no_for_cause",
        False,
        (Part(CHANGEPOINT, "11.2 TERMINATION.", None, ("termination",), 500),),
        "material breach not cured within sixty days",
    ),
    Case(
        "termination.no_exit_assistance",
        True,
        (
            Part(
                LUCID,
                "17. EFFECT OF TERMINATION",
                "logos shall immediately cease.",
                ("termination",),
            ),
        ),
        "effects of termination without transition help or data return",
    ),
    Case(
        "termination.no_exit_assistance",
        False,
        (
            Part(
                "sample:c01_msa_meridian_kestrel.md",
                "Transition Assistance",
                None,
                ("termination",),
                800,
            ),
        ),
        "sample MSA: transition assistance and return of Customer Data",
    ),
    # confidentiality ------------------------------------------------------------------------
    Case(
        "confidentiality.no_duration",
        True,
        (
            Part(
                DRIVEN,
                "2.1. Definition of Confidential Information.",
                "then-contemporaneous written records.",
                ("confidentiality",),
            ),
            Part(
                DRIVEN,
                "2.2. Nonuse and Nondisclosure.",
                "maintain its confidentiality for all other purposes.",
                ("confidentiality",),
            ),
        ),
        "definition and non-use duty, without the sentence that makes them survive",
    ),
    Case(
        "confidentiality.no_duration",
        False,
        (
            Part(
                DRIVEN,
                "2.2. Nonuse and Nondisclosure.",
                "shall continue after the termination of this Agreement.",
                ("confidentiality",),
            ),
        ),
        "'obligations ... shall continue after the termination'",
    ),
    Case(
        "confidentiality.no_exclusions",
        True,
        (
            Part(
                FREEZETAG,
                "19. Confidentiality.",
                "with the exception of the Association Marks.",
                ("confidentiality",),
            ),
        ),
        "everything about the business is confidential, with no carve-outs",
    ),
    Case(
        "confidentiality.no_exclusions",
        False,
        (
            Part(
                CSA,
                "Confidentiality 1. Non-Use and Non-Disclosure.",
                "reference to Discloser’s Confidential Information.",
                ("confidentiality",),
            ),
        ),
        "Common Paper: known, public, third party, independently developed",
    ),
    # dispute ------------------------------------------------------------------------------
    Case(
        "dispute.no_method_or_venue",
        True,
        (
            Part(
                DRIVEN,
                "This Agreement shall be governed by the laws of the State of California",
                "without regard to the conflicts of law",
                ("governing_law",),
            ),
        ),
        "governing law only: no courts, no arbitration",
    ),
    Case(
        "dispute.no_method_or_venue",
        False,
        (
            Part(
                CSA,
                "Governing Law and Chosen Courts.",
                "exclusive jurisdiction of the Chosen Courts.",
                ("governing_law", "dispute_resolution"),
            ),
        ),
        "the Chosen Courts, exclusive jurisdiction",
    ),
    # liability ----------------------------------------------------------------------------
    Case(
        "liability.no_monetary_cap",
        True,
        (
            Part(
                LUCID,
                "B) If this Agreement is terminated Lucid shall not be liable",
                "market development costs.",
                ("limitation_of_liability",),
            ),
        ),
        "excludes consequential damages but caps nothing",
    ),
    Case(
        "liability.uncapped",
        True,
        (
            Part(
                "PelicanDeliversInc_20200211_S-1_EX-10.3_11975895_EX-10.3_Development Agreement2.txt",
                "10. Indemnification 10 1 CLIENT Client shall defend",
                "asserting a violation of any third party right.",
                ("limitation_of_liability",),
            ),
        ),
        "a clause read as the liability clause that neither caps nor excludes anything",
    ),
    Case(
        "liability.uncapped",
        False,
        (
            Part(
                LUCID,
                "B) If this Agreement is terminated Lucid shall not be liable",
                "market development costs.",
                ("limitation_of_liability",),
            ),
        ),
        "an exclusion of damages limits liability (CUAD's experts count it as a cap)",
    ),
    Case(
        "liability.uncapped",
        False,
        (
            Part(
                CSA,
                "Limitation of Liability 1. Liability Caps.",
                "the Increased Cap Amount.",
                ("limitation_of_liability",),
            ),
        ),
        "capped at the General Cap Amount",
    ),
    Case(
        "liability.no_monetary_cap",
        False,
        (
            Part(
                CSA,
                "Limitation of Liability 1. Liability Caps.",
                "the Increased Cap Amount.",
                ("limitation_of_liability",),
            ),
        ),
        "a cap on the amount is stated",
    ),
    Case(
        "liability.cap_without_amount",
        False,
        (
            Part(
                ENERGOUS,
                "provided that ENERGOUS' aggregate liability",
                "per occurrence of an Epidemic Defect.",
                ("limitation_of_liability",),
            ),
        ),
        "the cap amount is '[***]': redacted in the filed copy, so the contract names one (the cap "
        "reads kind 'redacted'; CUAD's experts count such caps as caps with an amount)",
    ),
    Case(
        "liability.cap_without_amount",
        True,
        (
            Part(
                BELLICUM,
                "(b) EACH PARTY'S MAXIMUM LIABILITY FOR ANY DAMAGES",
                "SHALL BE LIMITED TO DIRECT AND ACTUAL DAMAGES.",
                ("limitation_of_liability",),
            ),
        ),
        "the cap is 'direct and actual damages': no sum, multiple or fee formula",
    ),
    Case(
        "liability.cap_without_amount",
        False,
        (
            Part(
                BEYONDCOM,
                "10. LIMITATION OF LIABILITY.",
                "SHALL NOT EXCEED FIFTEEN MILLION DOLLARS.",
                ("limitation_of_liability",),
            ),
        ),
        "fifteen million dollars",
    ),
    Case(
        "liability.cap_below_policy",
        True,
        (
            Part(
                IPASS,
                "NOT TO EXCEED AN AMOUNT EQUAL TO",
                "THE FIRST EVENT GIVING RISE TO SUCH LIABILITY.",
                ("limitation_of_liability",),
            ),
        ),
        "fees paid in the six (6) months preceding < 12 months",
    ),
    Case(
        "liability.cap_below_policy",
        False,
        (
            Part(
                "BELLICUMPHARMACEUTICALS,INC_05_07_2019-EX-10.1-Supply Agreement.txt",
                "EXCEED THE AGGREGATE AMOUNT OF THE PRODUCT PRICES PAID",
                "THE EVENT GIVING RISE TO SUCH LIABILITY;",
                ("limitation_of_liability",),
            ),
        ),
        "prices paid in the twelve (12) month period",
    ),
    # ip -----------------------------------------------------------------------------------
    Case(
        "ip.deliverables_unaddressed",
        True,
        (
            Part(DRIVEN, "1.1. Services.", "in order to provide the Services.", ("scope_of_work",)),
            Part(
                DRIVEN,
                "(b) In the course of performing the Services and providing the deliverables hereunder",
                "infringe any proprietary rights of any third party",
                ("warranties",),
            ),
        ),
        "deliverables mentioned, ownership never stated (excerpt without article 3)",
    ),
    Case(
        "ip.deliverables_unaddressed",
        False,
        (
            Part(
                PSA,
                "Intellectual Property 1. Deliverables.",
                "will assert no rights over such Deliverables.",
                ("intellectual_property",),
            ),
        ),
        "Provider assigns all right, title and interest in the Deliverables",
    ),
    # data protection ------------------------------------------------------------------------
    Case(
        "data_protection.missing_terms",
        True,
        (
            Part(
                "CUROGROUPHOLDINGSCORP_05_04_2020-EX-10.3-SERVICING AGREEMENT.txt",
                "In no case may Servicer use any identifiable information",
                "as provided in this Agreement",
                ("scope_of_work",),
            ),
        ),
        "consumers' nonpublic personal information used by the servicer; only a use restriction",
    ),
    Case(
        "data_protection.missing_terms",
        False,
        (Part(CSA, "Privacy & Security 1. Personal Data.", None, ("data_protection",), 800),),
        "CSA privacy and security terms",
    ),
    Case(
        "data_protection.missing_terms",
        True,
        (
            Part(
                "sample:c10_consulting_ridgeback_granitebay.md",
                "Client wishes to obtain independent advice",
                "The parties therefore agree as follows.",
                ("data_protection",),
            ),
            Part(
                "sample:c10_consulting_ridgeback_granitebay.md",
                "Client Cooperation.",
                "as required for the assessment tasks described in Exhibit A.",
                ("scope_of_work",),
            ),
        ),
        "member account records reached; the only text tagged data_protection is a recital "
        "about information security, with no personal-data duty in it",
    ),
    # drafting -----------------------------------------------------------------------------
    Case(
        "drafting.placeholder",
        True,
        (
            Part(
                NDA_COVER,
                "MNDA Term",
                "Governing Law & Jurisdiction Governing Law: [Fill in state]",
                ("term_and_renewal",),
            ),
        ),
        "'[1 year(s)]', '[Fill in state]' left in the cover page",
    ),
    Case(
        "drafting.placeholder",
        False,
        (
            Part(
                ENERGOUS,
                "provided that ENERGOUS' aggregate liability",
                "per occurrence of an Epidemic Defect.",
                ("limitation_of_liability",),
            ),
        ),
        "'[***]' is a confidential-treatment redaction, not a template gap",
    ),
    Case(
        "drafting.inconsistent_numbers",
        True,
        (
            Part(
                LUCID,
                "One Hundred (100) per cent of order value",
                "when order is placed on Lucid.",
                ("payment_terms",),
            ),
        ),
        "'sixty ( 90 ) day irrevocable letter of credit'",
    ),
    Case(
        "drafting.inconsistent_numbers",
        False,
        (Part(CHANGEPOINT, "11.2 TERMINATION.", None, ("termination",), 500),),
        "'sixty (60) days' written twice consistently",
    ),
    Case(
        "drafting.too_little_text",
        True,
        (
            Part(
                COOLTECH,
                "EXHIBIT 10.71",
                "(hereinafter referred to as the effective date of the Agreement),",
                ("parties",),
            ),
        ),
        "only the title and date line of a contract's first page were read (36 words)",
    ),
    Case(
        "drafting.too_little_text",
        False,
        (Part(RMR, "Exhibit 99.1 JOINT FILING AGREEMENT", None, ("general",), 2000),),
        "the shortest real agreement in CUAD (a 109-word joint filing agreement) is whole",
    ),
]


def _case_id(case: Case) -> str:
    return f"{case.rule}-{'fires' if case.fires else 'passes'}-{case.parts[0].source.split('/')[-1][:18]}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_on_real_language(case: Case, real, run_rule) -> None:
    parts = []
    for p in case.parts:
        parts.append((real.excerpt(p.source, p.start, p.end, p.length), p.types))
    hits = run_rule(case.rule, parts, **dict(case.params))
    if case.fires:
        assert hits, f"{case.rule} should fire: {case.why}"
        for hit in hits:
            assert hit.message.endswith(".") and len(hit.message) > 40
    else:
        assert not hits, (
            f"{case.rule} should pass ({case.why}) but said: {[h.message for h in hits]}"
        )


def test_every_rule_has_a_positive_and_a_negative_case() -> None:
    tested = {(c.rule, c.fires) for c in CASES}
    for rule_id in load_rules():
        assert (rule_id, True) in tested, f"{rule_id} has no positive case"
        assert (rule_id, False) in tested, f"{rule_id} has no negative case"


def test_renewal_rule_falls_back_on_the_notice_period_key_date(real, run_rule) -> None:
    """Common Paper's renewal clause leaves the notice period to the order form: the period the
    facts stage found (a KeyDate) is what the policy is checked against."""
    text = real.excerpt(CSA, "1. Order Form and Agreement.", "before the Non-Renewal Notice Date.")
    assert not run_rule("renewal.opt_out_too_long", [(text, ("term_and_renewal",))])
    kd = SimpleNamespace(
        kind="notice_period_to_terminate_renewal", value="120 days", start=0, end=10, date=None
    )
    hits = run_rule("renewal.opt_out_too_long", [(text, ("term_and_renewal",))], key_dates=[kd])
    assert hits and "120 days" in hits[0].message
