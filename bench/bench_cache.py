"""The batch cache and outputs under interruption and concurrency (issue 18 target: 0/0).

Two experiments on a folder of small generated text contracts, each run a separate process
calling ``analyze_folder_tables`` (cache on, one worker) and ``write_tables``:

- interrupted: a run is killed (SIGKILL to its process group, at a random moment) and then run
  again to the end; counted: cache entries that fail their checks after the kill, outputs
  left half-written, rows lost or in error after the rerun, and entries the rerun reused;
- concurrent: two runs at once on the same folder, cache and output path; counted: failed
  runs, corrupt entries, rows lost or in error in the output.

``--work analyze`` (the default) is the full analysis; ``--work ingest`` only reads the files
(the same batch, cache and export code, much faster).

    nice -n 19 python bench/bench_cache.py --trials 20 --files 24
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from contract_analyzer.batch.cache import ResultCache

WORKS = {
    "analyze": "contract_analyzer.batch.worker:analyze_file",
    "ingest": "contract_analyzer.batch.worker:ingest_file",
}
RUN = """
import sys
from contract_analyzer.batch import analyze_folder_tables
from contract_analyzer.batch.exports import write_tables
folder, cache, out, work = sys.argv[1:5]
res = analyze_folder_tables(folder, cache=cache, jobs=1, progress=False, work=work,
                            as_of="2025-06-01")
write_tables(res.contracts, out, res.tables())
"""
CONTRACT = """SERVICES AGREEMENT No. {n}

This Services Agreement is made on {day} March 2025 between Alpha{n} Widgets Ltd ("Supplier") and
Beta Retail Ltd ("Customer").

1. Term. This Agreement starts on {day} March 2025 and continues for an initial term of {months}
months. It renews automatically for successive twelve (12) month terms unless either party gives
the other ninety (90) days' written notice before the end of the then-current term.

2. Fees. Customer shall pay each invoice within thirty (30) days of receipt of a valid invoice.
"""


def make_folder(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        text = CONTRACT.format(n=i, day=1 + i % 28, months=6 + i)
        (folder / f"contract_{i:03d}.txt").write_text(text, encoding="utf-8")


def start(folder: Path, cache: Path, out: Path, work: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", RUN, str(folder), str(cache), str(out), WORKS[work]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def corrupt(cache: Path) -> int:
    bad = 0
    for path in entries(cache):
        try:
            fingerprint = json.loads(path.read_text(encoding="utf-8"))["fingerprint"]
        except (ValueError, KeyError, OSError):
            bad += 1
            continue
        bad += not ResultCache(cache, fingerprint).verify(path)
    return bad


def output_rows(out: Path) -> tuple[int, int, bool]:
    """(rows, rows without error, whole): a half-written CSV has a short last row or fails."""
    if not out.exists():
        return 0, 0, True
    try:
        with out.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (csv.Error, UnicodeError):
        return 0, 0, False
    whole = all(None not in r and None not in r.values() for r in rows)
    return len(rows), sum(1 for r in rows if not r.get("error")), whole


def interrupted(root: Path, trials: int, files: int, work: str, rng: random.Random) -> dict:
    totals = dict(corrupt_after_kill=0, half_written=0, lost_rows=0, error_rows=0,
                  corrupt_after_rerun=0, reused=0, kept_before_rerun=0, killed_mid_batch=0)  # fmt: skip
    for t in range(trials):
        base = root / f"interrupted-{t}"
        folder, cache, out = base / "in", base / "cache", base / "out" / "results.csv"
        make_folder(folder, files)
        run = start(folder, cache, out, work)
        # kill at a random point once the batch has started writing the cache
        goal = rng.randint(1, max(1, files - 2))
        deadline = time.monotonic() + 600
        while run.poll() is None and len(entries(cache)) < goal and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.random() * 0.2)
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            totals["killed_mid_batch"] += 1
        run.wait()
        kept = len(entries(cache))
        totals["kept_before_rerun"] += kept
        totals["corrupt_after_kill"] += corrupt(cache)
        totals["half_written"] += not output_rows(out)[2]
        rerun = start(folder, cache, out, work)
        _, err = rerun.communicate()
        if rerun.returncode != 0:
            print(f"rerun {t} failed: {err.decode()[-300:]}", file=sys.stderr)
        rows, ok, whole = output_rows(out)
        totals["half_written"] += not whole
        totals["lost_rows"] += files - rows
        totals["error_rows"] += rows - ok
        totals["corrupt_after_rerun"] += corrupt(cache)
        with out.open(newline="", encoding="utf-8") as fh:
            totals["reused"] += sum(r.get("cached") == "True" for r in csv.DictReader(fh))
        print(f"  interrupted {t + 1}/{trials}: {kept} entries before the rerun", flush=True)
    return totals


def concurrent(root: Path, trials: int, files: int, work: str) -> dict:
    totals = dict(failed_runs=0, corrupt_entries=0, lost_rows=0, error_rows=0, half_written=0)
    for t in range(trials):
        base = root / f"concurrent-{t}"
        folder, cache, out = base / "in", base / "cache", base / "out" / "results.csv"
        make_folder(folder, files)
        runs = [start(folder, cache, out, work) for _ in range(2)]
        for run in runs:
            _, err = run.communicate()
            if run.returncode != 0:
                totals["failed_runs"] += 1
                print(f"run failed: {err.decode()[-300:]}", file=sys.stderr)
        rows, ok, whole = output_rows(out)
        totals["half_written"] += not whole
        totals["lost_rows"] += files - rows
        totals["error_rows"] += rows - ok
        totals["corrupt_entries"] += corrupt(cache)
        totals["lost_rows"] += files - len(entries(cache))  # every file's entry is there
        print(f"  concurrent {t + 1}/{trials}", flush=True)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--work", choices=sorted(WORKS), default="analyze")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        root = Path(tmp)
        a = interrupted(root, args.trials, args.files, args.work, rng)
        b = concurrent(root, args.trials, args.files, args.work)
    print(f"\n{args.trials} interrupted runs ({a['killed_mid_batch']} killed mid-batch), "
          f"{args.files} files each, work={args.work}:")  # fmt: skip
    for k, v in a.items():
        print(f"  {k:<22} {v}")
    print(f"{args.trials} pairs of concurrent runs (same folder, cache and output):")
    for k, v in b.items():
        print(f"  {k:<22} {v}")
    lost = a["lost_rows"] + a["error_rows"] + b["lost_rows"] + b["error_rows"]
    bad = a["corrupt_after_kill"] + a["corrupt_after_rerun"] + b["corrupt_entries"]
    half = a["half_written"] + b["half_written"]
    print(f"\nlost/error rows {lost}, corrupt cache entries {bad}, half-written outputs {half}; "
          f"{time.perf_counter() - started:,.0f} s")  # fmt: skip
    return 1 if lost or bad or half else 0


if __name__ == "__main__":
    sys.exit(main())
