"""Key dates of the real pipeline on the sample contracts, against their ground truth.

    .venv/bin/python bench/keydates_samples.py [--files GLOB]

Runs ``ca.analyze(path, as_of=<ground truth as_of>)`` on every file of
data/sample_contracts (PDF and DOCX renderings of the same contract are scored separately),
then prints, per key-date kind, how many ground-truth entries the report matches, and lists
every mismatch with the file, the kind, the expected and produced value and the produced
derivation. Conventions are those of data/sample_contracts/README.md (expiration = last day
of the term; next notice deadline rolled from ``as_of``). Figures are printed, not asserted;
tests/check/test_sample_key_dates.py asserts them.

Then the calendar cases of :mod:`keydates_cases` (month ends, 29 February, business days,
"no later than" and "at least ... prior", effective dates written as events, impossible dates,
renewals without a length), each a short contract text with the key dates worked out by hand,
run through ``extract_key_dates`` (``--no-files`` runs only these).
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from keydates_cases import CASES  # noqa: E402

from contract_analyzer.keydates import KINDS, extract_key_dates  # noqa: E402
from contract_analyzer.keydates.compare import (  # noqa: E402
    expected_text,
    got_text,
    key_date_matches,
)
from contract_analyzer.pipeline import analyze  # noqa: E402
from contract_analyzer.resources import PROJECT_DIR  # noqa: E402

SAMPLES = PROJECT_DIR / "data" / "sample_contracts"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", default="*", help="only files matching this glob")
    parser.add_argument("--no-files", action="store_true", help="only the calendar cases")
    args = parser.parse_args()
    cases_ok = run_cases()
    if args.no_files:
        return 0 if cases_ok else 1
    truth = yaml.safe_load((SAMPLES / "ground_truth.yaml").read_text(encoding="utf-8"))
    as_of = dt.date.fromisoformat(str(truth["as_of"]))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    mismatches: list[str] = []
    seconds = 0.0
    n_files = 0
    for contract in truth["contracts"]:
        for name in contract["files"]:
            if not fnmatch.fnmatch(name, args.files):
                continue
            t = time.perf_counter()
            report = analyze(SAMPLES / name, as_of=as_of)
            seconds += time.perf_counter() - t
            n_files += 1
            got = {k.kind: k for k in report.key_dates}
            for expected in contract.get("key_dates") or []:
                kind = expected["kind"]
                total[kind] += 1
                have = got.get(kind)
                if key_date_matches(expected, have):
                    right[kind] += 1
                    continue
                mismatches.append(
                    f"{name:42s} {kind:36s} expected {expected_text(expected):12s} "
                    f"got {got_text(have):12s}\n"
                    f"{'':8s}derivation: {have.derivation if have else '-'}\n"
                    f"{'':8s}evidence:   {' '.join(have.text.split())[:160] if have else '-'}"
                )
    print(f"{'kind':38s} right/total  accuracy")
    for kind in KINDS:
        if total[kind]:
            print(f"{kind:38s} {right[kind]:5d}/{total[kind]:<5d} {right[kind] / total[kind]:8.3f}")
    n_right, n_total = sum(right.values()), sum(total.values())
    print(f"{'all':38s} {n_right:5d}/{n_total:<5d} {n_right / max(n_total, 1):8.3f}")
    print(f"\n{n_files} files, {seconds / max(n_files, 1):.2f} s per file (whole analyze)")
    if mismatches:
        print(f"\nmismatches ({len(mismatches)}):")
        for line in mismatches:
            print("  " + line)
    return 0


def run_cases() -> bool:
    """Every calendar case of keydates_cases.CASES; prints a line per category and each miss."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for case in CASES:
        got = {k.kind: k for k in extract_key_dates(case["text"], as_of=case["as_of"])}
        for key, want in case["expect"].items():
            kind, _, attr = key.partition(".")
            have = got.get(kind)
            if have is None:
                value = None
            elif attr:
                value = getattr(have, attr)
            else:
                value = have.date if have.date is not None else have.value
            shown = value.isoformat() if isinstance(value, dt.date) else value
            total[case["category"]] += 1
            if shown == want:
                right[case["category"]] += 1
            else:
                misses.append(f"{case['name']:34s} {key:36s} expected {want!s:12s} got {shown!s:12s}"
                              f"\n{'':8s}derivation: {have.derivation if have else '-'}")  # fmt: skip
    print(f"{'calendar case category':38s} right/total  accuracy")
    for category in total:
        print(f"{category:38s} {right[category]:5d}/{total[category]:<5d} "
              f"{right[category] / total[category]:8.3f}")  # fmt: skip
    for line in misses:
        print("  " + line)
    print()
    return not misses


if __name__ == "__main__":
    sys.exit(main())
