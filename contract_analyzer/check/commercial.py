"""Who the other side is and what the contract is worth, where the text says so.

``counterparty``: the party on the supplying side (Supplier, Provider, Vendor, Licensor,
Contractor, Consultant, Seller, Service Provider ... by its defined role), since the reader of a
portfolio is usually the customer; else the party beside the one defined as Customer, Client,
Licensee ...; when no role tells, the second party of the preamble (the first is usually the
one whose paper it is). ``parties`` lists every party either way.

``value``: the contract's stated price, read from amounts of money in sentences about fees,
prices or charges ("The total fees are USD 120,000", "Customer shall pay an annual
subscription fee of $48,000"), never from liability caps, insurance limits, service credits,
interest or penalties. The strongest cue wins ("total", "contract value", "aggregate"), then
the largest amount; per-period amounts keep their period ("per year"). None when no amount
of money is stated as a price: most agreements price in order forms that are not attached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from contract_analyzer.facts import Facts
from contract_analyzer.facts.money import Money
from contract_analyzer.tagging.clause import Clause
from contract_analyzer.text.parties import Party
from contract_analyzer.text.sentences import sentence_around

SUPPLY_ROLES = re.compile(
    r"\b(?:supplier|provider|vendor|licen[sc]or|contractor|consultant|seller|reseller|"
    r"distributor|developer|processor|manufacturer|servicer|maintainer)\b",
    re.IGNORECASE,
)
PRICE_CUE = re.compile(
    r"\b(?:fees?|price[sd]?|pricing|charges?|consideration|compensation|payable|pay|paid|"
    r"invoice[sd]?|subscription|purchase price|contract (?:value|price|sum)|total)\b",
    re.IGNORECASE,
)
STRONG_CUE = re.compile(
    r"\b(?:total|aggregate|contract (?:value|price|sum)|purchase price|in (?:full|total))\b",
    re.IGNORECASE,
)
NOT_A_PRICE = re.compile(
    r"\b(?:liab(?:le|ility|ilities)|insurance|insured|coverage|credit|interest|penalt(?:y|ies)|"
    r"liquidated damages|indemn\w*|damages|not (?:to )?exceed|cap(?:ped)?|limit(?:ed|s)?|"
    r"fine[sd]?|bond|deposit|escrow)\b",
    re.IGNORECASE,
)
BUYING_ROLES = re.compile(
    r"\b(?:customer|client|buyer|purchaser|licensee|subscriber|controller|member|owner)\b",
    re.IGNORECASE,
)
NOT_PRICE_TYPES = frozenset({"limitation_of_liability", "insurance", "indemnification"})


@dataclass(frozen=True)
class ContractValue:
    """A stated price: ``amount`` in ``currency``, per ``period`` when charged per period."""

    amount: Decimal
    currency: str
    period: str | None
    text: str
    start: int
    end: int

    @property
    def description(self) -> str:
        """``USD 120,000`` or ``USD 4,000 per month``."""
        amount = f"{self.amount:,.2f}".removesuffix(".00")
        return f"{self.currency} {amount}" + (f" per {self.period}" if self.period else "")


def counterparty(parties: Sequence[Party]) -> str | None:
    """The supplying party's name (see the module docstring); None with no parties."""
    if not parties:
        return None
    for party in parties:
        if party.role and SUPPLY_ROLES.search(party.role):
            return party.name
    buyers = [p for p in parties if p.role and BUYING_ROLES.search(p.role)]
    others = [p for p in parties if p not in buyers]
    if buyers and others:
        return others[0].name
    return parties[1].name if len(parties) > 1 else parties[0].name


def contract_value(text: str, facts: Facts, clauses: Sequence[Clause] = ()) -> ContractValue | None:
    """The contract's stated price (see the module docstring), or None."""
    excluded = [(c.start, c.end) for c in clauses if c.type in NOT_PRICE_TYPES]
    best: tuple[int, Decimal, Money] | None = None
    for money in facts.money:
        if money.inconsistent or money.amount <= 0:
            continue
        if any(s <= money.start < e for s, e in excluded):
            continue
        start, end = sentence_around(text, money.start, money.end, limit=400)
        sentence = text[start:end]
        if not PRICE_CUE.search(sentence) or NOT_A_PRICE.search(sentence):
            continue
        rank = (2 if STRONG_CUE.search(sentence) else 1, money.amount)
        if best is None or rank > best[:2]:
            best = (*rank, money)
    if best is None:
        return None
    money = best[2]
    return ContractValue(
        amount=money.amount,
        currency=money.currency,
        period=money.period,
        text=money.text,
        start=money.start,
        end=money.end,
    )
