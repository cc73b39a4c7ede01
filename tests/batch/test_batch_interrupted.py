"""The cache and the outputs survive interruption and concurrency (issue 18).

Real ``contract-analyzer score`` processes on small real-text contracts: two at once on the same
folder, cache and output; one killed (SIGKILL, the whole process group) mid-batch, then the
rerun resumes from the cache. Every cache entry must pass its checks (content hash, library
version, fingerprint, payload checksum) and every output must be whole.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contract_analyzer.batch.cache import ResultCache
from contract_analyzer.batch.types import FileResult

N_FILES = 8
CONTRACT = """SERVICES AGREEMENT No. {n}

This Services Agreement is made on {day} March 2025 between Alpha{n} Widgets Ltd ("Supplier") and
Beta Retail Ltd ("Customer").

1. Term. This Agreement starts on {day} March 2025 and continues for an initial term of {months}
months. It renews automatically for successive twelve (12) month terms unless either party gives
the other ninety (90) days' written notice before the end of the then-current term.

2. Fees. Customer shall pay each invoice within thirty (30) days of receipt.

3. Governing Law. This Agreement is governed by the laws of England and Wales.
"""


def make_folder(folder: Path, n: int = N_FILES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = CONTRACT.format(n=i, day=1 + i, months=12 + i)
        (folder / f"contract_{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def score(folder: Path, out: Path, cache: Path, **popen: object) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "contract_analyzer.cli", "score", str(folder), "-o", str(out)]
    cmd += ["--cache-dir", str(cache), "--jobs", "1", "--as-of", "2025-06-01", "-q"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json"))


def corrupt_entries(cache: Path) -> list[Path]:
    """Entries that fail any check of the cache itself (each folder is one fingerprint)."""
    bad = []
    for path in entries(cache):
        data = json.loads(path.read_text(encoding="utf-8"))
        store = ResultCache(cache, data.get("fingerprint", ""))
        if not store.verify(path):
            bad.append(path)
    return bad


def whole_csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["file"] and r["error"] == "" for r in rows), rows
    return rows


def test_two_concurrent_runs_share_the_cache_and_the_output(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "in")
    cache, out = tmp_path / "cache", tmp_path / "out" / "results.csv"
    runs = [score(folder, out, cache) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
    assert len(whole_csv_rows(out)) == N_FILES
    assert len(entries(cache)) == N_FILES and corrupt_entries(cache) == []
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temp file left


def test_a_killed_run_leaves_no_corrupt_entry_and_the_rerun_resumes(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "in")
    cache, out = tmp_path / "cache", tmp_path / "out" / "results.csv"
    run = score(folder, out, cache, start_new_session=True)
    deadline = time.monotonic() + 600
    while len(entries(cache)) < 2 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    if run.poll() is not None:
        pytest.fail(f"the run ended before it could be killed: {run.communicate()[1]}")
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    kept = entries(cache)
    assert 2 <= len(kept) < N_FILES
    assert corrupt_entries(cache) == []
    assert not out.exists()  # no half-written output
    rerun = score(folder, out, cache)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    rows = whole_csv_rows(out)
    assert len(rows) == N_FILES
    assert sum(r["cached"] == "True" for r in rows) >= len(kept)
    assert len(entries(cache)) == N_FILES and corrupt_entries(cache) == []


def _result(sha: str) -> FileResult:
    return FileResult(file="a.txt", sha256=sha, row={"file": "a.txt", "score": 80}, tables={})


@pytest.mark.parametrize(
    "damage",
    ["truncate", "checksum", "payload", "version", "sha", "garbage", "empty"],
)
def test_each_damaged_entry_is_a_miss_and_is_removed(tmp_path: Path, damage: str) -> None:
    sha = "ab" * 32
    store = ResultCache(tmp_path, "f" * 64)
    assert store.put(_result(sha))
    assert store.get(sha).row["score"] == 80
    path = entries(tmp_path)[0]
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    if damage == "truncate":
        text = text[: len(text) // 2]
    elif damage == "checksum":
        data["checksum"] = "0" * 64
        text = json.dumps(data)
    elif damage == "payload":  # a changed value that still parses: only the checksum sees it
        data["result"]["row"]["score"] = 100
        text = json.dumps(data)
    elif damage == "version":
        data["version"] = "0.0.0-other"
        text = json.dumps(data)
    elif damage == "sha":
        data["result"]["sha256"] = "cd" * 32
        text = json.dumps(data)
    elif damage == "garbage":
        text = "\x00\xff" * 10
    else:
        text = ""
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    assert not store.verify(path)
    assert store.get(sha) is None
    assert not path.exists()  # removed, so the fresh result replaces it
    assert store.put(_result(sha)) and store.get(sha) is not None
