"""Batch scoring: a folder of contracts into one pandas table, in parallel, fault-tolerant,
incremental, on this machine or a Dask cluster.

>>> df = ca.analyze_folder("contracts/", jobs=2)                 # one row per file
>>> res = ca.analyze_folder("contracts/", tables=True)           # + long tables
>>> res.contracts, res.findings, res.clauses, res.obligations, res.key_dates

Modules: ``walk`` (which files), ``cache`` (content-hash cache), ``redate`` (cached results
for another reference date), ``worker`` (the per-file work), ``child``/``sandbox`` (a worker
process and its time/memory watchdog), ``local`` and ``dask_engine`` (the engines),
``progress``, ``exports`` (safe CSV/XLSX/Parquet/JSONL), ``runner`` (ties them together).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from contract_analyzer.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from contract_analyzer.batch.runner import BatchResult

__all__ = ["BatchResult", "analyze_folder"]


@overload
def analyze_folder(
    folder: str | os.PathLike[str],
    *,
    jobs: int | None = ...,
    pattern: str | Sequence[str] | None = ...,
    exclude: str | Sequence[str] | None = ...,
    playbook: str | os.PathLike[str] | None = ...,
    as_of: dt.date | str | None = ...,
    cache: bool | str | os.PathLike[str] | None = ...,
    engine: str = ...,
    scheduler: Any = ...,
    time_limit: float | None = ...,
    memory_limit: float | None = ...,
    progress: bool | None = ...,
    settings: Settings | None = ...,
    tables: Literal[False] = ...,
    work: str | Callable[..., Any] | None = ...,
    work_init: str | Callable[..., Any] | None = ...,
) -> pd.DataFrame: ...


@overload
def analyze_folder(
    folder: str | os.PathLike[str],
    *,
    jobs: int | None = ...,
    pattern: str | Sequence[str] | None = ...,
    exclude: str | Sequence[str] | None = ...,
    playbook: str | os.PathLike[str] | None = ...,
    as_of: dt.date | str | None = ...,
    cache: bool | str | os.PathLike[str] | None = ...,
    engine: str = ...,
    scheduler: Any = ...,
    time_limit: float | None = ...,
    memory_limit: float | None = ...,
    progress: bool | None = ...,
    settings: Settings | None = ...,
    tables: Literal[True],
    work: str | Callable[..., Any] | None = ...,
    work_init: str | Callable[..., Any] | None = ...,
) -> BatchResult: ...


def analyze_folder(
    folder: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    pattern: str | Sequence[str] | None = None,
    exclude: str | Sequence[str] | None = None,
    playbook: str | os.PathLike[str] | None = None,
    as_of: dt.date | str | None = None,
    cache: bool | str | os.PathLike[str] | None = True,
    engine: str = "local",
    scheduler: Any = None,
    time_limit: float | None = None,
    memory_limit: float | None = None,
    progress: bool | None = None,
    settings: Settings | None = None,
    tables: bool = False,
    work: str | Callable[..., Any] | None = None,
    work_init: str | Callable[..., Any] | None = None,
) -> pd.DataFrame | BatchResult:
    """Analyse every contract under ``folder``: a DataFrame with one row per file.

    Each row holds the report's columns (file, sha256, format, pages, words, kind, score,
    ``status_<component>``, key dates, findings by severity) and ``error_type``, ``error``
    (None when the file was analysed), ``elapsed_s`` and ``cached``. A file that cannot be
    read, raises, runs past ``time_limit`` seconds or past ``memory_limit`` MB of resident
    memory is one error row; the batch always finishes.

    - ``jobs``: worker processes (default: all cores); each loads the model once.
    - ``pattern`` / ``exclude``: glob patterns (default ``*.pdf *.docx *.txt``), see
      :mod:`contract_analyzer.batch.walk`.
    - ``playbook``, ``as_of``, ``settings``: passed to :func:`contract_analyzer.analyze`;
      ``as_of`` defaults to today, fixed once for the whole batch.
    - ``cache``: True (``./.contract_analyzer_cache``), a folder, or False. Hits are keyed by
      the file's SHA-256 and everything the analysis depends on except ``as_of``: a result
      cached on another date is served with its notice deadline and ``as_of`` recomputed
      (:mod:`contract_analyzer.batch.redate`), equal to a fresh analysis for that date.
    - ``engine``: ``"local"`` or ``"dask"``; ``scheduler`` (None: a LocalCluster in this
      process, an address ``"tcp://host:8786"``, or a ``distributed.Client``) implies dask.
    - ``time_limit`` / ``memory_limit``: per file, enforced by killing the worker process;
      defaults ``settings.seconds_per_document`` and ``settings.max_worker_memory_mb``.
    - ``progress``: a tqdm bar on stderr (default: only when stderr is a terminal).
    - ``tables=True`` returns a :class:`BatchResult` with ``.contracts`` (the DataFrame),
      ``.findings``, ``.clauses``, ``.obligations``, ``.key_dates`` and ``.summary``.
    - ``work`` / ``work_init``: advanced: another module-level per-file function
      ``(FileTask, BatchOptions) -> FileResult`` and its once-per-worker initializer (e.g.
      :func:`contract_analyzer.batch.worker.ingest_file` to only read the files).
    """
    from contract_analyzer.batch.runner import run_batch

    result = run_batch(
        folder,
        jobs=jobs,
        pattern=pattern,
        exclude=exclude,
        playbook=playbook,
        as_of=as_of,
        cache=cache,
        engine=engine,
        scheduler=scheduler,
        time_limit=time_limit,
        memory_limit=memory_limit,
        progress=progress,
        settings=settings,
        work=work,
        work_init=work_init,
    )
    return result if tables else result.contracts


def __getattr__(name: str) -> Any:
    if name == "BatchResult":
        from contract_analyzer.batch.runner import BatchResult

        return BatchResult
    raise AttributeError(f"module 'contract_analyzer.batch' has no attribute {name!r}")
