"""The liability cap of a contract: the sentence that puts a ceiling on liability, and the
amount it names (a sum of money, fees of a number of months, a multiple of either).

The cap sentence is looked for in the clauses tagged ``limitation_of_liability`` (the
checker's own cap patterns, not exclusions, not other caps such as an SOW's not-to-exceed);
its amounts and periods are read from the document's facts. Caps are normalised to "months
of fees" where the text allows it, so contracts can be ranked; a fixed sum or a multiple of
the contract price stays as written (``description``). The checker's verdicts win: a contract
found uncapped is :data:`UNCAPPED`, one without a liability clause :data:`NO_CLAUSE`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from contract_analyzer.check.finding import Finding
from contract_analyzer.check.rules.liability import CAP
from contract_analyzer.facts import Facts
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.text.numbers import UNITS
from contract_analyzer.text.sentences import sentence_spans

DAYS_PER_MONTH = 365.25 / 12

_TIMES = re.compile(
    r"\b(?:(?P<word>one|two|three|four|five|six|ten)\s*)?(?:\((?P<digits>\d+(?:\.\d+)?)\)\s*)?"
    r"(?P<bare>\d+(?:\.\d+)?)?\s*(?:times|x)\b",
    re.IGNORECASE,
)
_FEES = re.compile(r"\b(?:fees?|charges?|amounts?|sums?)\b", re.IGNORECASE)
_PRICE = re.compile(r"\b(?:price|contract\s+value|order\s+value)\b", re.IGNORECASE)
_OTHER_CAP = re.compile(
    r"\b(?:data\s+protection\s+cap|insurance|not-to-exceed|fees\s+under\s+this\s+sow)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LiabilityCap:
    """What the cap sentence says: a description, months of fees and/or a sum of money.

    ``evidence`` is the sentence (whitespace folded), ``start``/``end`` its span in the
    document (None for the verdict-only caps).
    """

    description: str
    months: float | None = None
    amount: float | None = None
    currency: str | None = None
    evidence: str = ""
    start: int | None = None
    end: int | None = None


UNCAPPED = LiabilityCap("uncapped")
NO_CLAUSE = LiabilityCap("no liability clause")


def _multiple(sentence: str) -> float | None:
    for m in _TIMES.finditer(sentence):
        for group in ("digits", "bare"):
            if m.group(group):
                return float(m.group(group))
        if m.group("word"):
            return float(UNITS[m.group("word").lower()])
    return None


def cap_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]`` that put a ceiling on liability (not
    exclusions, not other caps)."""
    out = []
    for a, b in sentence_spans(text, start, end, items=True):
        flat = " ".join(text[a:b].split())
        if flat and CAP.search(flat) and "liab" in flat.lower() and not _OTHER_CAP.search(flat):
            out.append((a, b))
    return out


def read_cap(text: str, facts: Facts, start: int, end: int) -> LiabilityCap:
    """The amount the cap sentence ``text[start:end]`` names, from the document's facts."""
    sentence = " ".join(text[start:end].split())
    inside = facts.within(start, end)
    money = [m for m in inside.money if m.period is None]
    multiple = _multiple(sentence)
    months = None
    for d in inside.durations:
        if d.days and d.unit in {"day", "week", "month", "year"}:
            months = round(d.days / DAYS_PER_MONTH, 1)
            break
    parts = []
    fee_months = None
    if months is not None and _FEES.search(sentence):
        fee_months = months * (multiple or 1.0)
        parts.append((f"{multiple:g}x " if multiple else "") + f"fees of {months:g} months")
    elif _PRICE.search(sentence) and multiple:
        parts.append(f"{multiple:g}x the contract price")
    elif _FEES.search(sentence) and not money:
        parts.append((f"{multiple:g}x " if multiple else "") + "fees paid (no period)")
    amount = currency = None
    if money:
        amount, currency = float(money[0].amount), money[0].currency
        parts.append(f"{currency} {amount:,.0f}")
    if not parts:
        return LiabilityCap("cap without amount", evidence=sentence, start=start, end=end)
    greater = len(parts) > 1 and "greater" in sentence.lower()
    description = (" or " if greater else " + ").join(parts)
    if greater:
        description = f"greater of {description}"
    return LiabilityCap(description, fee_months, amount, currency, sentence, start, end)


def liability_cap(
    text: str, facts: Facts, clauses: Sequence[Clause], findings: Sequence[Finding] = ()
) -> LiabilityCap | None:
    """The first cap stated in a contract's liability clauses; :data:`NO_CLAUSE` when the
    checker found no liability clause, :data:`UNCAPPED` when it found liability unlimited;
    None when no cap sentence is found."""
    issues = {f.rule_id for f in findings if f.status != "present"}
    if "missing.limitation_of_liability" in issues:
        return NO_CLAUSE
    if "liability.uncapped" in issues:
        return UNCAPPED
    for clause in sorted(clauses, key=lambda c: c.start):
        if clause.type != "limitation_of_liability":
            continue
        for a, b in cap_sentences(text, clause.start, clause.end):
            return read_cap(text, facts, a, b)
    return None
