"""Start-up cost of the clause tagger: skops file against plain-data artefact, cold processes.

Each repeat starts two fresh Python processes, alternately, that import the classifier module
and then time ``ClauseTagger.load`` of one format (so the noisy shared cores hit both alike);
the figures are medians. ``--cli PDF`` also times cold ``contract-analyzer analyze PDF --format
json`` runs of this tree and, with ``--base DIR`` (an export of the old code, e.g. ``git
archive main | tar -x -C DIR``), of that tree side by side: wall seconds and peak RSS
(``/usr/bin/time -v``).
Usage: python bench/bench_startup.py [--repeats 7] [--cli PDF [--base DIR]]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOAD = """
import json, sys, time
t0 = time.perf_counter()
from contract_analyzer.tagging.classifier import ClauseTagger, model_file
from contract_analyzer.resources import models_dir
t1 = time.perf_counter()
path = models_dir() / model_file() if sys.argv[1] == "skops" else None
tagger = ClauseTagger.load(path)
t2 = time.perf_counter()
tagger.predict(["Neither party may assign this Agreement."])
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "skops": "skops.io" in sys.modules}))
"""

# runs the CLI of the source tree argv[1], not the editable install's
CLI = """
import sys
root = sys.argv.pop(1)
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
sys.path.insert(0, root)
import contract_analyzer
assert contract_analyzer.__file__.startswith(root), contract_analyzer.__file__
from contract_analyzer.cli import main
sys.exit(main())
"""


def load_once(kind: str) -> dict:
    """Seconds to import the classifier and to load the tagger in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", LOAD, kind], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout)


def cli_once(tree: Path, pdf: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one cold ``analyze`` run of the code in ``tree``."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-c", CLI, str(tree), "analyze", str(pdf)]
    done = subprocess.run(
        [*cmd, "--format", "json"], capture_output=True, text=True, check=True, cwd=tree
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    assert wall and rss, done.stderr[-500:]
    h, m, s = wall.groups()
    return int(h or 0) * 3600 + int(m) * 60 + float(s), int(rss.group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cli", type=Path, default=None, help="a PDF to analyse cold")
    parser.add_argument("--base", type=Path, default=None, help="a tree of the old code")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"skops": [], "artefact": []}
    for _ in range(args.repeats):
        for kind in runs:
            runs[kind].append(load_once(kind))
    print(f"tagger load, cold process, median of {args.repeats}:")
    for kind, rs in runs.items():
        load = statistics.median(r["load"] for r in rs)
        imp = statistics.median(r["import"] for r in rs)
        print(
            f"  {kind:9s} load {load:6.3f} s  (classifier import {imp:.3f} s; "
            f"skops imported: {rs[0]['skops']})"
        )
    ratio = statistics.median(r["load"] for r in runs["skops"]) / statistics.median(
        r["load"] for r in runs["artefact"]
    )
    print(f"  artefact is {ratio:.0f}x faster to load")
    if args.cli is None:
        return
    trees = {"after": ROOT} | ({"before": args.base.resolve()} if args.base else {})
    cli: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
    t0 = time.perf_counter()
    for _ in range(args.repeats):
        for name, tree in trees.items():
            cli[name].append(cli_once(tree, args.cli.resolve()))
    print(f"cold `analyze {args.cli.name} --format json`, median of {args.repeats}:")
    for name, rs in cli.items():
        walls, peaks = [w for w, _ in rs], [p for _, p in rs]
        print(
            f"  {name:6s} wall {statistics.median(walls):5.2f} s (min {min(walls):.2f})  "
            f"peak RSS {statistics.median(peaks):5.0f} MB"
        )
    print(f"  ({time.perf_counter() - t0:.0f} s for these runs)")


if __name__ == "__main__":
    main()
