"""The Dask engine: the same per-file work, on a ``dask.distributed`` cluster.

Each file becomes one Dask task that carries the file's bytes (the folder need not be mounted
on the workers). On the Dask worker the task runs in a :class:`Sandbox` kept for the whole
batch, so the model loads once per Dask worker thread and the per-file time and memory limits
are enforced exactly as in the local engine: by killing the sandbox's process, never the Dask
worker. At the end of the batch the sandboxes are closed on every worker.

``scheduler`` may be None (a LocalCluster in this process, one thread per job), an address
such as ``"tcp://host:8786"``, or a ``distributed.Client``.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from contract_analyzer.batch.engines.local import default_jobs
from contract_analyzer.batch.engines.sandbox import Sandbox
from contract_analyzer.batch.engines.stats import WorkerStats
from contract_analyzer.batch.types import BatchOptions, FileResult, FileTask, Limits, error_result
from contract_analyzer.errors import BatchError

# on a Dask worker: batch id -> idle sandboxes, and every sandbox started for that batch
_IDLE: dict[str, list[Sandbox]] = {}
_ALL: dict[str, list[Sandbox]] = {}
_LOCK = threading.Lock()


def _threads_per_sandbox() -> int:
    try:
        from distributed import get_worker

        nthreads = int(get_worker().state.nthreads)
    except Exception:  # noqa: BLE001 - outside a worker, or an older distributed
        nthreads = 1
    return max(1, default_jobs() // max(1, nthreads))


def run_remote(task: FileTask, options: BatchOptions, limits: Limits, batch_id: str) -> FileResult:
    """Dask task: analyse one file in this worker's sandbox for ``batch_id``."""
    with _LOCK:
        idle = _IDLE.setdefault(batch_id, [])
        sandbox = idle.pop() if idle else None
        if sandbox is None:
            sandbox = Sandbox(options, limits, threads=_threads_per_sandbox())
            _ALL.setdefault(batch_id, []).append(sandbox)
    try:
        return sandbox.run(task)
    finally:
        with _LOCK:
            _IDLE.setdefault(batch_id, []).append(sandbox)


def close_sandboxes(batch_id: str) -> dict[str, Any]:
    """Run on every Dask worker at the end of a batch: stop its sandboxes, report counters."""
    with _LOCK:
        sandboxes = _ALL.pop(batch_id, [])
        _IDLE.pop(batch_id, None)
    for sandbox in sandboxes:
        sandbox.close()
    return {
        "workers": len(sandboxes),
        "starts": sum(s.starts for s in sandboxes),
        "kills": sum(s.kills for s in sandboxes),
        "peaks": {pid: mb for s in sandboxes for pid, mb in s.peaks.items()},
    }


def _connect(scheduler: Any, jobs: int | None) -> tuple[Any, Callable[[], None]]:
    """A Client for ``scheduler`` and how to release what this call created."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise BatchError(
            "dask", "engine='dask' needs dask.distributed: pip install 'contract-analyzer[dask]'"
        ) from exc
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=1,
            threads_per_worker=jobs or default_jobs(),
            processes=False,
            dashboard_address=None,
            # the worker is this process: Dask must not pause it for the caller's memory (a
            # notebook's data); each file's memory is limited in its sandbox instead
            memory_limit=0,
        )
        client = Client(cluster)

        def release() -> None:
            client.close()
            cluster.close()

        return client, release
    if isinstance(scheduler, str):
        import dask

        # how long to try: dask's own setting (distributed.comm.timeouts.connect, default 30s)
        timeout = dask.config.get("distributed.comm.timeouts.connect", "30s")
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise BatchError(scheduler, f"cannot reach the Dask scheduler: {exc}") from exc
        return client, client.close
    if not hasattr(scheduler, "submit"):
        raise BatchError(
            repr(scheduler), "scheduler must be None, an address or a distributed.Client"
        )
    return scheduler, lambda: None


def run_dask(
    tasks: Sequence[FileTask],
    options: BatchOptions,
    limits: Limits,
    on_result: Callable[[FileResult], None],
    *,
    scheduler: Any = None,
    jobs: int | None = None,
) -> WorkerStats:
    """Analyse ``tasks`` on a Dask cluster, calling ``on_result`` in this thread."""
    stats = WorkerStats(engine="dask")
    if not tasks:
        return stats
    from distributed import as_completed

    client, release = _connect(scheduler, jobs)
    batch_id = uuid.uuid4().hex
    try:
        window = 2 * max(1, sum(client.nthreads().values()))
        pending = iter(sorted(tasks, key=lambda t: (-t.size, t.index)))
        by_key: dict[str, FileTask] = {}
        running = as_completed()

        def submit_next() -> bool:
            for task in pending:
                try:
                    data = Path(task.path).read_bytes()
                except OSError as exc:
                    result = error_result(
                        task,
                        type(exc).__name__,
                        f"cannot read the file: {exc.strerror}",
                        cacheable=False,
                    )
                    stats.add(result)
                    on_result(result)
                    continue
                future = client.submit(
                    run_remote,
                    dataclasses.replace(task, data=data),
                    options,
                    limits,
                    batch_id,
                    key=f"contract-analyzer-{batch_id}-{task.index}",
                    pure=False,
                )
                by_key[future.key] = task
                running.add(future)
                return True
            return False

        for _ in range(window):
            if not submit_next():
                break
        for future in running:
            task = by_key.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost Dask worker fails one file only
                result = error_result(
                    task,
                    "WorkerCrashed",
                    f"the Dask worker running it failed: {type(exc).__name__}: {exc}",
                    cacheable=False,
                )
            future.release()
            stats.add(result)
            on_result(result)
            submit_next()
    finally:
        try:
            counters = client.run(close_sandboxes, batch_id)
            for value in counters.values():
                stats.workers += int(value.get("workers", 0))
                stats.merge(value)
        except Exception:  # noqa: BLE001 - the cluster may be gone; sandboxes exit with it
            pass
        release()
    return stats
