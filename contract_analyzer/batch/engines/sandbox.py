"""One long-lived worker process and the watchdog that enforces per-file limits by killing it.

A :class:`Sandbox` starts ``python -m contract_analyzer.batch.engines.child`` (a fresh interpreter,
not a fork: safe with threads, torch and notebooks, and no ``if __name__ == "__main__"``
needed in user scripts), sends it the work function and options once, and then one file at a
time over a private pipe. While the file is being analysed the calling thread polls the pipe
every ``tick`` seconds and checks the clock and the worker's resident memory: past the time
limit or the memory limit the worker is killed (SIGKILL) and the file becomes an error
result. A worker that dies for any reason is replaced on the next file; nothing else is lost.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from typing import IO, Any

from contract_analyzer.batch.engines.child import EXIT_MEMORY
from contract_analyzer.batch.types import BatchOptions, FileResult, FileTask, Limits, error_result
from contract_analyzer.errors import BatchError
from contract_analyzer.resources import PACKAGE_DIR

START_TIMEOUT_S = 600.0  # loading the model on a busy machine; not a per-file limit
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


class WorkerStartError(BatchError):
    """A worker process could not start (its initializer failed or it died on start-up)."""


def rss_mb(pid: int) -> float | None:
    """Resident memory of process ``pid`` in MB (``/proc`` on Linux, psutil elsewhere)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / (1024 * 1024)
    except Exception:  # noqa: BLE001 - psutil absent or the process is gone
        return None


