"""Commercial terms to compare across a portfolio: payment days, notice period, liability cap.

Every term comes from the contracts table the analysis wrote: payment days and the
non-renewal notice period from the key dates (``payment_due_period``, ``notice_period_days``),
the end of the term in force (``current_term_end``, rolled through automatic renewals, else the
initial ``expiration_date``),
the liability cap from the ``liability_cap*`` columns (read by the checker, see
:mod:`contract_analyzer.check.caps`: months of fees where the text allows it, so contracts can
be ranked; a fixed sum or a multiple of the contract price as written).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from contract_analyzer.portfolio.views import ok_contracts
from contract_analyzer.report.cells import as_date, is_missing
from contract_analyzer.report.frames import LIABILITY_CAP_COLUMNS

TERM_COLUMNS: tuple[str, ...] = (
    "file",
    "kind",
    "current_term_end",
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


def _days(value: Any) -> float | None:
    from contract_analyzer.check.rules._text import value_days

    if is_missing(value):
        return None
    return value_days(value)


def contract_terms(contracts: pd.DataFrame) -> pd.DataFrame:
    """One row per analysed contract with the compared terms (see :data:`TERM_COLUMNS`)."""
    ok = ok_contracts(contracts)
    rows = []
    for row in ok.to_dict("records"):
        file = str(row["file"])
        rows.append(
            {
                "file": file,
                "kind": row.get("kind"),
                "current_term_end": as_date(row.get("current_term_end"))
                or as_date(row.get("expiration_date")),
                "payment_days": _days(row.get("payment_due_period")),
                "notice_days": None
                if is_missing(row.get("notice_period_days"))
                else float(row["notice_period_days"]),
                **{c: _cell(row.get(c)) for c in LIABILITY_CAP_COLUMNS},
            }
        )
    frame = pd.DataFrame(rows, columns=list(TERM_COLUMNS))
    for column in ("payment_days", "notice_days", "liability_cap_months", "liability_cap_amount"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def _cell(value: Any) -> Any:
    return None if is_missing(value) else value


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
