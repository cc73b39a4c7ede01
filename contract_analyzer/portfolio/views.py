"""Portfolio views as pandas tables: the data behind every plot and every section of the page.

Each function takes the tables of a batch (:class:`contract_analyzer.batch.BatchResult`:
``contracts`` one row per file, and the long ``findings`` and ``key_dates`` tables) and
returns a new DataFrame; nothing here reads files or runs the analysis again. The notebooks
and ``contract-analyzer report`` call the same functions, so they show the same numbers.
"""

from __future__ import annotations

import pandas as pd

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.check.finding import SEVERITIES, SEVERITY_RANK
from contract_analyzer.report.cells import as_date, is_missing
from contract_analyzer.report.frames import SUMMARY_COLUMNS
from contract_analyzer.report.model import ABSENT
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

# component status -> heatmap code (what the colour scale means)
STATUS_CODES: dict[str, int] = {ABSENT: 0, "present": 1, "weak": 2, "missing": 3}
STATUS_LABELS: dict[str, str] = {
    ABSENT: "not required, not found",
    "present": "present",
    "weak": "weak",
    "missing": "missing",
}
COMPONENTS: tuple[str, ...] = (*CLAUSE_TYPE_IDS, "drafting")
# key date kinds shown on the deadline timeline, in the order they happen in a contract's life
# (the current term's end, not the initial expiry: an auto-renewed contract runs on past it)
TIMELINE_KINDS: tuple[str, ...] = ("effective_date", "next_notice_deadline", "current_term_end")
TIMELINE_LABELS: dict[str, str] = {
    "effective_date": "takes effect",
    "next_notice_deadline": "last day to give notice of non-renewal",
    "current_term_end": "current term ends",
    "expiration_date": "initial term ends",
}


# columns the views read from each batch table (a batch whose files all failed has only
# ``file`` and the error columns; the views then see empty values, not a KeyError)
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "contracts": (*SUMMARY_COLUMNS, "error_type"),
    "findings": (
        "file",
        "component",
        "status",
        "severity",
        "rule_id",
        "message",
        "page",
        "evidence",
    ),  # fmt: skip
    "clauses": ("file", "type", "start", "end", "page", "text"),
    "key_dates": ("file", "kind", "date", "value", "text", "derivation", "page"),
}


def with_columns(frame: pd.DataFrame | None, table: str) -> pd.DataFrame:
    """``frame`` with every column of :data:`TABLE_COLUMNS` ``[table]`` (missing ones empty)."""
    frame = pd.DataFrame() if frame is None else frame
    missing = [c for c in TABLE_COLUMNS[table] if c not in frame.columns]
    if not missing:
        return frame
    frame = frame.copy()
    for column in missing:
        frame[column] = None
    return frame


def ok_contracts(contracts: pd.DataFrame) -> pd.DataFrame:
    """The rows of files that were analysed (no ``error``)."""
    if "error" not in contracts.columns:
        return contracts
    return contracts[contracts["error"].map(is_missing)]


def error_contracts(contracts: pd.DataFrame) -> pd.DataFrame:
    """The error rows: files that could not be analysed, with ``error_type`` and ``error``."""
    if "error" not in contracts.columns:
        return contracts.iloc[0:0]
    return contracts[~contracts["error"].map(is_missing)]


def coverage_matrix(contracts: pd.DataFrame, *, drop_unused: bool = True) -> pd.DataFrame:
    """Component status per contract: rows are files, columns taxonomy components.

    Values are ``present``, ``weak``, ``missing`` or ``absent-not-required`` (the
    contract's playbook does not ask for it and no clause of that type was found).
    ``drop_unused`` leaves out components that no contract has and no playbook asks for.
    """
    ok = ok_contracts(contracts)
    columns = [c for c in COMPONENTS if f"status_{c}" in ok.columns]
    matrix = pd.DataFrame(
        {c: ok[f"status_{c}"].fillna(ABSENT).astype(str).to_numpy() for c in columns},
        index=pd.Index(ok["file"].astype(str).to_numpy(), name="file"),
        columns=pd.Index(columns, name="component"),
    )
    if drop_unused and not matrix.empty:
        used = [c for c in matrix.columns if (matrix[c] != ABSENT).any()]
        matrix = matrix[used]
    return matrix


