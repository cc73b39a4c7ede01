"""Running a batch: find the files, hash them, serve cache hits, analyse the rest on an engine,
and assemble one row per file plus the long tables.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.batch.cache import (
    DEFAULT_CACHE_DIR,
    ResultCache,
    file_sha256,
    options_fingerprint,
)
from contract_analyzer.batch.engines.stats import WorkerStats
from contract_analyzer.batch.progress import make_progress
from contract_analyzer.batch.redate import redate
from contract_analyzer.batch.types import TABLES, BatchOptions, FileResult, FileTask, Limits
from contract_analyzer.batch.walk import discover
from contract_analyzer.batch.worker import reference
from contract_analyzer.errors import BatchError, InvalidArgument, InvalidBatchOption
from contract_analyzer.settings import Settings, default_settings
from contract_analyzer.validate import (
    check_playbook,
    check_positive,
    check_settings,
    shown,
    type_error,
)

DEFAULT_WORK = "contract_analyzer.batch.worker:analyze_file"
DEFAULT_INIT = "contract_analyzer.batch.worker:init_analysis"
ENGINES = ("local", "dask")
# columns the batch adds to every contracts row, after the report's own columns
BATCH_COLUMNS = ("error_type", "error", "elapsed_s", "cached")


@dataclass
class BatchSummary:
    """Counts a script can rely on: files found, ok, errors, analysed now, served from cache."""

    files: int
    ok: int
    errors: int
    analysed: int
    cached: int
    seconds: float
    engine: str
    workers: WorkerStats

    def line(self) -> str:
        """``scored N files: X ok, Y errors in Zs``."""
        return (
            f"scored {self.files} files: {self.ok} ok, {self.errors} errors in {self.seconds:.1f}s"
        )


@dataclass
class BatchResult:
    """A batch's tables: ``contracts`` (one row per file) and the long tables, each with a
    ``file`` column to join on; ``results`` holds the per-file outcomes as plain data."""

    contracts: Any
    findings: Any
    clauses: Any
    obligations: Any
    key_dates: Any
    summary: BatchSummary
    results: list[FileResult] = field(repr=False, default_factory=list)

    def tables(self) -> dict[str, Any]:
        """The long tables by name (the order :data:`TABLES` gives)."""
        return {name: getattr(self, name) for name in TABLES}


def _resolve_work(
    work: str | Callable[..., Any] | None, work_init: str | Callable[..., Any] | None
) -> tuple[str, str | None]:
    if work is None:
        return DEFAULT_WORK, DEFAULT_INIT if work_init is None else _ref(work_init)
    return _ref(work), None if work_init is None else _ref(work_init)


def _ref(value: str | Callable[..., Any]) -> str:
    if isinstance(value, str):
        if ":" not in value:
            raise BatchError(value, "a work function reference must look like 'module:function'")
        return value
    try:
        return reference(value)
    except ValueError as exc:
        raise BatchError(repr(value), str(exc)) from None


def _resolve_cache(cache: bool | str | os.PathLike[str] | None) -> Path | None:
    if cache is None or cache is False:
        return None
    if cache is True:
        return Path.cwd() / DEFAULT_CACHE_DIR
    return Path(cache)


def _check_playbook(playbook: str | os.PathLike[str] | None) -> str | None:
    """The playbook as workers will see it (a file as an absolute path), checked once here so
    a wrong name is a usage error, not one error row per file."""
    if playbook is None:
        return None
    from contract_analyzer.check import load_playbook
    from contract_analyzer.errors import ContractAnalyzerError

    path = Path(playbook)
    ref = str(path.resolve()) if path.is_file() else str(playbook)
    try:
        load_playbook(ref)
    except ContractAnalyzerError as exc:
        raise BatchError(exc.source, exc.cause) from None
    return ref


def _check_options(**options: Any) -> None:
    """Refuse wrong types and impossible values before any file is looked at."""
    try:
        folder = options["folder"]
        if not isinstance(folder, (str, os.PathLike)) or isinstance(folder, bool):
            raise type_error("folder", folder, "a path to a folder (or one file)")
        if not os.fspath(folder):
            raise InvalidArgument("folder", "an empty path ('') names no folder")
        if options["engine"] not in ENGINES:
            raise InvalidArgument(
                "engine",
                f"unknown engine {shown(options['engine'])}; use one of {', '.join(ENGINES)}",
            )
        if options["jobs"] is not None:
            check_positive(options["jobs"], "jobs", integer=True)
        for name in ("time_limit", "memory_limit"):
            if options[name] is not None:
                check_positive(options[name], name)
        for name in ("pattern", "exclude"):
            value = options[name]
            if value is None or isinstance(value, str):
                continue
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise type_error(name, value, "a glob pattern or a list of them")
        cache = options["cache"]
        if cache is not None and not isinstance(cache, (bool, str, os.PathLike)):
            raise type_error("cache", cache, "True, False, None or a folder path")
        if options["progress"] is not None and not isinstance(options["progress"], bool):
            raise type_error("progress", options["progress"], "True, False or None")
        check_settings(options["settings"])
        check_playbook(options["playbook"])
    except InvalidArgument as exc:
        raise InvalidBatchOption(exc.source, exc.cause) from None


def _limits(settings: Settings, time_limit: float | None, memory_limit: float | None) -> Limits:
    time_limit = settings.seconds_per_document if time_limit is None else time_limit
    memory_limit = settings.max_worker_memory_mb if memory_limit is None else memory_limit
    if time_limit is not None and time_limit <= 0:
        raise InvalidBatchOption(
            "time_limit", f"must be a positive number of seconds, not {time_limit}"
        )
    if memory_limit is not None and memory_limit <= 0:
        raise InvalidBatchOption(
            "memory_limit", f"must be a positive number of MB, not {memory_limit}"
        )
    return Limits(
        time_limit=float(time_limit) if time_limit else None,
        memory_limit_mb=float(memory_limit) if memory_limit else None,
    )


def _prepare(
    found: Sequence[Any], options: BatchOptions, cache: ResultCache | None
) -> tuple[dict[int, FileResult], list[FileTask], dict[int, list[int]]]:
    """Hash every file; cache hits (brought to this batch's ``as_of``) and unreadable files
    are done, the rest become tasks.

    Files with the same bytes are analysed once: ``copies`` maps the analysed index to the
    indexes of its duplicates.
    """
    settings = options.settings
    done: dict[int, FileResult] = {}
    tasks: list[FileTask] = []
    first_by_sha: dict[str, int] = {}
    copies: dict[int, list[int]] = {}
    for index, item in enumerate(found):
        task = FileTask(index=index, path=str(item.path), file=item.relative, sha256="", size=0)
        try:
            size = item.path.stat().st_size
            if size > settings.max_file_bytes:
                done[index] = _error(
                    task,
                    "DocumentTooLarge",
                    f"file is {size / 1e6:.1f} MB, over the {settings.max_file_bytes / 1e6:.0f} MB limit",
                )
                continue
            sha = file_sha256(item.path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if item.path.is_symlink() and not item.path.exists():
                reason = "broken symbolic link"
            done[index] = _error(task, type(exc).__name__, f"cannot read the file: {reason}")
            continue
        task = dataclasses.replace(task, sha256=sha, size=size)
        hit = cache.get(sha) if cache is not None else None
        if hit is not None:
            hit = redate(hit, options.work, options.as_of)
        if hit is not None:
            done[index] = _renamed(hit, item.relative)
        elif sha in first_by_sha:
            copies.setdefault(first_by_sha[sha], []).append(index)
        else:
            first_by_sha[sha] = index
            tasks.append(task)
    return done, tasks, copies


def _error(task: FileTask, error_type: str, message: str) -> FileResult:
    return FileResult(
        file=task.file,
        sha256=task.sha256 or None,
        error_type=error_type,
        error=message,
        cacheable=False,
    )


def _renamed(result: FileResult, relative: str) -> FileResult:
    """``result`` shown under this batch's file name (cache hits and duplicates)."""
    return dataclasses.replace(result, file=relative, row=dict(result.row))


def analyze_folder_tables(
    folder: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    pattern: str | Sequence[str] | None = None,
    exclude: str | Sequence[str] | None = None,
    playbook: str | os.PathLike[str] | None = None,
    as_of: AsOf = None,
    cache: bool | str | os.PathLike[str] | None = True,
    engine: str = "local",
    scheduler: Any = None,
    time_limit: float | None = None,
    memory_limit: float | None = None,
    progress: bool | None = None,
    settings: Settings | None = None,
    work: str | Callable[..., Any] | None = None,
    work_init: str | Callable[..., Any] | None = None,
) -> BatchResult:
    """Analyse every contract under ``folder``: one row per file (``.contracts``) and the long
    tables (``.findings``, ``.clauses``, ``.obligations``, ``.key_dates``) and ``.summary``.

    Each contracts row holds the report's columns (file, sha256, format, pages, words, kind, score,
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
    - ``work`` / ``work_init``: advanced: another module-level per-file function
      ``(FileTask, BatchOptions) -> FileResult`` and its once-per-worker initializer (e.g.
      :func:`contract_analyzer.batch.worker.ingest_file` to only read the files).
    """
    started = time.perf_counter()
    _check_options(
        folder=folder, jobs=jobs, pattern=pattern, exclude=exclude, playbook=playbook,
        cache=cache, engine=engine, time_limit=time_limit, memory_limit=memory_limit,
        progress=progress, settings=settings,
    )  # fmt: skip
    if scheduler is not None and engine != "dask":
        engine = "dask"
    settings = settings or default_settings()
    as_of = coerce_as_of(as_of)
    work_ref, init_ref = _resolve_work(work, work_init)
    limits = _limits(settings, time_limit, memory_limit)
    if limits.time_limit:  # let the worker stop a slow file itself before it is killed
        seconds = min(settings.seconds_per_document, limits.time_limit)
        settings = settings.replace(seconds_per_document=seconds)
    options = BatchOptions(
        work=work_ref,
        init=init_ref,
        settings=settings,
        as_of=as_of,
        playbook=_check_playbook(playbook),
    )
    found = discover(folder, pattern, exclude)

    cache_root = _resolve_cache(cache)
    store = ResultCache(cache_root, options_fingerprint(options)) if cache_root else None
    done, tasks, copies = _prepare(found, options, store)
    n_cached = sum(1 for r in done.values() if r.cached)
    bar = make_progress(len(found), done=len(done), enabled=progress)
    index_of = {task.file: task.index for task in tasks}
    errors = sum(1 for r in done.values() if not r.ok)

    def on_result(result: FileResult) -> None:
        nonlocal errors
        index = index_of[result.file]
        result.as_of = options.as_of
        done[index] = result
        if store is not None:
            store.put(result)
        for copy in copies.get(index, ()):
            done[copy] = _renamed(result, found[copy].relative)
        n = 1 + len(copies.get(index, ()))
        errors += 0 if result.ok else n
        bar.update(n)
        if errors:
            bar.set_postfix_str(f"{errors} errors", refresh=False)

    try:
        if engine == "dask":
            from contract_analyzer.batch.engines.dask_engine import run_dask

            stats = run_dask(tasks, options, limits, on_result, scheduler=scheduler, jobs=jobs)
        else:
            from contract_analyzer.batch.engines.local import run_local

            stats = run_local(tasks, options, limits, on_result, jobs=jobs)
    finally:
        bar.close()

    results = [done[i] for i in range(len(found))]
    ok = sum(1 for r in results if r.ok)
    summary = BatchSummary(
        files=len(results),
        ok=ok,
        errors=len(results) - ok,
        analysed=len(tasks),
        cached=n_cached,
        seconds=round(time.perf_counter() - started, 3),
        engine=engine,
        workers=stats,
    )
    return assemble(results, summary)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    """A DataFrame whose whole-number columns stay whole numbers when some rows lack them
    (nullable Int64, so an error row does not turn ``pages`` into 1.0, 2.0 ...)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in columns:
        values = [r.get(column) for r in rows if r.get(column) is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            frame[column] = frame[column].astype("Int64")
    return frame


def assemble(results: Sequence[FileResult], summary: BatchSummary) -> BatchResult:
    """The contracts table and long tables from per-file results, in file order."""
    rows: list[dict[str, Any]] = []
    columns: dict[str, None] = {"file": None}
    for result in results:
        row = {k: v for k, v in result.row.items() if k not in BATCH_COLUMNS}
        row["file"] = result.file
        row.setdefault("sha256", result.sha256)
        for key in row:
            columns.setdefault(key, None)
        row.update(
            error_type=result.error_type,
            error=result.error,
            elapsed_s=result.elapsed_s,
            cached=result.cached,
        )
        rows.append(row)
    ordered = [*columns, *BATCH_COLUMNS]
    contracts = _frame(rows, ordered)
    contracts.attrs["summary"] = {
        k: v for k, v in dataclasses.asdict(summary).items() if k != "workers"
    }
    long: dict[str, Any] = {}
    for name in TABLES:
        table_rows: list[dict[str, Any]] = []
        table_columns: dict[str, None] = {"file": None}
        for result in results:
            for item in result.tables.get(name, ()):
                record = {"file": result.file, **{k: v for k, v in item.items() if k != "file"}}
                for key in record:
                    table_columns.setdefault(key, None)
                table_rows.append(record)
        long[name] = _frame(table_rows, list(table_columns))
    return BatchResult(contracts=contracts, summary=summary, results=list(results), **long)
