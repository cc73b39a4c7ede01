"""Counters an engine reports about its workers: how many, restarts, kills, peak memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contract_analyzer.batch.types import FileResult


@dataclass
class WorkerStats:
    """What the workers of one batch did; ``peak_rss_mb`` maps a worker's pid to its peak
    resident memory in MB (as the worker itself measured it, or the watchdog saw it)."""

    engine: str
    workers: int = 0
    starts: int = 0
    kills: int = 0
    analysed: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        """Count one analysed file and its worker's peak memory."""
        self.analysed += 1
        if result.worker_pid is not None and result.worker_peak_rss_mb is not None:
            self._peak(result.worker_pid, result.worker_peak_rss_mb)

    def _peak(self, pid: Any, mb: float) -> None:
        key = str(pid)
        self.peak_rss_mb[key] = max(self.peak_rss_mb.get(key, 0.0), float(mb))

    def absorb(self, sandbox: Any) -> None:
        """Add a sandbox's start and kill counts and the peaks its watchdog saw (which
        include workers that were killed before they could report)."""
        self.starts += sandbox.starts
        self.kills += sandbox.kills
        for pid, mb in sandbox.peaks.items():
            self._peak(pid, mb)

    def merge(self, other: dict[str, Any]) -> None:
        """Add counters reported by a remote worker (see the Dask engine)."""
        self.starts += int(other.get("starts", 0))
        self.kills += int(other.get("kills", 0))
        for pid, mb in dict(other.get("peaks", {})).items():
            self._peak(pid, mb)

    @property
    def max_peak_rss_mb(self) -> float | None:
        """The highest peak resident memory of any worker, in MB."""
        return max(self.peak_rss_mb.values()) if self.peak_rss_mb else None
