"""Clause tagging: the accuracy bars (split by contract) and the speed bar, printed.

Speed: for a 17-page CUAD PDF (the CUAD average), pdfplumber extraction (load_document),
segmentation and tagging are timed in one run (best of ``--repeat``, tagger warm; the one-off
model load is printed apart). The bar: tagging adds at most half of what extraction costs.

    .venv/bin/python bench/eval_tagging.py --speed-only      # seconds
    .venv/bin/python bench/eval_tagging.py --saved           # bars recorded at training time
    .venv/bin/python bench/eval_tagging.py                   # bars re-measured (long)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEED_PDF = (
    "GpaqAcquisitionHoldingsInc_20200123_S-4A_EX-10.6_11951677_EX-10.6_License Agreement.pdf"
)


def best_of(fn, repeat: int):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def speed(variant: str, repeat: int) -> dict:
    from contract_analyzer.ingest import load_document
    from contract_analyzer.segment import segment
    from contract_analyzer.segment.units import clause_units
    from contract_analyzer.tagging import tag
    from contract_analyzer.tagging.classifier import ClauseTagger
    from contract_analyzer.tagging.training.cuad import cuad_dir

    pdf = cuad_dir() / "pdf" / SPEED_PDF
    t0 = time.perf_counter()
    tagger = ClauseTagger.load(variant=variant)
    load_s = time.perf_counter() - t0
    extract_s, doc = best_of(lambda: load_document(pdf), repeat)
    segment_s, sections = best_of(lambda: segment(doc), repeat)
    tag(doc, sections, tagger)  # warm caches
    tag_s, clauses = best_of(lambda: tag(doc, sections, tagger), repeat)
    units = len(clause_units(doc, sections))
    return {
        "file": pdf.name,
        "pages": len(doc.pages),
        "words": doc.word_count,
        "model_load_s": round(load_s, 3),
        "extract_s": round(extract_s, 3),
        "segment_s": round(segment_s, 3),
        "tag_s": round(tag_s, 3),
        "units": units,
        "clauses": len(clauses),
        "units_per_s": round(units / tag_s, 1),
        "ratio_tag_to_extract": round(tag_s / extract_s, 3),
        "ratio_segment_and_tag_to_extract": round((segment_s + tag_s) / extract_s, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", default="default")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--saved", action="store_true", help="bars from models/metrics.json")
    args = parser.parse_args()

    s = speed(args.variant, args.repeat)
    print(json.dumps(s, indent=2))
    ok = s["ratio_tag_to_extract"] <= 0.5
    print(
        f"speed: tagging {s['units']} units of a {s['pages']}-page PDF took {s['tag_s']:.2f}s "
        f"({s['units_per_s']:.0f} units/s) vs {s['extract_s']:.2f}s extraction: ratio "
        f"{s['ratio_tag_to_extract']:.2f} (bar <= 0.5: {'pass' if ok else 'FAIL'})"
    )
    if args.speed_only:
        return 0
    from contract_analyzer.cli import main as cli_main

    argv = ["evaluate", "--variant", args.variant] + (["--saved"] if args.saved else [])
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
