"""The answer to one CUAD question about a contract, and the 41 categories answered."""

from __future__ import annotations

from dataclasses import dataclass

from contract_analyzer.check.finding import Evidence

# The 41 CUAD categories in CUAD's order, as snake_case ids (CUAD's display name after).
CUAD_CATEGORIES: dict[str, str] = {
    "document_name": "Document Name",
    "parties": "Parties",
    "agreement_date": "Agreement Date",
    "effective_date": "Effective Date",
    "expiration_date": "Expiration Date",
    "renewal_term": "Renewal Term",
    "notice_period_to_terminate_renewal": "Notice Period To Terminate Renewal",
    "governing_law": "Governing Law",
    "most_favored_nation": "Most Favored Nation",
    "competitive_restriction_exception": "Competitive Restriction Exception",
    "non_compete": "Non-Compete",
    "exclusivity": "Exclusivity",
    "no_solicit_of_customers": "No-Solicit Of Customers",
    "no_solicit_of_employees": "No-Solicit Of Employees",
    "non_disparagement": "Non-Disparagement",
    "termination_for_convenience": "Termination For Convenience",
    "rofr_rofo_rofn": "Rofr/Rofo/Rofn",
    "change_of_control": "Change Of Control",
    "anti_assignment": "Anti-Assignment",
    "revenue_profit_sharing": "Revenue/Profit Sharing",
    "price_restrictions": "Price Restrictions",
    "minimum_commitment": "Minimum Commitment",
    "volume_restriction": "Volume Restriction",
    "ip_ownership_assignment": "Ip Ownership Assignment",
    "joint_ip_ownership": "Joint Ip Ownership",
    "license_grant": "License Grant",
    "non_transferable_license": "Non-Transferable License",
    "affiliate_license_licensor": "Affiliate License-Licensor",
    "affiliate_license_licensee": "Affiliate License-Licensee",
    "unlimited_all_you_can_eat_license": "Unlimited/All-You-Can-Eat-License",
    "irrevocable_or_perpetual_license": "Irrevocable Or Perpetual License",
    "source_code_escrow": "Source Code Escrow",
    "post_termination_services": "Post-Termination Services",
    "audit_rights": "Audit Rights",
    "uncapped_liability": "Uncapped Liability",
    "cap_on_liability": "Cap On Liability",
    "liquidated_damages": "Liquidated Damages",
    "warranty_duration": "Warranty Duration",
    "insurance": "Insurance",
    "covenant_not_to_sue": "Covenant Not To Sue",
    "third_party_beneficiary": "Third Party Beneficiary",
}
CATEGORIES: tuple[str, ...] = tuple(CUAD_CATEGORIES)
# The categories whose CUAD answer is only a value (a name, a date), not yes/no.
VALUE_ONLY: tuple[str, ...] = (
    "document_name",
    "parties",
    "agreement_date",
    "effective_date",
    "expiration_date",
)


@dataclass(frozen=True)
class Answer:
    """One CUAD question answered for one contract.

    ``category``: a :data:`CATEGORIES` id. ``present``: the contract has such a clause (for
    the value categories: the value was found). ``value``: the normalised answer where CUAD
    has one (parties, dates as ISO text or "perpetual", governing-law jurisdiction, renewal
    term, notice period, cap, warranty duration), else None. ``evidence``: the spans that
    support it. ``confidence``: how far the method is trusted (0-1), per ``method``:
    ``rule`` (the checker's own reading), ``key_date``, ``facts``, ``cue`` (a phrase
    lexicon, ``check/answers/cues.yaml``) or ``learned`` (the sentence classifier of
    ``models/cuad_answers.json``, alone or with the lexicon; its confidence is the calibrated
    chance of the answer given, presence or absence); an absent answer states the same method.
    """

    category: str
    present: bool
    value: str | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0
    method: str = "cue"
