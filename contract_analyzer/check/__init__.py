"""The checker: playbooks, weakness rules, contract kind, findings and the risk score."""

from __future__ import annotations

from contract_analyzer.check.checker import run_checks
from contract_analyzer.check.finding import Evidence, Finding
from contract_analyzer.check.kind import KindGuess, detect_kind
from contract_analyzer.check.playbook import KINDS, Playbook, RuleConfig, load_playbook
from contract_analyzer.check.rules import RULES, Rule, load_rules
from contract_analyzer.check.score import score

__all__ = [
    "KINDS",
    "RULES",
    "Evidence",
    "Finding",
    "KindGuess",
    "Playbook",
    "Rule",
    "RuleConfig",
    "detect_kind",
    "load_playbook",
    "load_rules",
    "run_checks",
    "score",
]
