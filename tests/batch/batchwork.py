"""Work functions for engine tests: their behaviour is chosen by the file's first bytes.

``HANG`` sleeps forever, ``SPIN`` busy-loops, ``BALLOON`` grows its memory step by step,
``HUGE`` asks for one enormous block, ``CRASH`` kills its own process with SIGSEGV, ``RAISE``
raises a deterministic CorruptDocument, ``BUG`` raises a TypeError; anything else gives a row
with the first line and the size. ``init_counter`` records each worker initialisation in a
file so tests can count model loads.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from contract_analyzer.batch.types import BatchOptions, FileResult, FileTask
from contract_analyzer.batch.worker import source_path
from contract_analyzer.errors import CorruptDocument

INIT_LOG_ENV = "CA_TEST_INIT_LOG"


def init_counter(options: BatchOptions) -> None:
    """Append this worker's pid to the file named by $CA_TEST_INIT_LOG."""
    log = os.environ.get(INIT_LOG_ENV)
    if log:
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")


def hostile(task: FileTask, options: BatchOptions) -> FileResult:
    """Behave as the file's first word says."""
    with source_path(task) as path:
        data = Path(path).read_bytes()
    head = data[:16]
    if head.startswith(b"HANG"):
        time.sleep(3600)
    if head.startswith(b"SPIN"):
        while True:
            pass
    if head.startswith(b"BALLOON"):
        blocks = []
        while True:
            blocks.append(bytearray(20 * 1024 * 1024))  # zero-filled pages are touched
            for i in range(0, len(blocks[-1]), 4096):
                blocks[-1][i] = 1
            time.sleep(0.05)
    if head.startswith(b"HUGE"):
        _ = bytearray(64 * 1024**3)
    if head.startswith(b"CRASH"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if head.startswith(b"RAISE"):
        raise CorruptDocument(task.path, "test file says it is corrupt")
    if head.startswith(b"BUG"):
        raise TypeError("a bug in the analysis")
    text = data.decode("utf-8", "replace")
    first = text.splitlines()[0] if text else ""
    row = {"file": task.file, "sha256": task.sha256, "first_line": first, "bytes": len(data)}
    tables = {"findings": [{"severity": "info", "message": first}]}
    return FileResult(file=task.file, sha256=task.sha256, row=row, tables=tables)
