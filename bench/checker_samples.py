"""The checker against data/sample_contracts/ground_truth.yaml, and the time per contract.

    .venv/bin/python bench/checker_samples.py [--cuad N]

For every sample file: expected findings reported (recall by rule id), unexpected high-severity
findings, other extra findings, kind right or wrong, and seconds for the whole ``ca.analyze``
plus the split per stage. ``--cuad N`` also times N CUAD PDFs. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import yaml

from contract_analyzer.pipeline import analyze
from contract_analyzer.resources import PROJECT_DIR, shared_dir

SAMPLES = PROJECT_DIR / "data" / "sample_contracts"


def stage_times(path: Path, as_of: dt.date) -> dict[str, float]:
    """Seconds per stage, calling the stages in the order ``analyze`` does."""
    from contract_analyzer.check import detect_kind, load_playbook, run_checks
    from contract_analyzer.check.obligations import extract_obligations
    from contract_analyzer.facts import extract_facts
    from contract_analyzer.ingest import load_document
    from contract_analyzer.keydates import extract_key_dates
    from contract_analyzer.segment import segment
    from contract_analyzer.tagging import tag

    out: dict[str, float] = {}
    t = time.perf_counter()
    doc = load_document(path)
    out["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    sections = segment(doc)
    out["segment"] = time.perf_counter() - t
    t = time.perf_counter()
    clauses = tag(doc, sections=sections)
    out["tag"] = time.perf_counter() - t
    t = time.perf_counter()
    facts = extract_facts(doc)
    out["facts"] = time.perf_counter() - t
    t = time.perf_counter()
    key_dates = extract_key_dates(doc, clauses=clauses, as_of=as_of, facts=facts)
    out["keydates"] = time.perf_counter() - t
    t = time.perf_counter()
    extract_obligations(doc, facts)
    out["obligations"] = time.perf_counter() - t
    t = time.perf_counter()
    book = load_playbook(detect_kind(doc, clauses).kind)
    run_checks(doc, clauses, book, key_dates=key_dates, facts=facts)
    out["check"] = time.perf_counter() - t
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cuad", type=int, default=0, help="also time this many CUAD PDFs")
    args = parser.parse_args()
    truth = yaml.safe_load((SAMPLES / "ground_truth.yaml").read_text(encoding="utf-8"))
    as_of = dt.date.fromisoformat(str(truth["as_of"]))
    analyze(SAMPLES / truth["contracts"][0]["files"][0], as_of=as_of)  # warm up models
    n_expected = n_found = n_extra_high = n_extra = n_files = n_kind = 0
    seconds: list[float] = []
    for c in truth["contracts"]:
        expected = {f["rule"]: f["severity"] for f in c.get("findings") or []}
        allowed = set(expected) | {f["rule"] for f in c.get("may_also_report") or []}
        for name in c["files"]:
            t = time.perf_counter()
            report = analyze(SAMPLES / name, as_of=as_of)
            seconds.append(time.perf_counter() - t)
            got = {f.rule_id: f.severity for f in report.issues}
            found = sorted(set(expected) & set(got))
            missed = sorted(set(expected) - set(got))
            extra_high = sorted(r for r, s in got.items() if s == "high" and r not in allowed)
            extra = sorted(r for r in got if r not in allowed and r not in extra_high)
            n_files += 1
            n_kind += report.kind == c["kind"]
            n_expected += len(expected)
            n_found += len(found)
            n_extra_high += len(extra_high)
            n_extra += len(extra)
            print(
                f"{name:42s} kind={report.kind:19s}{'' if report.kind == c['kind'] else '(WRONG)'} "
                f"score={report.score:3d} found {len(found)}/{len(expected)} "
                f"{seconds[-1]:5.1f}s"
            )
            for r in missed:
                print(f"    MISSED    {r}")
            for r in extra_high:
                print(f"    EXTRA-HIGH {r}")
            for r in extra:
                print(f"    extra     {r} ({got[r]})")
    print(
        f"\nexpected findings reported: {n_found}/{n_expected} = {n_found / max(n_expected, 1):.3f}; "
        f"unexpected high: {n_extra_high}; other extra: {n_extra}; kind right {n_kind}/{n_files}"
    )
    print(f"seconds per contract: mean {sum(seconds) / len(seconds):.2f}, max {max(seconds):.2f}")
    shared = shared_dir()
    if args.cuad and shared:
        pdfs = sorted((shared / "data/cuad/pdf").iterdir())[: args.cuad]
        totals: dict[str, float] = {}
        pages = 0
        for path in pdfs:
            for stage, s in stage_times(path, as_of).items():
                totals[stage] = totals.get(stage, 0.0) + s
            from contract_analyzer.ingest import load_document

            pages += load_document(path).source.page_count
        total = sum(totals.values())
        print(
            f"\nCUAD PDFs: {len(pdfs)} files, {pages} pages, {total / len(pdfs):.2f} s per contract"
        )
        for stage, s in totals.items():
            print(f"    {stage:12s} {s / len(pdfs):6.2f} s/contract ({s / total:5.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
