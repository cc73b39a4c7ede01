"""Is this document a contract at all? A file holding "hello" must not score 61 out of 100.

A contract names its parties, binds them to do things and has clauses of known types written
in contract language. A document with none of these (a note, a shopping list, a blank form's
cover page) is reported as ``not_a_contract``: no playbook is applied to it, so no component
is called missing and no score is given; the one finding says what was looked for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from contract_analyzer.check.finding import Evidence, Finding
from contract_analyzer.check.obligations import Obligation
from contract_analyzer.document import Document
from contract_analyzer.facts import Facts
from contract_analyzer.tagging.clause import Clause

NOT_A_CONTRACT = "not_a_contract"
RULE_ID = "document.not_a_contract"
# words no contract is written without; a tagged clause counts only beside one of them
CONTRACT_WORDS = re.compile(
    r"\b(?:agreements?|contracts?|part(?:y|ies)|shall|hereby|here(?:to|in|under|of)|"
    r"whereas|terms?|licen[cs]e[ds]?|licensors?|licensees?|services?|obligations?|"
    r"warrant(?:y|ies|s)|indemnif(?:y|ies|ication)|liabilit(?:y|ies)|confidential|"
    r"order form|statement of work|customer|supplier|vendor|provider)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ContractSignals:
    """What makes a document read as a contract: parties named, obligations, typed clauses."""

    parties: int
    obligations: int
    clauses: int
    contract_words: int
    words: int

    @property
    def is_contract(self) -> bool:
        """True when a party is named or an obligation stated, or clauses of known types
        were tagged in a text that uses contract language; False otherwise."""
        return bool(self.parties or self.obligations or (self.clauses and self.contract_words))


def contract_signals(
    document: Document,
    clauses: Sequence[Clause],
    facts: Facts,
    obligations: Sequence[Obligation],
) -> ContractSignals:
    """Count the signals of a contract in what the earlier stages found."""
    return ContractSignals(
        parties=len(facts.parties),
        obligations=len(obligations),
        clauses=sum(1 for c in clauses if c.type),
        contract_words=sum(1 for _ in CONTRACT_WORDS.finditer(document.text)),
        words=document.word_count,
    )


def not_a_contract_finding(document: Document, signals: ContractSignals) -> Finding:
    """The one finding of a document that does not read as a contract, with its text as
    evidence (its first 200 characters) so a reader can see what was read."""
    text = document.text
    start = len(text) - len(text.lstrip())
    end = min(len(text.rstrip()), start + 200)
    evidence = (
        (Evidence(start=start, end=end, page=document.page_at(start)),) if end > start else ()
    )
    words = f"{signals.words} word{'' if signals.words == 1 else 's'}"
    return Finding(
        component="drafting",
        status="weak",
        severity="high",
        message=(
            f"This document does not read as a contract ({words}): no party is named, no "
            "obligation is stated and no clause of a known type was found, so no playbook "
            "was applied and no score is given."
        ),
        rule_id=RULE_ID,
        evidence=evidence,
    )
