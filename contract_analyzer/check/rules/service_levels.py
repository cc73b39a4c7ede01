"""Service levels: a measurable target (% or time), and a remedy when it is missed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
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


def _measurable(ctx: CheckContext) -> bool:
    """A percentage, or a time (minutes to weeks) stated as a response/resolution target."""
    for region in ctx.regions("service_levels"):
        if ctx.percentages(region.start, region.end):
            return True
        for d in ctx.durations(region.start, region.end):
            if d.unit in TIME_UNITS:
                s, e = ctx.sentence_around(d.start, d.end)
                if TARGET_CONTEXT.search(ctx.text, s, e):
                    return True
    return False


@rule(
    "sla.no_measurable_target",
    "service_levels",
    "medium",
    "Service levels without a measurable target (% or time)",
)
def no_measurable_target(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """The service levels state no percentage (uptime) and no time (response, resolution)."""
    if _measurable(ctx):
        return []
    return [
        Hit(
            "The service levels set no measurable target: no availability percentage and no "
            "response or resolution time is stated, so a shortfall cannot be shown.",
            ctx.region_evidence("service_levels"),
        )
    ]


@rule(
    "sla.no_remedy",
    "service_levels",
    "medium",
    "Service levels without service credits or a termination right",
)
def no_remedy(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Missing the service levels costs the supplier nothing: no credits, no exit."""
    if _remedy(ctx):
        return []
    negated = []
    for m in REMEDY.finditer(ctx.text):  # "No service credits ... apply": quote it first
        negated.append(ctx.evidence(*ctx.sentence_around(m.start(), m.end())))
    evidence = tuple(dict.fromkeys(negated))[:2] + ctx.region_evidence("service_levels", limit=2)
    return [
        Hit(
            "The service levels carry no remedy: no service credits and no right to terminate "
            "when they are missed, so they are targets rather than commitments.",
            evidence,
        )
    ]
