"""The progress bar shows files, rate and ETA when asked, and stays silent when not a terminal."""

from __future__ import annotations

from pathlib import Path

import batchwork
import pytest

from contract_analyzer.batch import analyze_folder
from contract_analyzer.batch.progress import wants_progress


def _folder(tmp_path: Path) -> Path:
    for i in range(4):
        (tmp_path / f"c{i}.txt").write_text(f"contract {i}\n")
    return tmp_path


def test_silent_when_stderr_is_not_a_terminal(tmp_path: Path, capsys) -> None:
    assert wants_progress(None) is False  # pytest captures stderr: not a terminal
    assert wants_progress(False) is False and wants_progress(True) is True
    analyze_folder(_folder(tmp_path), work=batchwork.hostile, cache=False, jobs=1)
    assert capsys.readouterr().err == ""


def test_bar_counts_files_with_rate_and_eta(tmp_path: Path, capsys) -> None:
    analyze_folder(_folder(tmp_path), work=batchwork.hostile, cache=False, jobs=1, progress=True)
    err = capsys.readouterr().err
    last = err.replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("scoring: 100%")
    assert "4/4" in last and "file/s" in last and "<00:00" in last


@pytest.mark.parametrize("quiet", [True, False])
def test_cached_files_count_as_done(tmp_path: Path, capsys, quiet: bool) -> None:
    (tmp_path / "docs").mkdir()
    folder = _folder(tmp_path / "docs")
    cache = tmp_path / "cache"
    analyze_folder(folder, work=batchwork.hostile, cache=cache, jobs=1)
    capsys.readouterr()
    analyze_folder(folder, work=batchwork.hostile, cache=cache, jobs=1, progress=not quiet)
    err = capsys.readouterr().err
    if quiet:
        assert err == ""
    else:
        assert "4/4" in err.replace("\r", "\n").strip().splitlines()[-1]
