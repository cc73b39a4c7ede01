"""The clause taxonomy of DESIGN.md: stable ids used by playbooks, tests and evaluations."""

from __future__ import annotations

CLAUSE_TYPES: dict[str, str] = {
    "parties": "who the parties are, preamble, recitals",
    "definitions": "defined terms",
    "scope_of_work": "services, deliverables, specifications, statements of work",
    "service_levels": "SLAs: availability, response and resolution times, performance metrics, service credits",
    "acceptance": "acceptance testing and criteria for deliverables",
    "payment_terms": "fees, pricing, invoicing, due dates, late charges, taxes, expenses",
    "term_and_renewal": "duration, initial term, renewal, auto-renewal, non-renewal notice",
    "termination": "termination for cause or convenience, notice, effects of termination, transition",
    "confidentiality": "confidential information, non-disclosure, permitted use, return or destruction",
    "data_protection": "personal data, privacy, security measures, breach notification, DPAs",
    "intellectual_property": "ownership, assignment, licences granted, pre-existing IP",
    "warranties": "warranties, disclaimers",
    "limitation_of_liability": "liability caps and exclusions",
    "indemnification": "indemnities and defence of claims",
    "insurance": "insurance obligations",
    "dispute_resolution": "escalation, mediation, arbitration, courts and venue",
    "governing_law": "choice of law",
    "force_majeure": "excused performance",
    "assignment": "assignment, change of control, subcontracting",
    "non_solicitation": "non-solicit, non-compete, exclusivity",
    "audit_rights": "audits, records, inspection",
    "compliance": "compliance with laws, regulations, policies",
    "notices": "how notices are given",
    "general": "entire agreement, amendment, waiver, severability, counterparts",
}

CLAUSE_TYPE_IDS: tuple[str, ...] = tuple(CLAUSE_TYPES)


def check_clause_type(type_id: str) -> str:
    """Return ``type_id`` if it is a taxonomy id, else raise ``ValueError`` listing the ids."""
    if type_id not in CLAUSE_TYPES:
        raise ValueError(f"unknown clause type {type_id!r}; known: {', '.join(CLAUSE_TYPE_IDS)}")
    return type_id
