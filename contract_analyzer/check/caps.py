"""The liability cap of a contract, as the report shows it: the first cap that applies, with
its kind (fixed amount, fees over a look-back period, multiple of fees, insurance, unparsed,
none), amount or formula, period, evidence span and the carve-outs from it.

The reading itself is :func:`contract_analyzer.check.cap_parse.read_liability`, the same one
the liability rules use, so the cap shown and the findings never disagree. Caps are
normalised to "months of fees" where the text allows it, so contracts can be ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contract_analyzer.check.cap_parse import CapTerm, CarveOut, LiabilityReading, read_liability
from contract_analyzer.check.context import CheckContext
from contract_analyzer.check.finding import Finding
from contract_analyzer.facts import Facts
from contract_analyzer.tagging.clause import Clause

__all__ = ["NO_CLAUSE", "UNCAPPED", "CarveOut", "LiabilityCap", "liability_cap", "reading_for"]


@dataclass(frozen=True)
class LiabilityCap:
    """What the cap sentence says.

    ``kind`` is one of :data:`contract_analyzer.check.cap_parse.CAP_KINDS`; ``description``
    a short summary ("fees of 12 months", "2x the contract price", "USD 100,000", "uncapped"); ``months``
    the cap in months of fees (fee-period caps only); ``amount``/``currency`` a fixed sum;
    ``multiple`` a multiple or share of fees; ``formula`` the fee formula; ``period`` the
    look-back period as written; ``party`` whose liability is capped as written ("either
    party", "Supplier"); ``carve_outs`` what the cap does not apply to. ``evidence`` is the
    sentence (whitespace folded), ``start``/``end`` its span (None for verdict-only caps).
    """

    description: str
    months: float | None = None
    amount: float | None = None
    currency: str | None = None
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    kind: str = "none"
    multiple: float | None = None
    formula: str | None = None
    period: str | None = None
    party: str | None = None
    carve_outs: tuple[str, ...] = ()


UNCAPPED = LiabilityCap("uncapped")
NO_CLAUSE = LiabilityCap("no liability clause")


def from_term(text: str, term: CapTerm, reading: LiabilityReading) -> LiabilityCap:
    """The report's view of one parsed cap sentence."""
    evidence = " ".join(text[term.start : term.end].split())
    carve = tuple(dict.fromkeys(c.category for c in reading.carve_outs))
    return LiabilityCap(
        term.description,
        months=None if term.period_months is None else term.period_months * (term.multiple or 1),
        amount=term.amount,
        currency=term.currency,
        evidence=evidence,
        start=term.start,
        end=term.end,
        kind=term.kind,
        multiple=term.multiple,
        formula=term.formula,
        period=term.period,
        party=term.party,
        carve_outs=carve,
    )


def reading_for(text: str, facts: Facts, clauses: Sequence[Clause]) -> LiabilityReading:
    """The liability reading of a contract, with its tagged liability clauses as regions."""
    regions = [(c.start, c.end) for c in clauses if c.type == "limitation_of_liability"]
    return read_liability(text, facts, regions)


def liability_cap(
    text: str,
    facts: Facts,
    clauses: Sequence[Clause],
    findings: Sequence[Finding] = (),
    *,
    context: CheckContext | None = None,
) -> LiabilityCap | None:
    """The first cap stated in the contract (parsed ones before unparsed ones);
    :data:`UNCAPPED` when the checker found liability unlimited, :data:`NO_CLAUSE` when
    nothing in the contract limits liability and the checker found no liability clause;
    None when liability is limited only by exclusions or time limits (no cap sentence).
    ``context``: the ``CheckContext`` of this contract, whose reading is reused when it has
    the same regions."""
    issues = {f.rule_id for f in findings if f.status != "present"}
    if "liability.uncapped" in issues:
        return UNCAPPED
    if context is not None and not context.stated.get("limitation_of_liability"):
        # the context's reading has the same regions (no stated ones added): not read again
        reading = context.liability
    else:
        reading = reading_for(text, facts, clauses)
    if reading.caps:
        term = next((t for t in reading.caps if t.has_amount), reading.caps[0])
        return from_term(text, term, reading)
    if "missing.limitation_of_liability" in issues:
        return NO_CLAUSE
    return None
