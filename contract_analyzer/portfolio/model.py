"""A scored folder of contracts and its views: coverage, deadlines, findings, terms, page, calendar."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from contract_analyzer.portfolio import terms as T
from contract_analyzer.portfolio import views as V

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.batch.runner import BatchResult


@dataclass(frozen=True)
class Portfolio:
    """The batch tables of one folder (``contracts``: one row per file; ``findings``,
    ``clauses``, ``key_dates``: long tables with a ``file`` column) and the date deadlines
    are counted from."""

    contracts: pd.DataFrame
    findings: pd.DataFrame
    clauses: pd.DataFrame
    key_dates: pd.DataFrame
    as_of: dt.date
    folder: str | None = None

    def __post_init__(self) -> None:
        for table in ("contracts", "findings", "clauses", "key_dates"):
            object.__setattr__(self, table, V.with_columns(getattr(self, table), table))

    @classmethod
    def from_batch(
        cls, result: BatchResult, as_of: dt.date, folder: str | os.PathLike[str] | None = None
    ) -> Portfolio:
        """Wrap the tables of :func:`contract_analyzer.analyze_folder_tables`."""
        return cls(
            contracts=result.contracts,
            findings=result.findings,
            clauses=result.clauses,
            key_dates=result.key_dates,
            as_of=as_of,
            folder=None if folder is None else str(folder),
        )

    # ------------------------------------------------------------------ views (DataFrames)
    def coverage(self, drop_unused: bool = True) -> pd.DataFrame:
        """Component status per contract (see :func:`views.coverage_matrix`)."""
        return V.coverage_matrix(self.contracts, drop_unused=drop_unused)

    def deadlines(self) -> pd.DataFrame:
        """Effective dates, notice deadlines and term ends with days left and derivations."""
        return V.deadlines(self.contracts, self.key_dates, as_of=self.as_of)

    def issues(self) -> pd.DataFrame:
        """Weak and missing findings, worst first."""
        return V.issues(self.findings)

    def severity_table(self) -> pd.DataFrame:
        """Findings per contract and severity, with the score."""
        return V.severity_table(self.findings, self.contracts)

    def terms(self) -> pd.DataFrame:
        """Payment days, notice days and liability cap per contract."""
        return T.contract_terms(self.contracts)

    def compare(self, file: str) -> pd.DataFrame:
        """One contract's terms beside the rest of the portfolio."""
        return T.compare_terms(self.terms(), file)

    # ------------------------------------------------------------------ outputs
    def to_html(self, title: str = "Contract portfolio") -> str:
        """The self-contained portfolio page (see :mod:`contract_analyzer.portfolio.page`)."""
        from contract_analyzer.portfolio.page import portfolio_html

        return portfolio_html(self, title=title)

    def write_html(self, path: str | os.PathLike[str], title: str = "Contract portfolio") -> Path:
        """Write :meth:`to_html` to ``path`` (UTF-8, atomically); the path written."""
        from contract_analyzer.batch.exports import atomic_write_text

        return atomic_write_text(Path(path), self.to_html(title=title))

    def to_ics(self, reminders: tuple[int, ...] = (30, 7)) -> str:
        """Every upcoming notice deadline and expiry of the portfolio as one iCalendar file
        (the same calendar as ``contract-analyzer deadlines``)."""
        from contract_analyzer.report.calendar import build_calendar, portfolio_entries

        entries = portfolio_entries(
            self.contracts, self.key_dates, as_of=self.as_of, reminders=reminders
        )
        return build_calendar(entries, name="Contract deadlines")


def load_portfolio(
    folder: str | os.PathLike[str], *, as_of: dt.date | None = None, **batch_options: Any
) -> Portfolio:
    """Score ``folder`` with :func:`contract_analyzer.analyze_folder_tables` and wrap the tables.

    ``as_of`` defaults to today; ``batch_options`` (``jobs``, ``cache``, ``pattern``,
    ``playbook``...) go to ``analyze_folder_tables``.
    """
    from contract_analyzer.batch import analyze_folder_tables

    as_of = as_of or dt.date.today()
    result = analyze_folder_tables(folder, as_of=as_of, **batch_options)
    return Portfolio.from_batch(result, as_of=as_of, folder=folder)