def coverage_codes(matrix: pd.DataFrame) -> pd.DataFrame:
    """:func:`coverage_matrix` as numbers (see :data:`STATUS_CODES`), for a heatmap."""
    return matrix.apply(lambda col: col.map(lambda s: STATUS_CODES.get(s, 0))).astype(int)


def coverage_summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """How many contracts have each component present, weak or missing (one row per
    component, worst first)."""
    rows = []
    for component in matrix.columns:
        counts = matrix[component].value_counts()
        rows.append(
            {
                "component": component,
                "present": int(counts.get("present", 0)),
                "weak": int(counts.get("weak", 0)),
                "missing": int(counts.get("missing", 0)),
            }
        )
    frame = pd.DataFrame(rows, columns=["component", "present", "weak", "missing"])
    return frame.sort_values(
        ["missing", "weak", "component"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def deadlines(
    contracts: pd.DataFrame,
    key_dates: pd.DataFrame,
    *,
    as_of: AsOf,
    kinds: tuple[str, ...] = TIMELINE_KINDS,
) -> pd.DataFrame:
    """Every dated key date of ``kinds`` with days left from ``as_of`` (negative: passed).

    Columns: file, kind, label, date, days_left, upcoming, derivation, text. Sorted by
    date, then file. The notice deadline carries the arithmetic that derived it.
    """
    as_of = coerce_as_of(as_of)
    columns = ["file", "kind", "label", "date", "days_left", "upcoming", "derivation", "text"]
    ok_files = set(ok_contracts(contracts)["file"].astype(str))
    rows = []
    if key_dates is not None and not key_dates.empty:
        for kd in key_dates.to_dict("records"):
            kind = str(kd.get("kind") or "")
            date = as_date(kd.get("date"))
            file = str(kd.get("file"))
            if kind not in kinds or date is None or file not in ok_files:
                continue
            days = (date - as_of).days
            rows.append(
                {
                    "file": file,
                    "kind": kind,
                    "label": TIMELINE_LABELS.get(kind, kind.replace("_", " ")),
                    "date": date,
                    "days_left": days,
                    "upcoming": days >= 0,
                    "derivation": "" if is_missing(kd.get("derivation")) else str(kd["derivation"]),
                    "text": "" if is_missing(kd.get("text")) else " ".join(str(kd["text"]).split()),
                }
            )
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    frame = frame.drop_duplicates(["file", "kind", "date"])
    return frame.sort_values(["date", "file", "kind"], kind="stable").reset_index(drop=True)


def issues(findings: pd.DataFrame) -> pd.DataFrame:
    """Weak and missing findings of every contract, worst severity first, then by file."""
    if findings is None or findings.empty:
        return pd.DataFrame(
            columns=["file", "component", "status", "severity", "rule_id", "message", "evidence"]
        )
    frame = findings[findings["status"] != "present"].copy()
    frame["_rank"] = frame["severity"].map(lambda s: SEVERITY_RANK.get(s, len(SEVERITIES)))
    frame = frame.sort_values(["_rank", "file", "component", "rule_id"], kind="stable")
    return frame.drop(columns="_rank").reset_index(drop=True)


def severity_table(findings: pd.DataFrame, contracts: pd.DataFrame) -> pd.DataFrame:
    """Number of weak/missing findings per contract and severity (every analysed file,
    zeros included), with the score; worst first."""
    ok = ok_contracts(contracts)
    found = issues(findings)
    table = pd.crosstab(found["file"], found["severity"]) if not found.empty else pd.DataFrame()
    out = pd.DataFrame(index=pd.Index(ok["file"].astype(str), name="file"))
    for severity in ("high", "medium", "low"):
        out[severity] = (
            table[severity].reindex(out.index).fillna(0).astype(int)
            if severity in table.columns
            else 0
        )
    out["score"] = ok["score"].to_numpy()
    return out.sort_values(["score", "high", "medium"], ascending=[True, False, False]).copy()
