"""The report as pandas tables: one summary row, and long tables that stack across files."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from contract_analyzer.check.answers import CATEGORIES
from contract_analyzer.report.naming import contract_title, party_names
from contract_analyzer.report.serialize import key_date_dict, plain
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.report.model import ContractReport

# key date kind -> summary column (dates as datetime.date, the rest as text)
KEY_DATE_COLUMNS: dict[str, str] = {
    "agreement_date": "agreement_date",
    "effective_date": "effective_date",
    "expiration_date": "expiration_date",
    "current_term_end": "current_term_end",
    "auto_renewal": "auto_renewal",
    "renewal_term": "renewal_term",
    "notice_period_to_terminate_renewal": "notice_period",
    "next_notice_deadline": "next_notice_deadline",
    "payment_due_period": "payment_due_period",
    "survival_period": "survival_period",
}
# the liability cap (contract_analyzer.check.caps.LiabilityCap) as summary columns
LIABILITY_CAP_COLUMNS: tuple[str, ...] = (
    "liability_cap",
    "liability_cap_months",
    "liability_cap_amount",
    "liability_cap_currency",
    "liability_cap_evidence",
    "liability_cap_kind",
)
# who the other side is and the stated price (contract_analyzer.check.commercial)
COMMERCIAL_COLUMNS: tuple[str, ...] = (
    "counterparty",
    "contract_value",
    "contract_value_currency",
    "contract_value_period",
    "contract_value_text",
)
DATE_KINDS = {
    "agreement_date",
    "effective_date",
    "expiration_date",
    "current_term_end",
    "next_notice_deadline",
}
# one column per CUAD category: is such a clause present (report.answers)
ANSWER_COLUMNS: tuple[str, ...] = tuple(f"cuad_{c}" for c in CATEGORIES)
STATUS_COLUMNS: tuple[str, ...] = tuple(f"status_{c}" for c in (*CLAUSE_TYPE_IDS, "drafting"))
SUMMARY_COLUMNS: tuple[str, ...] = (
    "file",
    "path",
    "sha256",
    "format",
    "title",
    "parties",
    "pages",
    "words",
    "ocr_pages",
    "ocr_confidence",
    "kind",
    "kind_confidence",
    "playbook",
    "score",
    *COMMERCIAL_COLUMNS,
    *STATUS_COLUMNS,
    *KEY_DATE_COLUMNS.values(),
    "notice_period_days",
    *LIABILITY_CAP_COLUMNS,
    *ANSWER_COLUMNS,
    "findings_high",
    "findings_medium",
    "findings_low",
    "findings_info",
    "clauses",
    "obligations",
    "as_of",
    "error",
)


# whole-number columns of each table: nullable Int64, so a missing value does not turn
# pages, offsets or counts into floats (1.0, 2.0 ...) in CSV, Parquet and XLSX
INT_COLUMNS: dict[str, tuple[str, ...]] = {
    "summary": ("pages", "words", "score", "notice_period_days", "liability_cap_months",
                "findings_high", "findings_medium", "findings_low", "findings_info", "clauses",
                "obligations"),
    "findings": ("page", "start", "end", "n_evidence"),
    "clauses": ("start", "end", "page", "words"),
    "obligations": ("due_days", "page", "start", "end"),
    "key_dates": ("start", "end", "page"),
}  # fmt: skip


def typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` with the whole-number columns of ``table`` as nullable Int64."""
    for column in INT_COLUMNS[table]:
        if column in frame.columns:
            frame[column] = pd.array(
                [None if v is None or v != v else int(v) for v in frame[column]], dtype="Int64"
            )
    return frame


def _key_date_value(kd: Any) -> Any:
    kind = getattr(kd, "kind", "")
    if kind in DATE_KINDS:
        date = getattr(kd, "date", None)
        return date if isinstance(date, dt.date) else None
    value = getattr(kd, "value", None)
    if kind == "auto_renewal":
        from contract_analyzer.check.rules._text import yes_no

        return yes_no(value)
    return plain(value) if value is not None else (getattr(kd, "text", None) or None)


def summary_row(report: ContractReport) -> dict[str, Any]:
    """The one-row summary as a dict (the batch engine stacks these)."""
    from contract_analyzer.check.rules._text import value_days

    src = report.source
    row: dict[str, Any] = {
        "file": src.name,
        "path": src.path,
        "sha256": src.sha256,
        "format": src.format,
        "title": contract_title(report.document.text),
        "parties": "; ".join(party_names(getattr(report.facts, "parties", ()) or ())) or None,
        "pages": src.page_count,
        "words": report.document.word_count,
        "ocr_pages": len(report.document.ocr_pages),
        "ocr_confidence": report.document.ocr_confidence,
        "kind": report.kind,
        "kind_confidence": report.kind_confidence,
        "playbook": report.playbook.name,
        "score": report.score,
    }
    for comp, status in report.component_status().items():
        row[f"status_{comp}"] = status
    for column in KEY_DATE_COLUMNS.values():
        row[column] = None
    row["notice_period_days"] = None
    for kd in report.key_dates:
        kind = getattr(kd, "kind", "")
        column = KEY_DATE_COLUMNS.get(kind)
        if column is None or row[column] is not None:
            continue
        row[column] = _key_date_value(kd)
        if kind == "notice_period_to_terminate_renewal":
            row["notice_period_days"] = value_days(getattr(kd, "value", None))
    row.update(_commercial(report))
    cap = report.liability_cap
    row["liability_cap"] = cap.description if cap else None
    row["liability_cap_months"] = cap.months if cap else None
    row["liability_cap_amount"] = cap.amount if cap else None
    row["liability_cap_currency"] = cap.currency if cap else None
    row["liability_cap_evidence"] = cap.evidence if cap else None
    row["liability_cap_kind"] = cap.kind if cap else None
    for a in report.answers:
        row[f"cuad_{a.category}"] = a.present
    for severity, n in report.severity_counts().items():
        row[f"findings_{severity}"] = n
    row["clauses"] = len(report.clauses)
    row["obligations"] = len(report.obligations)
    row["as_of"] = report.as_of
    row["error"] = None
    return {c: row.get(c) for c in SUMMARY_COLUMNS}


