"""Limitation of liability: a cap exists, has an amount or formula, and meets policy.

Every rule reads the one parsed reading of the contract (``ctx.liability``, from
:mod:`contract_analyzer.check.cap_parse`): caps with their kind, amount or formula and
period, exclusions of kinds of damages, time limits on claims and carve-outs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.cap_parse import CAP, CARVE_OUT_CUE, FEES, UNLIMITED
from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import snippet

__all__ = ["CAP", "FEES", "UNLIMITED", "cap_below_policy", "cap_without_amount", "uncapped"]


@rule(
    "liability.uncapped",
    "limitation_of_liability",
    "high",
    "Liability uncapped or explicitly unlimited",
)
def uncapped(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Nothing limits liability: no cap, no exclusion of kinds of damages, no time limit on
    claims; or liability is stated unlimited (not as a carve-out) and no cap applies."""
    reading = ctx.liability
    if reading.caps:
        return []
    for s, e in reading.unlimited:
        if CARVE_OUT_CUE.search(ctx.text, s, e):
            continue
        return [
            Hit(
                f'Liability is expressly unlimited ("{snippet(ctx, s, e)}") and no cap '
                "applies; exposure has no ceiling.",
                (ctx.evidence(s, e),),
            )
        ]
    if reading.limited:
        return []
    return [
        Hit(
            "The limitation of liability neither caps the amount recoverable nor excludes "
            "any kind of damages; exposure has no ceiling.",
            ctx.region_evidence("limitation_of_liability"),
        )
    ]


@rule(
    "liability.no_monetary_cap",
    "limitation_of_liability",
    "medium",
    "Liability limited only by excluded kinds of damages, with no cap on the amount",
)
def no_monetary_cap(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Indirect or consequential damages are excluded (or claims time-barred) but no sentence
    caps the amount of direct damages."""
    reading = ctx.liability
    if reading.caps or not (reading.exclusions or reading.time_limits):
        return []
    spans = (reading.exclusions or reading.time_limits)[:3]
    s, e = spans[0]
    return [
        Hit(
            f'Liability is limited only by excluding kinds of damages ("{snippet(ctx, s, e)}"); '
            "no sentence caps the amount of direct damages.",
            tuple(ctx.evidence(a, b) for a, b in spans),
        )
    ]


@rule(
    "liability.cap_without_amount",
    "limitation_of_liability",
    "medium",
    "A liability cap without an amount or formula",
)
def cap_without_amount(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Every cap sentence lacks a sum of money, a multiple or share of fees, a fee formula
    and an insurance limit (or names one that could not be parsed, which the message says)."""
    caps = ctx.liability.caps
    if not caps or any(t.has_amount for t in caps):
        return []
    s, e = caps[0].start, caps[0].end
    return [
        Hit(
            f'Liability is capped ("{snippet(ctx, s, e)}") but no amount, multiple or fee '
            "formula could be read from the cap (the amount could not be parsed; check the "
            "wording); as written the cap may be unenforceable.",
            tuple(ctx.evidence(t.start, t.end) for t in caps[:3]),
        )
    ]


@rule(
    "liability.cap_below_policy",
    "limitation_of_liability",
    "medium",
    "Liability cap below the policy minimum of months of fees",
    params={"min_months": 12},
)
def cap_below_policy(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Policy "liability cap at least N months of fees": a fee-period cap looks back fewer
    months (a cap that is the greater of such fees and a fixed sum is not compared)."""
    min_months = float(params["min_months"])
    for t in ctx.liability.caps:
        if t.kind != "fees_period" or t.period_months is None or t.amount is not None:
            continue
        months = t.period_months * (t.multiple or 1.0)
        if months + 0.01 < min_months:
            return [
                Hit(
                    f"Liability is capped at the fees of {t.period} "
                    f'("{snippet(ctx, t.start, t.end)}"), less than the policy minimum of '
                    f"{min_months:g} months of fees.",
                    (ctx.evidence(t.start, t.end),),
                )
            ]
    return []
