"""The time limit on reading one document.

Two layers, because hostile files spend their time in different places:

* :meth:`Deadline.check` is called between pages, inside the PDF content-stream interpreter
  and inside the DOCX and text loops; it works in any thread.
* :func:`enforced` additionally arms a ``SIGALRM`` interval timer when the call runs in the main
  thread of a Unix process, so a single long library call (pdfminer decompressing a corrupt
  stream byte by byte, say) is interrupted too. An outer timer already armed by someone else
  (pytest-timeout, a batch watchdog) is honoured and re-armed afterwards.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from contract_analyzer.errors import ProcessingTimeout

_REPEAT_S = 0.2  # re-raise this often after expiry, in case a library swallowed the first one


class Deadline:
    """A point in time after which reading must stop with :class:`ProcessingTimeout`."""

    __slots__ = ("seconds", "source", "_end", "expired")

    def __init__(self, seconds: float, source: str) -> None:
        self.seconds = float(seconds)
        self.source = source
        self._end = time.monotonic() + self.seconds
        self.expired = False

    def remaining(self) -> float:
        """Seconds left (negative once expired)."""
        return self._end - time.monotonic()

    def check(self) -> None:
        """Raise :class:`ProcessingTimeout` once the time is up."""
        if self.expired or time.monotonic() > self._end:
            self.expired = True
            raise self.error()

    def error(self) -> ProcessingTimeout:
        """The error to raise (also used to re-map errors a library wrapped around it)."""
        return ProcessingTimeout(
            self.source,
            f"reading took longer than the limit of {self.seconds:g} s "
            "(setting seconds_per_document); the file is pathological or too large",
        )


@contextmanager
def enforced(deadline: Deadline, *, preemptive: bool = True) -> Iterator[Deadline]:
    """Run a block under ``deadline``; with ``preemptive`` also arm a main-thread alarm."""
    if (
        not preemptive
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield deadline
        return
    previous = signal.getsignal(signal.SIGALRM)
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if previous is None or (outer_delay > 0 and not callable(previous)):
        # a handler installed from C, or someone relies on the default action: leave it alone
        yield deadline
        return
    started = time.monotonic()
    outer_end = started + outer_delay if outer_delay > 0 else None
    state = {"armed": True}

    def on_alarm(signum: int, frame: object) -> None:
        now = time.monotonic()
        if outer_end is not None and now >= outer_end and callable(previous):
            previous(signum, frame)  # the outer timer's turn (e.g. a test timeout)
            return
        if state["armed"] and now >= deadline._end:
            deadline.expired = True
            raise deadline.error()

    signal.signal(signal.SIGALRM, on_alarm)
    first = max(deadline.remaining(), 1e-3)
    if outer_end is not None:
        first = min(first, max(outer_end - started, 1e-3))
    signal.setitimer(signal.ITIMER_REAL, first, _REPEAT_S)
    try:
        try:
            yield deadline
        finally:
            state["armed"] = False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_end is not None:
            signal.setitimer(
                signal.ITIMER_REAL, max(outer_end - time.monotonic(), 1e-3), outer_interval
            )
