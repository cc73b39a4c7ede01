"""A batch worker process: ``python -m contract_analyzer.batch.engines.child FD_IN FD_OUT PARENT_PID``.

Started and watched by :class:`contract_analyzer.batch.engines.sandbox.Sandbox`. It receives one init
message (the work function, its initializer, the options and the memory limit), runs the
initializer once (loading the model), caps its own address space with ``RLIMIT_AS``, then
analyses one file per task message until told to exit. It exits by itself when its parent
goes away, and after a MemoryError (the heap may be left fragmented; the parent starts a
fresh worker).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

from contract_analyzer.batch.worker import mark_worker_start, resolve, run_task

# exit status meaning "gave up on memory": the parent reports MemoryLimitExceeded
EXIT_MEMORY = 86


def _memory_mb() -> tuple[float | None, float | None]:
    """(resident, virtual) size of this process in MB, where /proc tells."""
    try:
        with open("/proc/self/statm") as fh:
            vms_pages, rss_pages = (int(x) for x in fh.read().split()[:2])
    except OSError:
        return None, None
    page = os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    return round(rss_pages * page, 1), round(vms_pages * page, 1)


def _cap_address_space(memory_limit_mb: float | None, vms_mb: float | None) -> float | None:
    """Cap the address space at its size after start-up plus the memory limit (a hard stop
    for sudden huge allocations; the parent's RSS watchdog catches gradual growth)."""
    if not memory_limit_mb or vms_mb is None:
        return None
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    cap = int((vms_mb + memory_limit_mb) * 1024 * 1024)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return round(cap / (1024 * 1024), 1)


def _exit_when_orphaned(parent_pid: int) -> None:
    """Leave as soon as the parent is gone, even in the middle of a hung file."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent_pid:
            os._exit(1)


def main(argv: list[str] | None = None) -> int:
    """Serve init and task messages from the parent; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    fd_in, fd_out, parent_pid = (int(a) for a in args[:3])
    # Ctrl-C goes to the whole process group: the parent decides what to stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inbox = Connection(fd_in, writable=False)
    outbox = Connection(fd_out, readable=False)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True).start()

    mark_worker_start()  # before the model loads: see worker.peak_rss_mb
    init: dict[str, Any] = inbox.recv()
    for entry in reversed(init.get("sys_path", [])):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    options = init["options"]
    try:
        work = resolve(options.work)
        if options.init:
            resolve(options.init)(options)
        rss_mb, vms_mb = _memory_mb()
        cap_mb = _cap_address_space(init.get("memory_limit_mb"), vms_mb)
    except BaseException as exc:  # noqa: BLE001 - report any start-up failure to the parent
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        outbox.send(("init_error", detail))
        return 1
    outbox.send(
        ("ready", {"pid": os.getpid(), "rss_mb": rss_mb, "vms_mb": vms_mb, "cap_mb": cap_mb})
    )

    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return 0
        if message[0] != "task":
            return 0
        try:
            result = run_task(work, message[1], options)
            outbox.send(("result", result))
        except MemoryError:
            os._exit(EXIT_MEMORY)
        if result.error_type == "MemoryLimitExceeded":
            return EXIT_MEMORY


if __name__ == "__main__":
    sys.exit(main())
