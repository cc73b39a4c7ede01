"""The ContractReport and its views (dict/JSON, pandas, HTML, iCalendar).

Names are imported on first use (PEP 562): ``ca.analyze`` needs the report model, not the
calendar view, and the calendar pulls in pandas and icalendar (about 0.4 s per process).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.report.calendar import (
        CalendarEntry,
        build_calendar,
        entries_for_report,
    )
    from contract_analyzer.report.model import ABSENT, ContractReport
    from contract_analyzer.report.serialize import SCHEMA_VERSION, load_schema, schema_path

# public name -> the module defining it
_WHERE = {
    "ABSENT": "contract_analyzer.report.model",
    "ContractReport": "contract_analyzer.report.model",
    "CalendarEntry": "contract_analyzer.report.calendar",
    "build_calendar": "contract_analyzer.report.calendar",
    "entries_for_report": "contract_analyzer.report.calendar",
    "SCHEMA_VERSION": "contract_analyzer.report.serialize",
    "load_schema": "contract_analyzer.report.serialize",
    "schema_path": "contract_analyzer.report.serialize",
}

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


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
