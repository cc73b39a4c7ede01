"""Fault isolation: a file that raises, hangs, balloons or crashes is one error row; the
worker is killed and replaced and every other result is kept."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import batchwork
import pytest

from contract_analyzer.batch import analyze_folder, analyze_folder_tables
from contract_analyzer.batch.engines.sandbox import Sandbox, WorkerStartError
from contract_analyzer.batch.types import BatchOptions, FileTask, Limits
from contract_analyzer.batch.worker import reference
from contract_analyzer.settings import Settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="worker limits need POSIX")


def _folder(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).write_text(text)
    return root


def _batch(folder: Path, **kwargs: object):
    kwargs.setdefault("cache", False)
    kwargs.setdefault("progress", False)
    return analyze_folder_tables(folder, work=batchwork.hostile, **kwargs)


def test_hang_spin_crash_and_exceptions_become_error_rows(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "a_ok.txt": "first contract\n",
            "b_hang.txt": "HANG",
            "c_spin.txt": "SPIN",
            "d_crash.txt": "CRASH",
            "e_raise.txt": "RAISE",
            "f_bug.txt": "BUG",
            "g_ok.txt": "second contract\n",
            "h_ok.txt": "third contract\n",
        },
    )
    result = _batch(folder, jobs=2, time_limit=1)
    df = result.contracts.set_index("file")
    assert list(df.index) == sorted(df.index)
    assert df.loc["b_hang.txt", "error_type"] == "ProcessingTimeout"
    assert "1 s time limit" in df.loc["b_hang.txt", "error"]
    assert df.loc["c_spin.txt", "error_type"] == "ProcessingTimeout"
    assert df.loc["d_crash.txt", "error_type"] == "WorkerCrashed"
    assert "SIGSEGV" in df.loc["d_crash.txt", "error"]
    assert df.loc["e_raise.txt", "error_type"] == "CorruptDocument"
    assert df.loc["e_raise.txt", "error"] == "test file says it is corrupt"
    assert df.loc["f_bug.txt", "error"] == "unexpected TypeError: a bug in the analysis"
    for name, first in [("a_ok.txt", "first"), ("g_ok.txt", "second"), ("h_ok.txt", "third")]:
        assert df.loc[name, "first_line"] == f"{first} contract"
        assert df.loc[name, "error"] is None or df.loc[name, "error"] != df.loc[name, "error"]
    assert result.summary.ok == 3 and result.summary.errors == 5
    stats = result.summary.workers
    assert stats.kills >= 2  # the two time-outs were killed
    # files are handed out largest first: the crash comes 4th, so later files needed a new worker
    assert stats.starts >= 4
    assert list(result.findings["file"]) == ["a_ok.txt", "g_ok.txt", "h_ok.txt"]


def test_memory_balloon_is_killed_by_the_watchdog_and_huge_allocation_by_rlimit(
    tmp_path: Path,
) -> None:
    folder = _folder(
        tmp_path,
        {
            "a_ok.txt": "fine\n",
            "b_balloon.txt": "BALLOON",
            "c_huge.txt": "HUGE",
            "d_ok.txt": "ok\n",
        },
    )
    result = _batch(folder, jobs=1, memory_limit=300, time_limit=60)
    df = result.contracts.set_index("file")
    for name in ("b_balloon.txt", "c_huge.txt"):
        assert df.loc[name, "error_type"] == "MemoryLimitExceeded"
        assert "300 MB memory limit" in df.loc[name, "error"]
        assert df.loc[name, "elapsed_s"] < 30
    assert df.loc["a_ok.txt", "first_line"] == "fine"
    assert df.loc["d_ok.txt", "first_line"] == "ok"
    # each memory error replaced the worker: one start per memory error plus the first
    assert result.summary.workers.starts >= 3
    peaks = result.summary.workers.peak_rss_mb
    assert peaks and all(0 < v < 300 + 100 for v in peaks.values())


def test_rss_watchdog_kills_a_growing_worker(tmp_path: Path) -> None:
    path = tmp_path / "balloon.txt"
    path.write_text("BALLOON")
    options = BatchOptions(
        work=reference(batchwork.hostile), init=None, settings=Settings(), as_of=dt.date(2025, 1, 1)
    )
    # the worker caps its address space at its start-up size + 200 MB; the watchdog kills it
    # when its resident size reaches 200 MB, which comes first for gradual growth
    sandbox = Sandbox(options, Limits(time_limit=60, memory_limit_mb=200))
    try:
        sandbox.start()
        pid = sandbox.pid
        result = sandbox.run(FileTask(0, str(path), "balloon.txt", "", path.stat().st_size))
    finally:
        sandbox.close()
    assert result.error_type == "MemoryLimitExceeded"
    assert sandbox.kills == 1
    assert sandbox.pid is None and pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert 200 <= sandbox.peak_rss_mb < 400


def test_an_inherited_peak_counter_is_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's peak counter that has not grown since it started may be its parent's
    (ru_maxrss survives exec): the worker then reports its resident size now instead."""
    from contract_analyzer.batch import worker

    counter = worker._peak_counter_mb()
    assert counter is not None and counter > 0
    monkeypatch.setattr(worker, "_START_PEAK_MB", counter + 10_000)  # a huge parent's peak
    own = worker.peak_rss_mb()
    assert own is not None and 0 < own <= counter
    monkeypatch.setattr(worker, "_START_PEAK_MB", 1.0)  # the counter grew: it is our own
    assert worker.peak_rss_mb() == worker._peak_counter_mb()


def test_model_loads_once_per_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "inits.log"
    monkeypatch.setenv(batchwork.INIT_LOG_ENV, str(log))
    (tmp_path / "docs").mkdir()
    folder = _folder(tmp_path / "docs", {f"f{i:02d}.txt": f"contract {i}\n" for i in range(12)})
    result = analyze_folder_tables(
        folder,
        work=batchwork.hostile,
        work_init=batchwork.init_counter,
        jobs=2,
        cache=False,
        progress=False,
    )
    assert result.summary.ok == 12
    pids = log.read_text().split()
    assert len(pids) == 2 == len(set(pids))
    assert set(result.contracts["file"]) == {f"f{i:02d}.txt" for i in range(12)}


def test_a_failing_initializer_stops_the_batch_with_a_clear_error(tmp_path: Path) -> None:
    _folder(tmp_path, {"a.txt": "x"})
    with pytest.raises(WorkerStartError, match="initializer failed.*ModuleNotFoundError"):
        analyze_folder(
            tmp_path,
            work=batchwork.hostile,
            work_init="no_such_module_xyz:init",
            cache=False,
            progress=False,
        )
