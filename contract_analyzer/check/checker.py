"""The checker: run a playbook's rules over a contract and state each component's status."""

from __future__ import annotations

from collections.abc import Sequence

from contract_analyzer.check.context import CheckContext
from contract_analyzer.check.finding import SEVERITY_RANK, Finding
from contract_analyzer.check.playbook import Playbook
from contract_analyzer.check.rules import load_rules
from contract_analyzer.document import Document
from contract_analyzer.facts import Facts
from contract_analyzer.keydates import KeyDate
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS, CLAUSE_TYPES

COMPONENT_ORDER: dict[str, int] = {c: i for i, c in enumerate((*CLAUSE_TYPE_IDS, "drafting"))}

# Why an absent component matters, in one plain sentence.
MISSING_WHY: dict[str, str] = {
    "parties": "the contracting parties are not clearly identified",
    "definitions": "key terms are left undefined",
    "scope_of_work": "nothing states what is to be delivered or performed",
    "service_levels": "no availability or response commitments can be enforced",
    "acceptance": "there is no agreed way to accept or reject deliverables",
    "payment_terms": "fees, invoicing and payment dates are not agreed",
    "term_and_renewal": "how long the contract runs and whether it renews is unclear",
    "termination": "there is no agreed way to end the contract",
    "confidentiality": "information exchanged under the contract is not protected",
    "data_protection": "personal data handled under the contract has no contractual safeguards",
    "intellectual_property": "ownership and licences of the work and materials are not settled",
    "warranties": "nothing is promised about the quality of the product or services",
    "limitation_of_liability": "liability is not limited, so exposure is uncapped",
    "indemnification": "third-party claims (e.g. IP infringement) are not allocated",
    "insurance": "no insurance stands behind the supplier's liabilities",
    "dispute_resolution": "no escalation, forum or method is agreed for disputes",
    "governing_law": "which law governs the contract is left open",
    "force_majeure": "excused performance in events beyond control is not addressed",
    "assignment": "either party may be able to transfer the contract freely",
    "non_solicitation": "staff and customers are not protected against poaching",
    "audit_rights": "compliance cannot be verified by audit",
    "compliance": "compliance with laws and policies is not required",
    "notices": "how formal notices must be given is unclear",
    "general": "boilerplate (entire agreement, amendments, severability) is missing",
}


def _label(component: str) -> str:
    return component.replace("_", " ")


def run_checks(
    document: Document,
    clauses: Sequence[Clause],
    playbook: Playbook,
    *,
    key_dates: Sequence[KeyDate] = (),
    facts: Facts | None = None,
    context: CheckContext | None = None,
) -> list[Finding]:
    """Findings for one contract: weak components (rules), missing ones, present ones.

    Every playbook component gets one status: ``weak`` when any of its rules fires, ``missing``
    when no clause of that type was found, else ``present`` (severity ``info``). Rules for
    components outside the playbook still run when they are listed and their clauses exist.
    ``context``: the ``CheckContext`` of these same document, clauses, key dates and facts,
    when the caller shares it with the answers (its readings are then made once).
    """
    ctx = context or CheckContext(document, clauses, key_dates, facts)
    registry = load_rules()
    findings: list[Finding] = []
    for rule_id, conf in playbook.rules.items():
        rule = registry[rule_id]
        if rule.needs_component and not ctx.has(rule.component):
            continue
        for hit in rule(ctx, conf.params):
            findings.append(
                Finding(
                    rule.component, rule.status, conf.severity, hit.message, rule_id, hit.evidence
                )  # type: ignore[arg-type]
            )
    touched = {f.component for f in findings}
    for component in playbook.components:
        if ctx.has(component):
            if component not in touched:
                findings.append(
                    Finding(
                        component,
                        "present",
                        "info",
                        f"{_label(component).capitalize()} is addressed.",
                        f"present.{component}",
                        ctx.region_evidence(component, limit=2),
                    )
                )
        elif component not in touched:
            expectation = playbook.expectation(component)
            why = MISSING_WHY.get(component, CLAUSE_TYPES.get(component, ""))
            findings.append(
                Finding(
                    component,
                    "missing",
                    playbook.required.get(component) or playbook.recommended[component],  # type: ignore[arg-type]
                    f"No {_label(component)} clause found ({expectation} by the "
                    f"{playbook.name} playbook): {why}.",
                    f"missing.{component}",
                )
            )
    return sort_findings(findings)


def sort_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Worst first, then by component in taxonomy order, rule id and position."""
    return sorted(
        findings,
        key=lambda f: (
            SEVERITY_RANK[f.severity],
            COMPONENT_ORDER.get(f.component, len(COMPONENT_ORDER)),
            f.rule_id,
            f.evidence[0].start if f.evidence else -1,
        ),
    )
