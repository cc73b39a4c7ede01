"""Drafting defects: unresolved placeholders, and numbers whose words and digits disagree."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contract_analyzer.check.context import CheckContext, Hit
from contract_analyzer.check.rules import rule
from contract_analyzer.check.rules._text import snippet

PLACEHOLDER = re.compile(
    r"\[\s*(?:●|•|\u25cf|\u2022|_{2,}|\.{3,}|…|x{2,}|X{2,}|\?+|tbd|tbc|insert[^\]]*|"
    r"fill[^\]]*|enter[^\]]*|specify[^\]]*|to\s+come)\s*\]"
    r"|\[\s*(?:customer|supplier|provider|vendor|client|company|licensee|licensor|party|contractor|"
    r"consultant|service\s+provider|purchaser|seller|buyer)(?:['’]s)?\s+(?:legal\s+)?"
    r"(?:name|address|entity|signatory|contact)[^\]]{0,40}\]"
    r"|\[\s*(?:name|date|address|amount|number|title|state|county|city|jurisdiction|term|fee|fees|price|"
    r"percentage|company\s+name|effective\s+date|today['’]s\s+date)\b[^\]]{0,40}\]"
    r"|\[\s*\d+\s+(?:year|month|day|week)\(?s?\)?\s*\]"
    r"|\{\s*(?:IF\s+|/IF|ELSE)?[A-Za-z_][\w ]{0,40}\}"
    r"|\b(?:TBD|TBC|TBA)\b"
    r"|(?<!\w)_{4,}(?!\w)"
    r"|\u25cf|\u2022{2,}",
    re.IGNORECASE,
)
# Blank lines that are part of a signature or notice block are meant to be filled at signing.
FORM_LINE = re.compile(
    r"(?:\bby|\bname|\btitle|\bdate|\bsignature|\bsigned|\bprint(?:ed)?\s+name|\bits|\baddress|"
    r"\bemail|\bphone|\bfax|\battn|\battention|\bwitness|\binitials?|\bdated)\s*:?\s*(?:\(\w+\)\s*)?$",
    re.IGNORECASE,
)

# Where a number is written twice, in words then digits: "thirty (30)", "ten thousand dollars
# ($10,000)". Only locates candidates; the facts extractors decide whether they disagree.
WRITTEN_TWICE = re.compile(r"[A-Za-z]\s*\(\s*(?:US)?[$€£]?\s*\d[\d,.]*\s*%?\s*\)")
MONEY_HINT = re.compile(r"[$€£]|dollars|euros|pounds|\b(?:USD|EUR|GBP)\b", re.IGNORECASE)


@rule(
    "drafting.placeholder",
    "general",
    "high",
    "Unresolved placeholders",
    params={"max_evidence": 5},
    needs_component=False,
)
def placeholder(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """Template gaps left in the text ("[●]", "[Customer Name]", "____", "TBD")."""
    spans: list[tuple[int, int]] = []
    for m in PLACEHOLDER.finditer(ctx.text):
        line_start = ctx.text.rfind("\n", 0, m.start()) + 1
        before = ctx.text[line_start : m.start()]
        if m.group().startswith("_") and (FORM_LINE.search(before) or not before.strip()):
            continue  # signature / form lines are meant to be blank
        spans.append((m.start(), m.end()))
    if not spans:
        return []
    quoted = ", ".join(dict.fromkeys(f'"{snippet(ctx, s, e, 30)}"' for s, e in spans[:20]))
    evidence = tuple(
        dict.fromkeys(ctx.evidence(*ctx.sentence_around(s, e, 200)) for s, e in spans)
    )[: int(params["max_evidence"])]
    return [
        Hit(
            f"{len(spans)} unresolved placeholder(s) left in the text ({quoted}); the terms "
            "they stand for are not agreed.",
            evidence,
        )
    ]


@rule(
    "drafting.inconsistent_numbers",
    "general",
    "medium",
    "A number written in words and digits that disagree",
    needs_component=False,
)
def inconsistent_numbers(ctx: CheckContext, params: Mapping[str, Any]) -> list[Hit]:
    """ "thirty (45) days": the words and the digits give different numbers (as judged by the
    facts extractors for durations, percentages and money)."""
    text = ctx.text
    if not WRITTEN_TWICE.search(text):
        return []
    mentions = [m for m in ctx.durations(0, len(text)) if m.inconsistent]
    mentions += [m for m in ctx.percentages(0, len(text)) if m.inconsistent]
    for cand in WRITTEN_TWICE.finditer(text):
        lo, hi = max(0, cand.start() - 80), min(len(text), cand.end() + 20)
        if MONEY_HINT.search(text, lo, hi):
            mentions += [m for m in ctx.money(lo, hi) if m.inconsistent]
    hits: list[Hit] = []
    for m in sorted(set(mentions), key=lambda m: (m.start, m.end)):
        s, e = ctx.sentence_around(m.start, m.end, 200)
        hits.append(
            Hit(
                f'"{snippet(ctx, m.start, m.end, 60)}": the words and the digits give '
                "different numbers; which one binds will be argued.",
                (ctx.evidence(s, e),),
            )
        )
    return hits
