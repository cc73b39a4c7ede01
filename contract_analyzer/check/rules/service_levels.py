"""Service levels: a measurable target (% or time), and a remedy when it is missed.

Both rules take ``min_commitments`` (default 0: always judge the tagged service levels). A
broader agreement (a master services agreement) often has text the tagger reads as service
levels without promising any service level (an exhibit template row "Service levels | ...",
security measures); with ``min_commitments: 1`` the rules judge the service levels only when
the contract commits to a service level: at least that many sentences of the service levels
where a party undertakes to respond, resolve, restore, be available or meet service levels
("Supplier will use reasonable efforts to respond to support requests promptly"). A stray
percentage tagged as service levels (late interest, a discount) does not open the gate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.finding import Evidence
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx

TIME_UNITS = {"minute", "hour", "day", "business_day", "week"}
REMEDY = rx(
    r"\bservice (?:level )?credits?\b",
    r"\b(?:uptime|availability|downtime|sla|performance) credits?\b",
    r"\bcredits? (?:against|toward|towards|on) (?:the |future |its )?(?:next )?(?:fees|invoices?|charges)\b",
    r"\b(?:fee|price|charge) (?:reduction|abatement|rebate)s?\b",
    r"\bliquidated damages\b",
    r"\beligible to receive an? [A-Z]?\w* ?credit\b",
    r"\b(?:chronic|repeated|persistent) (?:failure|breach|sla)",
    r"\bterminate\b[^.]{0,160}\b(?:service levels?|uptime|availability|sla)\b",
    r"\b(?:service levels?|uptime|availability|sla)\b[^.]{0,160}\bterminate\b",
)


NEGATED_BEFORE = re.compile(
    r"(?:\bno|\bwithout|\bnor|\bnot\s+(?:be\s+)?(?:entitled|eligible)\s+to(?:\s+any)?)[\s,]+(?:[\w-]+[\s,]+){0,2}$",
    re.IGNORECASE,
)
NEGATION_INSIDE = re.compile(r"\b(?:not|no|never|neither)\b", re.IGNORECASE)


def _remedy(ctx: CheckContext) -> re.Match[str] | None:
    """The first remedy stated positively ("No service credits apply" does not count)."""
    for m in REMEDY.finditer(ctx.text):
        before = ctx.text[max(0, m.start() - 50) : m.start()]
        if NEGATED_BEFORE.search(before) or NEGATION_INSIDE.search(m.group()):
            continue
        return m
    return None


TARGET_CONTEXT = rx(
    r"\brespon",
    r"\bresol",
    r"\brestor",
    r"\bfix",
    r"\backnowledg",
    r"\bavailab",
    r"\buptime",
    r"\bwithin\b",
    r"\bcorrect",
    r"\bwork-?around",
)


COMMITMENT = re.compile(
    r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|commits?\s+to)\b[^.;:]{0,80}?"
    r"(?:\brespond\w*|\bresol(?:ve|ving|ution)|\brestor(?:e|ing|ation)|\backnowledg\w*|"
    r"\b(?:be|remain)\s+(?:generally\s+|continuously\s+)?available\b|\bavailability\b|\buptime\b|\bservice\s+levels?\b)",
    re.IGNORECASE,
)


DISPUTE = re.compile(r"\bdisput", re.IGNORECASE)


def _commitments(ctx: CheckContext) -> list[tuple[int, int]]:
    """Sentences of the service levels where a party undertakes to meet a service level."""
    out: list[tuple[int, int]] = []
    for m, _ in ctx.search(COMMITMENT, "service_levels"):
        span = ctx.sentence_around(m.start(), m.end())
        if DISPUTE.search(ctx.text, *span):  # "shall attempt to resolve the dispute"
            continue
        if span not in out:
            out.append(span)
    return out


def _applies(ctx: CheckContext, params: Mapping[str, Any]) -> bool:
    """The playbook's gate: judge the service levels only when enough is promised."""
    need = params.get("min_commitments", 0)
    return need <= 0 or len(_commitments(ctx)) >= need


def _evidence(ctx: CheckContext, limit: int = 3) -> tuple[Evidence, ...]:
    """The commitment sentences first, then the tagged service-level regions."""
    spans = [ctx.evidence(s, e) for s, e in _commitments(ctx)[:limit]]
    return tuple(dict.fromkeys([*spans, *ctx.region_evidence("service_levels", limit=limit)]))[
        :limit
    ]


def _measurable(ctx: CheckContext) -> bool:
    """A percentage, or a definite time (minutes to weeks) stated as a response/resolution
    target; a vague amount ("within a few days") measures nothing."""
    for region in ctx.regions("service_levels"):
        if ctx.percentages(region.start, region.end):
            return True
        for d in ctx.durations(region.start, region.end):
            if d.unit in TIME_UNITS and d.value is not None:  # "within a few days": no target
                s, e = ctx.sentence_around(d.start, d.end)
                if TARGET_CONTEXT.search(ctx.text, s, e):
                    return True
    return False


@rule(
    "sla.no_measurable_target",
    "service_levels",
    "medium",
    "Service levels without a measurable target (% or time)",
    params={"min_commitments": 0},
)
def no_measurable_target(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The service levels state no percentage (uptime) and no time (response, resolution)."""
    if _measurable(ctx) or not _applies(ctx, params):
        return []
    return [
        Hit(
            "The service levels set no measurable target: no availability percentage and no "
            "response or resolution time is stated, so a shortfall cannot be shown.",
            _evidence(ctx),
        )
    ]


@rule(
    "sla.no_remedy",
    "service_levels",
    "medium",
    "Service levels without service credits or a termination right",
    params={"min_commitments": 0},
)
def no_remedy(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Missing the service levels costs the supplier nothing: no credits, no exit."""
    if _remedy(ctx) or not _applies(ctx, params):
        return []
    negated = []
    for m in REMEDY.finditer(ctx.text):  # "No service credits ... apply": quote it first
        negated.append(ctx.evidence(*ctx.sentence_around(m.start(), m.end())))
    negated = list(dict.fromkeys(negated))[:2]
    evidence = tuple(dict.fromkeys([*negated, *_evidence(ctx, limit=2)]))
    return [
        Hit(
            "The service levels carry no remedy: no service credits and no right to terminate "
            "when they are missed, so they are targets rather than commitments.",
            evidence,
        )
    ]
