"""Incremental batches: results cached by content hash; only new or changed files are analysed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import batchwork
import pytest

from contract_analyzer.batch import analyze_folder, analyze_folder_tables
from contract_analyzer.batch.cache import ResultCache
from contract_analyzer.batch.types import FileResult
from contract_analyzer.settings import Settings


def _run(folder: Path, cache: Path | bool, **kwargs: object):
    return analyze_folder_tables(
        folder,
        work=batchwork.hostile,
        cache=cache,
        progress=False,
        jobs=2,
        as_of=dt.date(2025, 1, 1),
        **kwargs,
    )


def _comparable(df):  # timing and provenance columns differ between runs by design
    return df.drop(columns=["elapsed_s", "cached"]).reset_index(drop=True)


def test_second_run_analyses_nothing_and_new_files_only_are_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(6):
        (folder / f"c{i}.txt").write_text(f"contract {i}\n")
    (folder / "corrupt.txt").write_text("RAISE")
    cache = tmp_path / "cache"

    first = _run(folder, cache)
    assert (first.summary.analysed, first.summary.cached) == (7, 0)

    second = _run(folder, cache)
    assert (second.summary.analysed, second.summary.cached) == (0, 7)
    assert second.contracts["cached"].all()
    assert _comparable(second.contracts).equals(_comparable(first.contracts))
    assert second.findings.equals(first.findings)
    # the deterministic error is served from the cache too
    row = second.contracts.set_index("file").loc["corrupt.txt"]
    assert row["error_type"] == "CorruptDocument"

    for i in range(6, 16):  # ten new files: ten analysed
        (folder / f"c{i}.txt").write_text(f"contract {i}\n")
    third = _run(folder, cache)
    assert (third.summary.files, third.summary.analysed, third.summary.cached) == (17, 10, 7)

    # a renamed file is still a hit; a changed file is not
    (folder / "c0.txt").rename(folder / "renamed.txt")
    (folder / "c1.txt").write_text("contract one, amended\n")
    fourth = _run(folder, cache)
    assert fourth.summary.analysed == 1
    renamed = fourth.contracts.set_index("file").loc["renamed.txt"]
    assert renamed["cached"] and renamed["first_line"] == "contract 0"


def test_time_outs_are_not_cached_and_other_settings_miss(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("fine\n")
    (folder / "hang.txt").write_text("HANG")
    cache = tmp_path / "cache"
    first = _run(folder, cache, time_limit=1)
    assert first.summary.errors == 1
    assert first.contracts.set_index("file").loc["hang.txt", "error_type"] == "ProcessingTimeout"
    # the hang is tried again; another time limit keeps the cache (limits are not in the key)
    second = _run(folder, cache, time_limit=1.2)
    assert (second.summary.analysed, second.summary.cached) == (1, 1)
    assert second.summary.errors == 1
    # other settings or another reference date make another cache key (the hang has made
    # its point: without it these runs need no time-out)
    (folder / "hang.txt").unlink()
    other = _run(folder, cache, settings=Settings(max_pages=10))
    assert (other.summary.analysed, other.summary.cached) == (1, 0)
    later = analyze_folder_tables(
        folder,
        work=batchwork.hostile,
        cache=cache,
        progress=False,
        as_of=dt.date(2026, 1, 1),
    )
    assert (later.summary.analysed, later.summary.cached) == (1, 0)
    same = _run(folder, cache)  # and the first key is still there
    assert (same.summary.analysed, same.summary.cached) == (0, 1)


def test_no_cache_and_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "copies").mkdir(parents=True)
    (folder / "a.txt").write_text("same bytes\n")
    (folder / "copies" / "a.txt").write_text("same bytes\n")
    result = _run(folder, False)
    assert result.summary.analysed == 1  # identical content is analysed once
    assert list(result.contracts["file"]) == ["a.txt", "copies/a.txt"]
    assert list(result.contracts["first_line"]) == ["same bytes", "same bytes"]
    assert list(result.findings["file"]) == ["a.txt", "copies/a.txt"]


def test_cache_entries_round_trip_dates_and_survive_corruption(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, "f" * 64)
    result = FileResult(
        file="x.pdf",
        sha256="ab" * 32,
        row={"expiry": dt.date(2027, 3, 31), "score": 71.5, "kind": "saas", "n": None},
        tables={
            "key_dates": [{"date": dt.date(2026, 12, 31), "at": dt.datetime(2026, 1, 2, 3, 4)}]
        },
    )
    assert store.put(result)
    back = store.get("ab" * 32)
    assert back is not None and back.cached
    assert back.row == result.row and back.tables == result.tables
    timeout = FileResult(file="y.pdf", sha256="cd" * 32, error="slow", cacheable=False)
    assert not store.put(timeout) and store.get("cd" * 32) is None
    path = next(tmp_path.rglob("*.json"))
    path.write_text("{not json")
    assert store.get("ab" * 32) is None


@pytest.mark.parametrize("bad", [0, -5])
def test_invalid_limits_are_refused(tmp_path: Path, bad: float) -> None:
    from contract_analyzer.errors import BatchError

    with pytest.raises(BatchError, match="positive"):
        analyze_folder(tmp_path, work=batchwork.hostile, time_limit=bad, cache=False)
