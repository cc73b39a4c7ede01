"""The local engine: ``jobs`` long-lived worker processes on this machine.

Each worker is a :class:`~contract_analyzer.batch.engines.sandbox.Sandbox` driven by one thread of
this process; the threads only wait on pipes, so they cost no CPU. Files are handed out
largest first (longest-processing-time-first keeps the workers busy to the end); results
come back in completion order through ``on_result`` and are re-ordered by the caller.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Sequence

from contract_analyzer.batch.engines.sandbox import Sandbox
from contract_analyzer.batch.engines.stats import WorkerStats
from contract_analyzer.batch.types import BatchOptions, FileResult, FileTask, Limits


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def run_local(
    tasks: Sequence[FileTask],
    options: BatchOptions,
    limits: Limits,
    on_result: Callable[[FileResult], None],
    *,
    jobs: int | None = None,
) -> WorkerStats:
    """Analyse ``tasks`` in ``jobs`` worker processes, calling ``on_result`` in this thread."""
    jobs = jobs or default_jobs()
    n_workers = max(1, min(jobs, len(tasks)))
    stats = WorkerStats(engine="local", workers=n_workers)
    if not tasks:
        return stats
    threads_per_worker = max(1, default_jobs() // n_workers)
    todo: queue.Queue[FileTask] = queue.Queue()
    for task in sorted(tasks, key=lambda t: (-t.size, t.index)):
        todo.put(task)
    done: queue.Queue[tuple[str, object]] = queue.Queue()
    stop = threading.Event()
    sandboxes = [Sandbox(options, limits, threads=threads_per_worker) for _ in range(n_workers)]

    def drive(sandbox: Sandbox) -> None:
        try:
            while not stop.is_set():
                try:
                    task = todo.get_nowait()
                except queue.Empty:
                    return
                result = sandbox.run(task)
                if not stop.is_set():
                    done.put(("result", result))
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            done.put(("error", exc))
        finally:
            sandbox.close()
            done.put(("exit", None))

    threads = [
        threading.Thread(target=drive, args=(sb,), name=f"batch-worker-{i}", daemon=True)
        for i, sb in enumerate(sandboxes)
    ]
    for thread in threads:
        thread.start()
    running = len(threads)
    try:
        while running:
            kind, payload = done.get()
            if kind == "exit":
                running -= 1
            elif kind == "error":
                raise payload  # type: ignore[misc]
            else:
                assert isinstance(payload, FileResult)
                stats.add(payload)
                on_result(payload)
    finally:
        stop.set()
        if running:  # interrupted or failed: stop the workers now, mid-file
            for sandbox in sandboxes:
                sandbox.interrupt()
        for thread in threads:
            thread.join(timeout=30)
        for sandbox in sandboxes:
            stats.absorb(sandbox)
    return stats