def _commercial(report: ContractReport) -> dict[str, Any]:
    """The commercial columns: parties, counterparty and the stated contract value."""
    from contract_analyzer.check.commercial import contract_value, counterparty

    parties = report.facts.parties if report.facts is not None else ()
    value = (
        contract_value(report.document.text, report.facts, report.clauses)
        if report.facts is not None
        else None
    )
    return {
        "counterparty": counterparty(parties),
        "contract_value": float(value.amount) if value else None,
        "contract_value_currency": value.currency if value else None,
        "contract_value_period": value.period if value else None,
        "contract_value_text": value.text if value else None,
    }


def summary_frame(report: ContractReport) -> pd.DataFrame:
    """One row per contract (here: one)."""
    return typed(pd.DataFrame([summary_row(report)], columns=list(SUMMARY_COLUMNS)), "summary")


def findings_frame(report: ContractReport) -> pd.DataFrame:
    """Findings, one row each, with the first evidence span and its text."""
    rows = []
    text = report.document.text
    for f in report.findings:
        first = f.evidence[0] if f.evidence else None
        rows.append(
            {
                "file": report.source.name,
                "component": f.component,
                "status": f.status,
                "severity": f.severity,
                "rule_id": f.rule_id,
                "message": f.message,
                "page": first.page if first else None,
                "start": first.start if first else None,
                "end": first.end if first else None,
                "evidence": " ".join(text[first.start : first.end].split()) if first else "",
                "n_evidence": len(f.evidence),
            }
        )
    columns = ["file", "component", "status", "severity", "rule_id", "message", "page", "start",
               "end", "evidence", "n_evidence"]  # fmt: skip
    return typed(pd.DataFrame(rows, columns=columns), "findings")


def clauses_frame(report: ContractReport) -> pd.DataFrame:
    """Tagged clauses, one row each."""
    text = report.document.text
    rows = [
        {
            "file": report.source.name,
            "type": c.type,
            "start": c.start,
            "end": c.end,
            "page": c.page,
            "confidence": float(c.confidence),
            "method": c.method,
            "section": c.section,
            "words": len(text[c.start : c.end].split()),
            "text": text[c.start : c.end],
        }
        for c in report.clauses
    ]
    columns = [
        "file",
        "type",
        "start",
        "end",
        "page",
        "confidence",
        "method",
        "section",
        "words",
        "text",
    ]
    return typed(pd.DataFrame(rows, columns=columns), "clauses")


ANSWER_FRAME_COLUMNS: tuple[str, ...] = (
    "file",
    "category",
    "present",
    "value",
    "confidence",
    "method",
    "page",
    "start",
    "end",
    "evidence",
)


def answers_frame(report: ContractReport) -> pd.DataFrame:
    """The CUAD answers, one row per category, with the first evidence span and its text."""
    text = report.document.text
    rows = []
    for a in report.answers:
        first = a.evidence[0] if a.evidence else None
        rows.append(
            {
                "file": report.source.name,
                "category": a.category,
                "present": a.present,
                "value": a.value,
                "confidence": a.confidence,
                "method": a.method,
                "page": first.page if first else None,
                "start": first.start if first else None,
                "end": first.end if first else None,
                "evidence": " ".join(text[first.start : first.end].split()) if first else None,
            }
        )
    return pd.DataFrame(rows, columns=list(ANSWER_FRAME_COLUMNS))


def obligations_frame(report: ContractReport) -> pd.DataFrame:
    """Obligations, one row each."""
    rows = [
        {
            "file": report.source.name,
            "party": o.party,
            "party_name": o.party_name,
            "action": o.action,
            "due": o.due,
            "due_days": o.due_days,
            "negative": o.negative,
            "page": o.page,
            "start": o.start,
            "end": o.end,
        }
        for o in report.obligations
    ]
    columns = [
        "file",
        "party",
        "party_name",
        "action",
        "due",
        "due_days",
        "negative",
        "page",
        "start",
        "end",
    ]
    return typed(pd.DataFrame(rows, columns=columns), "obligations")


def key_dates_frame(report: ContractReport) -> pd.DataFrame:
    """Key dates, one row each, with the arithmetic that derived them."""
    rows = [{"file": report.source.name, **key_date_dict(report, k)} for k in report.key_dates]
    for row in rows:  # a date column of dates (the JSON report keeps ISO text)
        row["date"] = dt.date.fromisoformat(row["date"]) if row["date"] else None
    columns = ["file", "kind", "date", "value", "text", "derivation", "start", "end", "page",
               "anniversary"]  # fmt: skip
    return typed(pd.DataFrame(rows, columns=columns), "key_dates")
