"""The ContractReport: everything ``ca.analyze`` found about one contract, and its views."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contract_analyzer.check.answers import Answer
from contract_analyzer.check.caps import LiabilityCap
from contract_analyzer.check.finding import Finding
from contract_analyzer.check.obligations import Obligation
from contract_analyzer.check.playbook import Playbook
from contract_analyzer.check.presence import ABSENT, component_status
from contract_analyzer.document import Document, Source
from contract_analyzer.facts import Facts
from contract_analyzer.keydates import KeyDate
from contract_analyzer.tagging.clause import Clause

__all__ = ["ABSENT", "ContractReport"]

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class ContractReport:
    """What kind of contract this is, what it has, what is missing or weak, its key dates,
    its obligations and a 0-100 score (see ``contract_analyzer.check.score``).

    ``kind`` is ``not_a_contract`` (and ``score`` None) for a document with no party, no
    obligation and no clause of a known type (``contract_analyzer.check.contractness``)."""

    document: Document
    source: Source
    kind: str
    kind_confidence: float
    playbook: Playbook
    clauses: tuple[Clause, ...]
    findings: tuple[Finding, ...]
    key_dates: tuple[KeyDate, ...]
    obligations: tuple[Obligation, ...]
    score: int | None
    as_of: dt.date
    facts: Facts | None = None  # the document's facts, as the analysis read them
    liability_cap: LiabilityCap | None = None
    answers: tuple[Answer, ...] = ()  # one per CUAD category (check/answers), CUAD's order

    # ------------------------------------------------------------------ summaries
    @property
    def issues(self) -> tuple[Finding, ...]:
        """Weak and missing findings only (what a reader must act on)."""
        return tuple(f for f in self.findings if f.status != "present")

    def component_status(self) -> dict[str, str]:
        """Every taxonomy component: present, weak, missing or absent-not-required (decided
        by :func:`contract_analyzer.check.presence.component_status`)."""
        return component_status(self.clauses, self.findings)

    def severity_counts(self) -> dict[str, int]:
        """Number of weak/missing findings per severity."""
        counts = {"high": 0, "medium": 0, "low": 0, "info": 0}
        for f in self.issues:
            counts[f.severity] += 1
        return counts

    def answer(self, category: str) -> Answer | None:
        """The answer to one CUAD category (``cap_on_liability``, ``anti_assignment`` ...)."""
        return next((a for a in self.answers if a.category == category), None)

    def key_date(self, kind: str) -> Any | None:
        """The first key date of a kind (``effective_date``, ``next_notice_deadline`` ...)."""
        return next((k for k in self.key_dates if getattr(k, "kind", None) == kind), None)

    def evidence_text(self, start: int, end: int) -> str:
        """Text of a span of the contract."""
        return self.document.text[start:end]

    # ------------------------------------------------------------------ views
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict following ``report/schema/report-1.json`` (``schema_version``)."""
        from contract_analyzer.report.serialize import report_to_dict

        return report_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text (deterministic: same contract, same bytes)."""
        from contract_analyzer.report.serialize import report_to_json

        return report_to_json(self, indent=indent)

    def to_frame(self) -> pd.DataFrame:
        """One row: file, kind, score, a status column per component, key dates, counts."""
        from contract_analyzer.report.frames import summary_frame

        return summary_frame(self)

    def findings_frame(self) -> pd.DataFrame:
        """One row per finding (with ``file``)."""
        from contract_analyzer.report.frames import findings_frame

        return findings_frame(self)

    def clauses_frame(self) -> pd.DataFrame:
        """One row per tagged clause (with ``file``)."""
        from contract_analyzer.report.frames import clauses_frame

        return clauses_frame(self)

    def obligations_frame(self) -> pd.DataFrame:
        """One row per obligation (with ``file``)."""
        from contract_analyzer.report.frames import obligations_frame

        return obligations_frame(self)

    def answers_frame(self) -> pd.DataFrame:
        """One row per CUAD category: present, value, confidence, method, first evidence."""
        from contract_analyzer.report.frames import answers_frame

        return answers_frame(self)

    def key_dates_frame(self) -> pd.DataFrame:
        """One row per key date (with ``file``)."""
        from contract_analyzer.report.frames import key_dates_frame

        return key_dates_frame(self)

    def to_html(self) -> str:
        """A self-contained HTML page: the contract with clauses highlighted, findings beside."""
        from contract_analyzer.report.html import report_html

        return report_html(self, full_page=True)

    def _repr_html_(self) -> str:
        from contract_analyzer.report.html import report_html

        return report_html(self, full_page=False)

    def to_ics(self, *, reminders: tuple[int, ...] = (30, 7)) -> str:
        """An iCalendar file of the deadlines, with alarms ``reminders`` days before each
        notice deadline."""
        from contract_analyzer.report.calendar import build_calendar, entries_for_report

        return build_calendar(entries_for_report(self, reminders=reminders))

    def __repr__(self) -> str:
        c = self.severity_counts()
        return (
            f"ContractReport({self.source.name!r}, kind={self.kind!r}, score={self.score}, "
            f"high={c['high']}, medium={c['medium']}, low={c['low']}, clauses={len(self.clauses)})"
        )