def _child_env(threads: int | None) -> dict[str, str]:
    env = dict(os.environ)
    root = str(PACKAGE_DIR.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    if threads:
        for name in THREAD_ENV:
            env.setdefault(name, str(threads))
    return env


class Sandbox:
    """A worker process that analyses one file at a time under time and memory limits.

    Not thread-safe: one thread drives one sandbox. ``peak_rss_mb`` is the highest resident
    memory the watchdog saw (``peaks`` the same per worker process); ``starts`` and ``kills``
    count worker (re)starts and kills.
    """

    def __init__(
        self,
        options: BatchOptions,
        limits: Limits,
        *,
        threads: int | None = None,
        tick: float = 0.05,
        start_timeout: float = START_TIMEOUT_S,
    ) -> None:
        self.options = options
        self.limits = limits
        self.threads = threads
        self.tick = tick
        self.start_timeout = start_timeout
        self.starts = 0
        self.kills = 0
        self.peak_rss_mb = 0.0
        self.peaks: dict[int, float] = {}  # worker pid -> highest RSS the watchdog saw (MB)
        self.ready_info: dict[str, Any] = {}
        self._proc: subprocess.Popen[bytes] | None = None
        self._to_child: Connection | None = None
        self._from_child: Connection | None = None
        self._log: IO[bytes] | None = None

    # --- life cycle --------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """The current worker's process id (None when no worker is running)."""
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        """Start the worker and wait until its initializer (model loading) is done."""
        if self._proc is not None and self._proc.poll() is None:
            return
        self._discard()
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        self._log = tempfile.TemporaryFile(prefix="contract_analyzer_worker_")  # noqa: SIM115
        try:
            self._proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "contract_analyzer.batch.engines.child",
                    str(task_r),
                    str(result_w),
                    str(os.getpid()),
                ],
                pass_fds=(task_r, result_w),
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
                env=_child_env(self.threads),
            )
        finally:
            os.close(task_r)
            os.close(result_w)
        self._to_child = Connection(task_w, readable=False)
        self._from_child = Connection(result_r, writable=False)
        self.starts += 1
        self._to_child.send(
            {
                "options": self.options,
                "memory_limit_mb": self.limits.memory_limit_mb,
                "sys_path": [p for p in sys.path if p and os.path.isdir(p)],
            }
        )
        deadline = time.monotonic() + self.start_timeout
        while not self._from_child.poll(self.tick):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                detail = self._exit_detail()
                self.kill()
                raise WorkerStartError("batch worker", f"worker process failed to start: {detail}")
        try:
            kind, payload = self._from_child.recv()
        except (EOFError, OSError):
            detail = self._exit_detail()
            self.kill()
            raise WorkerStartError(
                "batch worker", f"worker process failed to start: {detail}"
            ) from None
        if kind != "ready":
            self.kill()
            raise WorkerStartError("batch worker", f"worker initializer failed: {payload}")
        self.ready_info = payload
        base = payload.get("rss_mb")
        limit = self.limits.memory_limit_mb
        if limit and base and base >= limit:
            self.kill()
            raise WorkerStartError(
                "batch worker",
                f"memory limit of {limit:g} MB is below the worker's size after loading the "
                f"model ({base:g} MB); raise the memory limit",
            )

    def close(self) -> None:
        """Ask the worker to exit; kill it if it does not within a few seconds."""
        if self._proc is None:
            return
        with contextlib.suppress(OSError, ValueError):
            if self._to_child is not None:
                self._to_child.send(("exit",))
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._discard()

    def kill(self) -> None:
        """Kill the worker now (SIGKILL) and wait for it; the next file starts a new one."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self.kills += 1
        if self._proc is not None:
            self._proc.wait()
        self._discard()

    def interrupt(self) -> None:
        """Kill the worker from another thread; the thread driving it sees it die."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(OSError):
                proc.kill()

    def _discard(self) -> None:
        for conn in (self._to_child, self._from_child):
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.close()
        if self._log is not None:
            self._log.close()
        self._proc = self._to_child = self._from_child = self._log = None

    # --- one file ------------------------------------------------------------------------------

    def run(self, task: FileTask) -> FileResult:
        """Analyse ``task`` in the worker; a kill or crash becomes an error result."""
        for attempt in range(2):
            self.start()
            assert self._to_child is not None
            try:
                self._to_child.send(("task", task))
                break
            except OSError:  # the idle worker died since its last file: start another
                self.kill()
                if attempt:
                    raise
        started = time.monotonic()
        time_limit = self.limits.time_limit
        memory_limit = self.limits.memory_limit_mb
        assert self._from_child is not None and self._proc is not None
        pid = self._proc.pid
        while True:
            if self._from_child.poll(self.tick):
                try:
                    kind, payload = self._from_child.recv()
                except (EOFError, OSError):
                    return self._died(task, started)
                if kind != "result":
                    continue
                if payload.error_type == "MemoryLimitExceeded":
                    self.kill()  # it exits by itself; make sure before the next file
                    payload.error = self._memory_message()
                return payload
            elapsed = time.monotonic() - started
            if time_limit and elapsed > time_limit + self.limits.grace:
                self.kill()
                return error_result(
                    task,
                    "ProcessingTimeout",
                    f"analysis took longer than the {time_limit:g} s time limit; "
                    "the worker was stopped",
                    cacheable=False,
                    elapsed_s=round(elapsed, 3),
                )
            rss = rss_mb(pid)
            if rss is not None:
                self.peak_rss_mb = max(self.peak_rss_mb, rss)
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), round(rss, 1))
                if memory_limit and rss > memory_limit:
                    self.kill()
                    return error_result(
                        task,
                        "MemoryLimitExceeded",
                        self._memory_message(),
                        cacheable=False,
                        elapsed_s=round(elapsed, 3),
                    )

    def _died(self, task: FileTask, started: float) -> FileResult:
        """The worker vanished while analysing ``task``: say why, as far as we can tell."""
        elapsed = round(time.monotonic() - started, 3)
        assert self._proc is not None
        try:
            code = self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            code = self._proc.wait()
        detail = self._exit_detail()
        self._discard()
        if code == EXIT_MEMORY:
            return error_result(
                task,
                "MemoryLimitExceeded",
                self._memory_message(),
                cacheable=False,
                elapsed_s=elapsed,
            )
        return error_result(task, "WorkerCrashed", detail, cacheable=False, elapsed_s=elapsed)

    def _memory_message(self) -> str:
        limit = self.limits.memory_limit_mb
        if not limit:
            return "ran out of memory; the worker was stopped"
        return f"analysis needed more than the {limit:g} MB memory limit; the worker was stopped"

    def _exit_detail(self) -> str:
        """A one-line description of how the worker ended, with its last stderr line."""
        code = self._proc.poll() if self._proc is not None else None
        if code is None:
            what = "worker did not answer"
        elif code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            what = f"worker process was killed by {name}"
            if -code == signal.SIGKILL:
                what += " (probably by the system for lack of memory)"
        else:
            what = f"worker process exited with status {code}"
        last = self._last_log_line()
        return f"{what}: {last}" if last else what

    def _last_log_line(self) -> str:
        if self._log is None:
            return ""
        try:
            self._log.flush()
            self._log.seek(0, os.SEEK_END)
            size = self._log.tell()
            self._log.seek(max(0, size - 4096))
            tail = self._log.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        lines = [line.strip() for line in tail.splitlines() if line.strip()]
        return lines[-1][:300] if lines else ""
