"""The registry of weakness rules: small functions, each with a stable id and a default severity.

A rule is registered with :func:`rule` and receives the :class:`CheckContext` and its parameters
(defaults here, overridden by the playbook). It returns the hits that make its component weak,
or an empty list when the contract passes. The checker, not the rule, decides which rules run
(the playbook lists them) and turns hits into findings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit

RuleFunc = Callable[[CheckContext, Mapping[str, Any]], list[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered weakness rule.

    ``needs_component``: run only when the component has tagged clauses (otherwise the missing
    component is reported by the playbook's ``missing.<component>`` finding instead).
    ``status``: the status of the finding when the rule fires (``weak``; ``missing`` for rules
    that report an absent component in a more specific way).
    """

    id: str
    component: str
    severity: str
    description: str
    func: RuleFunc
    params: Mapping[str, Any] = field(default_factory=dict)
    needs_component: bool = True
    status: str = "weak"

    def __call__(self, ctx: CheckContext, params: Mapping[str, Any] | None = None) -> list[Hit]:
        merged = {**self.params, **(params or {})}
        return self.func(ctx, merged)


RULES: dict[str, Rule] = {}

_MODULES = (
    "scope",
    "service_levels",
    "payment",
    "renewal",
    "termination",
    "confidentiality",
    "dispute",
    "liability",
    "ip",
    "data_protection",
    "drafting",
    "length",
)


def rule(
    rule_id: str,
    component: str,
    severity: str,
    description: str,
    *,
    params: Mapping[str, Any] | None = None,
    needs_component: bool = True,
    status: str = "weak",
) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as the rule ``rule_id`` (ids are unique and stable)."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = Rule(
            rule_id,
            component,
            severity,
            description,
            func,
            dict(params or {}),
            needs_component,
            status,
        )
        return func

    return register


def load_rules() -> dict[str, Rule]:
    """Import every rule module once and return the registry."""
    for name in _MODULES:
        import_module(f"contract_analyzer.check.rules.{name}")
    return RULES
