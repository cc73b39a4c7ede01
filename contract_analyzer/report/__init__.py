"""The ContractReport and its views (dict/JSON, pandas, HTML, iCalendar)."""

from __future__ import annotations

from contract_analyzer.report.calendar import CalendarEntry, build_calendar, entries_for_report
from contract_analyzer.report.model import ABSENT, ContractReport
from contract_analyzer.report.serialize import SCHEMA_VERSION, load_schema, schema_path

__all__ = [
    "ABSENT",
    "SCHEMA_VERSION",
    "CalendarEntry",
    "ContractReport",
    "build_calendar",
    "entries_for_report",
    "load_schema",
    "schema_path",
]
