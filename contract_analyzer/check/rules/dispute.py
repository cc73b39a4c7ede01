"""Dispute resolution: a method (arbitration, courts) or a venue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx

METHOD_OR_VENUE = rx(
    r"\barbitra\w*",
    r"\bcourts?\b",
    r"\bjurisdiction\b",
    r"\bvenue\b",
    r"\bmediat\w*",
    r"\btribunal\b",
    r"\bforum\b",
    r"\blitigat\w*",
)


@rule(
    "dispute.no_method_or_venue",
    "dispute_resolution",
    "medium",
    "Dispute resolution without a method or venue",
    needs_component=False,
)
def no_method_or_venue(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Neither arbitration, mediation nor any court or venue is named for disputes."""
    if not (ctx.has("dispute_resolution") or ctx.has("governing_law")):
        return []
    if ctx.anywhere(METHOD_OR_VENUE):
        return []
    return [
        Hit(
            "No forum is chosen for disputes: no arbitration or mediation and no courts or "
            "venue; a dispute could be brought wherever suits the other side.",
            ctx.region_evidence("dispute_resolution", "governing_law"),
        )
    ]
