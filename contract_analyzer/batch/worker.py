"""The per-file work of a batch, run inside a worker process.

:func:`analyze_file` is the one function a batch runs per file: it calls
:func:`contract_analyzer.analyze` and turns the report into plain data (a contracts row and
long tables). :func:`init_analysis` runs once per worker process and loads the clause tagger,
so the model is loaded once per worker, not once per file. :func:`ingest_file` is a lighter
work function (reading only) used for ingestion-only batches and engine tests.

:func:`run_task` wraps any work function so that whatever it raises becomes one error
result; only the worker's death (time-out, memory kill, crash) is handled by the parent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

from contract_analyzer.batch.plain import records
from contract_analyzer.batch.redate import analysis_basis
from contract_analyzer.batch.types import BatchOptions, FileResult, FileTask, error_result
from contract_analyzer.errors import ContractAnalyzerError, ProcessingTimeout

WorkFunction = Callable[[FileTask, BatchOptions], FileResult]

# loaded once per worker process by init_analysis()
_TAGGER: Any = None


def reference(func: Callable[..., Any]) -> str:
    """``"module:qualname"`` of a module-level function, so a worker process can import it."""
    module = getattr(func, "__module__", None)
    qualname = getattr(func, "__qualname__", "")
    if not module or module == "__main__" or "<" in qualname:
        raise ValueError(
            f"work function {func!r} must be defined at module level in an importable module "
            "(not __main__, not a lambda or closure) so worker processes can import it"
        )
    return f"{module}:{qualname}"


def resolve(ref: str) -> Callable[..., Any]:
    """The function named by a ``"module:qualname"`` reference."""
    module_name, _, qualname = ref.partition(":")
    target: Any = import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target


@contextlib.contextmanager
def source_path(task: FileTask) -> Iterator[Path]:
    """A path holding the task's bytes: the file itself, or a private temporary copy when the
    task carries its bytes (remote engines, where the folder may not be mounted)."""
    if task.data is None:
        yield Path(task.path)
        return
    if hashlib.sha256(task.data).hexdigest() != task.sha256:
        raise ContractAnalyzerError(task.file, "file content changed while it was being sent")
    folder = tempfile.mkdtemp(prefix="contract_analyzer_")
    try:
        # the name is the original base name (never anything read from the document)
        path = Path(folder) / (Path(task.path).name or "document")
        path.write_bytes(task.data)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_task(work: WorkFunction, task: FileTask, options: BatchOptions) -> FileResult:
    """Run ``work`` on ``task``; any exception becomes an error result naming its cause.

    ContractAnalyzerError causes are deterministic (same bytes, same settings, same error)
    and may be cached, except ProcessingTimeout. Anything else is unexpected (a bug or a
    resource problem) and is not cached, so a fixed bug does not leave stale error rows.
    """
    started = time.perf_counter()
    try:
        result = work(task, options)
    except ContractAnalyzerError as exc:
        result = error_result(
            task,
            type(exc).__name__,
            exc.cause,
            cacheable=not isinstance(exc, ProcessingTimeout),
        )
    except MemoryError:
        result = error_result(
            task,
            "MemoryLimitExceeded",
            "ran out of memory (the worker's memory limit was reached)",
            cacheable=False,
        )
    except RecursionError:
        result = error_result(
            task,
            "CorruptDocument",
            "structure too deeply nested or cyclic (recursion limit reached)",
            cacheable=False,
        )
    except Exception as exc:  # noqa: BLE001 - one bad file must never abort a batch
        message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
        result = error_result(
            task,
            type(exc).__name__,
            f"unexpected {type(exc).__name__}" + (f": {message}" if message else ""),
            cacheable=False,
        )
    result.elapsed_s = round(time.perf_counter() - started, 3)
    result.worker_pid = os.getpid()
    result.worker_peak_rss_mb = peak_rss_mb()
    return result


# this worker's peak-memory counter when it started (see mark_worker_start)
_START_PEAK_MB: float | None = None


def _peak_counter_mb() -> float | None:
    """The kernel's peak resident size of this process in MB: ``VmHWM`` from /proc on Linux,
    else ``ru_maxrss``; None where the platform cannot tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def _current_rss_mb() -> float | None:
    """This process's resident size now, in MB (None without /proc)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024), 1)


def mark_worker_start() -> None:
    """Note the peak-memory counter as a worker process starts (before its model loads).

    A peak counter can come with the parent's value: ``ru_maxrss`` survives ``exec`` on Linux
    (a worker started from a 600 MB test run or notebook would report 600 MB), and some
    sandboxed kernels lack or carry over ``VmHWM``. From then on :func:`peak_rss_mb` trusts
    the counter only once it has grown past this start value.
    """
    global _START_PEAK_MB
    _START_PEAK_MB = _peak_counter_mb()


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB (None where the platform cannot tell).

    In a worker (after :func:`mark_worker_start`) a counter that has not grown since the
    start may be inherited; the resident size now is reported instead (the parent's
    watchdog samples the worker's resident size as well and keeps the higher figure).
    """
    peak = _peak_counter_mb()
    if _START_PEAK_MB is None or (peak is not None and peak > _START_PEAK_MB):
        return peak
    return _current_rss_mb()


