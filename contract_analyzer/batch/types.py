"""Plain-data records passed between the batch parent, its worker processes and the cache.

Everything here pickles cheaply and turns into JSON losslessly (see :mod:`.plain`), so a
result computed by a local worker, a Dask worker or read back from the cache is the same
object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from contract_analyzer.settings import Settings

# names of the long tables a FileResult may carry, in the order they are exported
TABLES: tuple[str, ...] = ("findings", "clauses", "obligations", "key_dates")


@dataclass(frozen=True)
class FileTask:
    """One file to analyse: where it is, how it is shown, and (for remote engines) its bytes."""

    index: int
    path: str
    file: str
    sha256: str
    size: int
    data: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class BatchOptions:
    """What every worker needs to analyse a file the same way; part of the cache key.

    ``work`` and ``init`` are ``"module:qualname"`` references resolved inside the worker
    process (so the worker imports them itself; nothing is pickled by value).
    """

    work: str
    init: str | None
    settings: Settings
    as_of: dt.date
    playbook: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Limits:
    """Per-file limits the engine enforces by killing the worker process.

    The worker's own reading deadline (``settings.seconds_per_document``) is set to
    ``time_limit`` so a slow file usually stops cleanly and keeps its worker; the watchdog
    kills the worker ``grace`` seconds later if it has not.
    """

    time_limit: float | None
    memory_limit_mb: float | None

    @property
    def grace(self) -> float:
        """Seconds between the time limit and the kill."""
        return min(5.0, max(1.0, 0.1 * self.time_limit)) if self.time_limit else 0.0


@dataclass
class FileResult:
    """The outcome for one file: a contracts row and long tables, or an error.

    ``row`` and the table rows hold only JSON-able values plus ``datetime.date`` and
    ``datetime.datetime`` (see :func:`contract_analyzer.batch.plain.plain`). ``cacheable`` is
    False for outcomes that may differ on a second try (time-outs, memory kills, crashes,
    unexpected exceptions).

    ``as_of`` is the reference date the result was computed for (set by the runner) and
    ``redate`` the as_of-independent facts from which the work function's as_of-dependent
    outputs are recomputed when a cached result is served for another date (see
    :mod:`contract_analyzer.batch.redate`); None when the work function gives none.
    """

    file: str
    sha256: str | None
    row: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    error_type: str | None = None
    error: str | None = None
    cacheable: bool = True
    elapsed_s: float = 0.0
    worker_pid: int | None = None
    worker_peak_rss_mb: float | None = None
    cached: bool = False
    as_of: dt.date | None = None
    redate: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """True when the file was analysed without error."""
        return self.error is None


def error_result(
    task: FileTask, error_type: str, message: str, *, cacheable: bool, elapsed_s: float = 0.0
) -> FileResult:
    """An error outcome for ``task`` (the row keeps the file and its hash)."""
    return FileResult(
        file=task.file,
        sha256=task.sha256 or None,
        error_type=error_type,
        error=message,
        cacheable=cacheable,
        elapsed_s=elapsed_s,
    )
