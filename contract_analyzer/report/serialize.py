"""The report as plain data: a versioned dict (JSON Schema in ``schema/report-1.json``)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from contract_analyzer import __version__
from contract_analyzer.check.score import WEIGHTS

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.report.model import ContractReport

PREVIEW = 160
SCORE_FORMULA = (
    "round(100 * product over weak/missing findings of (1 - weight[severity])), "
    + ", ".join(f"{k}={v}" for k, v in WEIGHTS.items())
)


SCHEMA_VERSION = "1.2"  # of the dict/JSON form (1.2: cap kind "redacted", answer method "learned"), validated by schema/report-1.json


def plain(value: Any) -> Any:
    """A JSON-ready version of a fact value (dates as ISO text, durations as their text)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    text = getattr(value, "text", None)
    if isinstance(text, str):
        return text
    return str(value)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1].rstrip() + "…"


def key_date_dict(report: ContractReport, k: Any) -> dict[str, Any]:
    """One key date as data."""
    start = getattr(k, "start", None)
    end = getattr(k, "end", None)
    date = getattr(k, "date", None)
    anniversary = getattr(k, "anniversary", None)
    return {
        "kind": str(getattr(k, "kind", "")),
        "date": date.isoformat() if isinstance(date, (dt.date, dt.datetime)) else None,
        "value": plain(getattr(k, "value", None)),
        "text": str(getattr(k, "text", "") or ""),
        "derivation": str(getattr(k, "derivation", "") or ""),
        "start": start if isinstance(start, int) else None,
        "end": end if isinstance(end, int) else None,
        "page": report.document.page_at(start) if isinstance(start, int) else None,
        # term ends: the same end under the anniversary convention (None when stated as a date)
        "anniversary": anniversary.isoformat() if isinstance(anniversary, dt.date) else None,
    }


def _evidence(report: ContractReport, spans: Any) -> list[dict[str, Any]]:
    text = report.document.text
    return [
        {"start": e.start, "end": e.end, "page": e.page, "text": _preview(text[e.start : e.end])}
        for e in spans
    ]


def liability_cap_dict(report: ContractReport) -> dict[str, Any] | None:
    """The liability cap as data (None when no cap sentence was found)."""
    cap = report.liability_cap
    if cap is None:
        return None
    return {
        "kind": cap.kind,
        "description": cap.description,
        "amount": cap.amount,
        "currency": cap.currency,
        "multiple": cap.multiple,
        "formula": cap.formula,
        "period": cap.period,
        "months": cap.months,
        "party": cap.party,
        "carve_outs": list(cap.carve_outs),
        "start": cap.start,
        "end": cap.end,
        "page": report.document.page_at(cap.start) if cap.start is not None else None,
    }


def report_to_dict(report: ContractReport) -> dict[str, Any]:
    """The whole report as JSON-ready data."""
    doc = report.document
    src = report.source
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "contract_analyzer", "version": __version__},
        "source": {
            "path": src.path,
            "name": src.name,
            "sha256": src.sha256,
            "format": src.format,
            "size_bytes": src.size_bytes,
            "pages": src.page_count,
            "words": doc.word_count,
            "ocr": {
                "pages": [
                    {
                        "page": p.number,
                        "confidence": p.confidence,
                        "words": p.words,
                        "engine": p.engine,
                        "rotation": p.rotation,
                    }  # fmt: skip
                    for p in doc.ocr_pages
                ],
                "confidence": doc.ocr_confidence,
            },
        },
        "kind": report.kind,
        "kind_confidence": report.kind_confidence,
        "playbook": {
            "name": report.playbook.name,
            "kind": report.playbook.kind,
            "title": report.playbook.title,
        },
        "as_of": report.as_of.isoformat(),
        "score": report.score,
        "score_formula": SCORE_FORMULA,
        "components": report.component_status(),
        "counts": report.severity_counts(),
        "findings": [
            {
                "component": f.component,
                "status": f.status,
                "severity": f.severity,
                "message": f.message,
                "rule_id": f.rule_id,
                "evidence": [
                    {
                        "start": e.start,
                        "end": e.end,
                        "page": e.page,
                        "text": _preview(doc.text[e.start : e.end]),
                    }
                    for e in f.evidence
                ],
            }
            for f in report.findings
        ],
        "key_dates": [key_date_dict(report, k) for k in report.key_dates],
        "clauses": [
            {
                "type": c.type,
                "start": c.start,
                "end": c.end,
                "page": c.page,
                "confidence": round(float(c.confidence), 4),
                "method": c.method,
                "section": c.section,
                "preview": _preview(doc.text[c.start : c.end]),
            }
            for c in report.clauses
        ],
        "obligations": [
            {
                "party": o.party,
                "party_name": o.party_name,
                "action": o.action,
                "due": o.due,
                "due_days": o.due_days,
                "negative": o.negative,
                "start": o.start,
                "end": o.end,
                "page": o.page,
            }
            for o in report.obligations
        ],
        "liability_cap": liability_cap_dict(report),
        "answers": [
            {
                "category": a.category,
                "present": a.present,
                "value": a.value,
                "confidence": a.confidence,
                "method": a.method,
                "evidence": _evidence(report, a.evidence),
            }
            for a in report.answers
        ],
    }


def report_to_json(report: ContractReport, indent: int | None = 2) -> str:
    """JSON text of :func:`report_to_dict` (keys in a fixed order)."""
    return json.dumps(report_to_dict(report), indent=indent, ensure_ascii=False)


def schema_path() -> Any:
    """The JSON Schema shipped with the package for ``to_dict()``."""
    from importlib.resources import files

    return files("contract_analyzer.report").joinpath("schema", "report-1.json")


def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``to_dict()`` as data."""
    return json.loads(schema_path().read_text(encoding="utf-8"))
