"""Commercial terms to compare across a portfolio: payment days, notice period, liability cap.

Payment days and the non-renewal notice period come from the key dates the analysis found
(``payment_due_period``, ``notice_period_to_terminate_renewal``). The liability cap is read
from the clauses tagged ``limitation_of_liability``: the sentence that puts a ceiling on
liability (the checker's own cap patterns), then the amount it names: a sum of money, or fees
of a number of months (times a multiple). A contract the checker found uncapped is marked so.

Caps are normalised to "months of fees" where the text allows it, so contracts can be ranked;
a fixed sum or a multiple of the contract price stays as written (``liability_cap`` text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from contract_analyzer.portfolio.views import ok_contracts
from contract_analyzer.report.cells import is_missing

TERM_COLUMNS: tuple[str, ...] = (
    "file",
    "kind",
    "payment_days",
    "notice_days",
    "liability_cap",
    "liability_cap_months",
    "liability_cap_amount",
    "liability_cap_currency",
    "liability_cap_evidence",
)
# the numeric terms compared with the portfolio, and how to read them
NUMERIC_TERMS: dict[str, str] = {
    "payment_days": "days the customer has to pay an invoice",
    "notice_days": "days of notice needed to stop an automatic renewal",
    "liability_cap_months": "liability cap, in months of fees",
}
DAYS_PER_MONTH = 365.25 / 12

_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])|\n\s*\n")
_TIMES = re.compile(
    r"\b(?:(?P<word>one|two|three|four|five|six|ten)\s*)?(?:\((?P<digits>\d+(?:\.\d+)?)\)\s*)?"
    r"(?P<bare>\d+(?:\.\d+)?)?\s*(?:times|x)\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_FEES = re.compile(r"\b(?:fees?|charges?|amounts?|sums?)\b", re.IGNORECASE)
_PRICE = re.compile(r"\b(?:price|contract\s+value|order\s+value)\b", re.IGNORECASE)
_OTHER_CAP = re.compile(
    r"\b(?:data\s+protection\s+cap|insurance|not-to-exceed|fees\s+under\s+this\s+sow)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LiabilityCap:
    """What the cap sentence says: a description, months of fees and/or a sum of money."""

    description: str
    months: float | None = None
    amount: float | None = None
    currency: str | None = None
    evidence: str = ""


UNCAPPED = LiabilityCap("uncapped")
NO_CLAUSE = LiabilityCap("no liability clause")


def _days(value: Any) -> float | None:
    from contract_analyzer.check.rules._text import value_days

    if is_missing(value):
        return None
    return value_days(value)


def _multiple(sentence: str) -> float | None:
    for m in _TIMES.finditer(sentence):
        for group in ("digits", "bare"):
            if m.group(group):
                return float(m.group(group))
        if m.group("word"):
            return float(_WORD_NUMBERS[m.group("word").lower()])
    return None


def cap_sentences(text: str) -> list[str]:
    """Sentences of ``text`` that put a ceiling on liability (not exclusions, not other caps)."""
    from contract_analyzer.check.rules.liability import CAP

    out = []
    for sentence in _SENTENCE.split(text):
        flat = " ".join(sentence.split())
        if flat and CAP.search(flat) and "liab" in flat.lower() and not _OTHER_CAP.search(flat):
            out.append(flat)
    return out


def read_cap(sentence: str) -> LiabilityCap:
    """The amount a cap sentence names (see the module docstring)."""
    from contract_analyzer.facts import extract_durations, extract_money

    money = [m for m in extract_money(sentence) if m.period is None]
    multiple = _multiple(sentence)
    months = None
    for d in extract_durations(sentence):
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
        return LiabilityCap("cap without amount", evidence=sentence)
    joiner = " or " if len(parts) > 1 and "greater" in sentence.lower() else " + "
    description = joiner.join(parts)
    if len(parts) > 1 and "greater" in sentence.lower():
        description = f"greater of {description}"
    return LiabilityCap(description, fee_months, amount, currency, sentence)


def liability_cap(
    clause_texts: list[str], uncapped: bool = False, missing: bool = False
) -> LiabilityCap | None:
    """The first cap stated in a contract's liability clauses; :data:`NO_CLAUSE` when the
    checker found no liability clause (``missing``), :data:`UNCAPPED` when it found liability
    unlimited; None when no cap sentence is found."""
    if missing:
        return NO_CLAUSE
    if uncapped:
        return UNCAPPED
    for text in clause_texts:
        for sentence in cap_sentences(text):
            return read_cap(sentence)
    return None


def contract_terms(
    contracts: pd.DataFrame, clauses: pd.DataFrame, findings: pd.DataFrame
) -> pd.DataFrame:
    """One row per analysed contract with the compared terms (see :data:`TERM_COLUMNS`)."""
    ok = ok_contracts(contracts)
    liability: dict[str, list[str]] = {}
    if clauses is not None and not clauses.empty:
        mask = clauses["type"] == "limitation_of_liability"
        for row in clauses[mask].sort_values(["file", "start"], kind="stable").itertuples():
            liability.setdefault(str(row.file), []).append(str(row.text))
    uncapped = _files_with(findings, "liability.uncapped")
    missing = _files_with(findings, "missing.limitation_of_liability")
    rows = []
    for row in ok.to_dict("records"):
        file = str(row["file"])
        cap = liability_cap(
            liability.get(file, []), uncapped=file in uncapped, missing=file in missing
        )
        rows.append(
            {
                "file": file,
                "kind": row.get("kind"),
                "payment_days": _days(row.get("payment_due_period")),
                "notice_days": None
                if is_missing(row.get("notice_period_days"))
                else float(row["notice_period_days"]),
                "liability_cap": cap.description if cap else None,
                "liability_cap_months": cap.months if cap else None,
                "liability_cap_amount": cap.amount if cap else None,
                "liability_cap_currency": cap.currency if cap else None,
                "liability_cap_evidence": cap.evidence if cap else "",
            }
        )
    frame = pd.DataFrame(rows, columns=list(TERM_COLUMNS))
    for column in ("payment_days", "notice_days", "liability_cap_months", "liability_cap_amount"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def _files_with(findings: pd.DataFrame, rule_id: str) -> set[str]:
    """Files with a weak or missing finding of ``rule_id``."""
    if findings is None or findings.empty:
        return set()
    hit = findings[(findings["rule_id"] == rule_id) & (findings["status"] != "present")]
    return set(hit["file"].astype(str))


def compare_terms(terms: pd.DataFrame, file: str) -> pd.DataFrame:
    """One contract's numeric terms beside the rest of the portfolio.

    One row per term of :data:`NUMERIC_TERMS`: this contract's value, the others' median,
    minimum and maximum, how many others state the term, and where this contract stands
    ("shorter than most", "longer than all", ...). Raises KeyError for an unknown file.
    """
    if file not in set(terms["file"]):
        raise KeyError(f"{file!r} is not in the portfolio; files: {', '.join(terms['file'])}")
    mine = terms[terms["file"] == file].iloc[0]
    others = terms[terms["file"] != file]
    rows = []
    for term, meaning in NUMERIC_TERMS.items():
        values = others[term].dropna()
        value = mine[term]
        rows.append(
            {
                "term": term,
                "meaning": meaning,
                "this_contract": None if is_missing(value) else float(value),
                "portfolio_median": float(values.median()) if len(values) else None,
                "portfolio_min": float(values.min()) if len(values) else None,
                "portfolio_max": float(values.max()) if len(values) else None,
                "others_stating_it": int(len(values)),
                "position": _position(value, values),
            }
        )
    return pd.DataFrame(rows).set_index("term")


def _position(value: Any, others: pd.Series) -> str:
    """Where ``value`` stands among ``others``: highest, lowest, or how many are below,
    equal and above it."""
    if is_missing(value):
        return "not stated"
    if others.empty:
        return "no other contract states it"
    below = int((others < value).sum())
    above = int((others > value).sum())
    if below == len(others):
        return "highest of the portfolio"
    if above == len(others):
        return "lowest of the portfolio"
    same = len(others) - below - above
    return f"of {len(others)} others: {below} lower, {same} the same, {above} higher"
