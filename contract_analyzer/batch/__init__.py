"""Batch scoring: a folder of contracts into pandas tables, in parallel, fault-tolerant,
incremental, on this machine or a Dask cluster.

>>> df = ca.analyze_folder("contracts/", jobs=2)                 # one row per file
>>> res = ca.analyze_folder_tables("contracts/")                 # + long tables
>>> res.contracts, res.findings, res.clauses, res.obligations, res.key_dates

Modules: ``walk`` (which files), ``cache`` (content-hash cache), ``redate`` (cached results
for another reference date), ``worker`` (the per-file work), ``engines`` (where the files are
analysed: worker processes on this machine or a Dask cluster, each watched for its time and
memory limits), ``progress``, ``exports`` (safe CSV/XLSX/Parquet/JSONL), ``runner`` (ties
them together; :func:`analyze_folder_tables` holds the one signature).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec

from contract_analyzer.batch.runner import BatchResult, analyze_folder_tables

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["BatchResult", "analyze_folder", "analyze_folder_tables"]

P = ParamSpec("P")


def _contracts_only(tables: Callable[P, BatchResult]) -> Callable[P, pd.DataFrame]:
    """``tables`` with the same parameters, returning only the one-row-per-file table."""

    def analyze_folder(*args: P.args, **kwargs: P.kwargs) -> pd.DataFrame:
        return tables(*args, **kwargs).contracts

    analyze_folder.__doc__ = ANALYZE_FOLDER_DOC
    analyze_folder.__signature__ = inspect.signature(tables).replace(  # type: ignore[attr-defined]
        return_annotation="pd.DataFrame"
    )
    return analyze_folder


ANALYZE_FOLDER_DOC = """Analyse every contract under ``folder``: a DataFrame with one row per file.

The same parameters as :func:`analyze_folder_tables`, which also returns the long tables
(findings, clauses, obligations, key dates) and a summary.
"""

analyze_folder = _contracts_only(analyze_folder_tables)