# --- the real analysis -------------------------------------------------------------------


WARM_UP_TEXT = (
    "SERVICES AGREEMENT\n\n1. Term. This Agreement starts on 1 January 2024 and renews for "
    "successive one-year terms unless either party gives 60 days' written notice.\n\n"
    "2. Fees. Customer shall pay each invoice within 30 days.\n"
)


def init_analysis(options: BatchOptions) -> None:
    """The batch's worker initializer: load the clause tagger once for this worker process,
    then analyse a tiny built-in text so every lazily loaded model (spaCy, date parsers) is
    loaded here, not inside the first file's time limit."""
    global _TAGGER
    import contract_analyzer as ca
    from contract_analyzer.tagging.linear import load_tagger

    _TAGGER = load_tagger()  # a missing model fails the batch with ModelNotFound
    with contextlib.suppress(Exception):
        ca.analyze(
            WARM_UP_TEXT.encode(),
            playbook=options.playbook,
            as_of=options.as_of,
            settings=options.settings,
            tagger=_TAGGER,
        )


def analyze_file(task: FileTask, options: BatchOptions) -> FileResult:
    """Analyse one file with :func:`contract_analyzer.analyze`: the contracts row and the long
    tables (findings, clauses, obligations, key dates) as plain data, plus what it takes to
    serve the result for another ``as_of`` (see :mod:`contract_analyzer.batch.redate`)."""
    import contract_analyzer as ca

    with source_path(task) as path:
        report = ca.analyze(
            path,
            playbook=options.playbook,
            as_of=options.as_of,
            settings=options.settings,
            tagger=_TAGGER,
        )
        row = records(report.to_frame())[0]
        tables = {
            "findings": records(report.findings_frame()),
            "clauses": records(report.clauses_frame()),
            "obligations": records(report.obligations_frame()),
            "key_dates": _key_date_records(report),
        }
        redate = analysis_basis(report, options.as_of)
    # where the file is, not where a remote worker's private copy was
    row["path"] = task.path
    error = row.get("error")
    if error:
        return FileResult(
            file=task.file,
            sha256=task.sha256,
            row=row,
            error_type=str(row.get("error_type") or "ContractAnalyzerError"),
            error=str(error),
        )
    return FileResult(file=task.file, sha256=task.sha256, row=row, tables=tables, redate=redate)


def _key_date_records(report: Any) -> list[dict[str, Any]]:
    """The report's key dates as plain rows, ``date`` as a ``datetime.date``."""
    rows = records(report.key_dates_frame())
    for row in rows:
        date = row.get("date")
        if isinstance(date, str):
            with contextlib.suppress(ValueError):
                row["date"] = dt.date.fromisoformat(date[:10])
    return rows


# --- reading only ---------------------------------------------------------------------------


def ingest_file(task: FileTask, options: BatchOptions) -> FileResult:
    """Read one file with :func:`contract_analyzer.load_document` (no analysis): a row with
    format, pages, words and characters. Useful to check a folder can be read at all."""
    import contract_analyzer as ca

    with source_path(task) as path:
        doc = ca.load_document(path, settings=options.settings)
    row = {
        "file": task.file,
        "sha256": doc.source.sha256,
        "format": doc.source.format,
        "pages": doc.source.page_count,
        "words": doc.word_count,
        "ocr_pages": len(doc.ocr_pages),
        "ocr_confidence": doc.ocr_confidence,
        "chars": len(doc.text),
        "warnings": len(doc.warnings),
    }
    return FileResult(file=task.file, sha256=task.sha256, row=row)
