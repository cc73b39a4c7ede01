"""Start-up cost of the clause tagger: skops file against plain-data artefact, cold processes.

Each repeat starts three fresh Python processes, one after the other (so the noisy shared
cores hit each alike), that import the tagger's code and time loading it: ``skops``
(``ClauseTagger.load`` of the skops file, with its validation), ``artefact``
(``ClauseTagger.load()``, the plain-data artefact, scikit-learn estimator) and ``runtime``
(``load_tagger()``, what ``analyze`` uses: the artefact without scikit-learn). Medians. ``--cli PDF`` also times cold ``contract-analyzer analyze PDF --format
json`` runs of this tree and, with ``--base DIR`` (an export of the old code, e.g. ``git
archive main | tar -x -C DIR``), of that tree side by side: wall and CPU seconds and peak RSS
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
kind = sys.argv[1]
t0 = time.perf_counter()
if kind == "runtime":
    from contract_analyzer.tagging.linear import load_tagger as load
else:
    from contract_analyzer.tagging.classifier import ClauseTagger
    load = ClauseTagger.load
from contract_analyzer.resources import models_dir
t1 = time.perf_counter()
tagger = load(models_dir() / "clause_tagger.skops") if kind == "skops" else load()
t2 = time.perf_counter()
tagger.predict(["Neither party may assign this Agreement."])
mods = [m for m in ("skops", "sklearn", "scipy") if m in sys.modules]
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "modules": mods}))
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


def cli_once(tree: Path, pdf: Path) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, CPU seconds user+sys) of one cold ``analyze`` run of the
    code in ``tree`` (CPU time moves less than wall time on loaded shared cores)."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-c", CLI, str(tree), "analyze", str(pdf)]
    done = subprocess.run(
        [*cmd, "--format", "json"], capture_output=True, text=True, check=True, cwd=tree
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    assert wall and rss, done.stderr[-500:]
    cpu = sum(
        float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", done.stderr).group(1))  # type: ignore[union-attr]
        for kind in ("User", "System")
    )
    h, m, s = wall.groups()
    return int(h or 0) * 3600 + int(m) * 60 + float(s), int(rss.group(1)) / 1024, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cli", type=Path, default=None, help="a PDF to analyse cold")
    parser.add_argument("--base", type=Path, default=None, help="a tree of the old code")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"skops": [], "artefact": [], "runtime": []}
    for _ in range(args.repeats):
        for kind in runs:
            runs[kind].append(load_once(kind))
    print(f"tagger load, cold process, median of {args.repeats}:")
    for kind, rs in runs.items():
        load = statistics.median(r["load"] for r in rs)
        imp = statistics.median(r["import"] for r in rs)
        print(
            f"  {kind:9s} load {load:6.3f} s  import {imp:6.3f} s  total {load + imp:6.3f} s"
            f"  (imported: {', '.join(rs[0]['modules']) or 'none of skops/sklearn/scipy'})"
        )
    if args.cli is None:
        return
    trees = {"after": ROOT} | ({"before": args.base.resolve()} if args.base else {})
    cli: dict[str, list[tuple[float, float, float]]] = {k: [] for k in trees}
    t0 = time.perf_counter()
    for _ in range(args.repeats):
        for name, tree in trees.items():
            cli[name].append(cli_once(tree, args.cli.resolve()))
    print(f"cold `analyze {args.cli.name} --format json`, median of {args.repeats}:")
    for name, rs in cli.items():
        walls, peaks, cpus = ([r[i] for r in rs] for i in range(3))
        print(
            f"  {name:6s} wall {statistics.median(walls):5.2f} s (min {min(walls):.2f})  "
            f"CPU {statistics.median(cpus):5.2f} s  peak RSS {statistics.median(peaks):5.0f} MB"
        )
    print(f"  ({time.perf_counter() - t0:.0f} s for these runs)")


if __name__ == "__main__":
    main()
