"""Intellectual property: who owns the deliverables and work product."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import rx

WORK_PRODUCT = rx(
    r"\bdeliverables?\b",
    r"\bwork\s+product\b",
    r"\bdevelopments?\b",
    r"\bwork\s+(?:made\s+)?for\s+hire\b",
    r"\bcustom(?:ized)?\s+(?:software|code|developments?|materials)\b",
    r"\bwork\s+results?\b",
)
OWNERSHIP = re.compile(
    r"\b(?:own(?:s|ed|ership)?|title|right,?\s+title\s+and\s+interest|property\s+of|vest\w*|"
    r"assign\w*|licen[cs]\w*|work\s+(?:made\s+)?for\s+hire)\b",
    re.IGNORECASE,
)


@rule(
    "ip.deliverables_unaddressed",
    "intellectual_property",
    "high",
    "Ownership of deliverables / work product not addressed",
    needs_component=False,
)
def deliverables_unaddressed(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Work is produced for the customer but no sentence says who owns it or licenses it."""
    mentions = list(WORK_PRODUCT.finditer(ctx.text))
    if not mentions:
        return []
    for m in mentions:
        s, e = ctx.sentence_around(m.start(), m.end())
        if OWNERSHIP.search(ctx.text, s, e):
            return []
    s, e = ctx.sentence_around(mentions[0].start(), mentions[0].end())
    return [
        Hit(
            "Work product is to be delivered but the contract never says who owns it (no "
            "assignment, work-for-hire or licence of the deliverables); the customer may not "
            "own what it paid for.",
            (ctx.evidence(s, e),) + ctx.region_evidence("intellectual_property", limit=2),
        )
    ]
