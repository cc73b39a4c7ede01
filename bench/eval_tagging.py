"""Clause tagging by issue 11's definitions, on the evaluation part of CUAD; and tagging speed.

Accuracy: CUAD's development contracts are split by contract (crc32 of the name, one in five
to the "eval" part: ``contract_analyzer.tagging.training.regions.cuad_part``). Thresholds and
calibration are chosen on the "tune" part only; this script measures the shipped tagger on the
"eval" part end to end (segmentation, units, headings, classifier, decision rule) and prints,
per exhaustive CUAD type and macro: region precision, span recall, presence F1 (with its
precision and recall), regions per contract, and the calibration of ``Clause.confidence``
(expected calibration error: a clause is right when its region rule supports it).

Speed: for a 17-page CUAD PDF (the CUAD average), pdfplumber extraction (load_document),
segmentation and tagging are timed in one run (best of ``--repeat``, tagger warm; the one-off
model load is printed apart). ``--compare-model FILE`` times a second model side by side.

    .venv/bin/python bench/eval_tagging.py                   # accuracy on the eval part + speed
    .venv/bin/python bench/eval_tagging.py --part tune       # the same on the tuning part
    .venv/bin/python bench/eval_tagging.py --speed-only [--compare-model OLD.skops]
    .venv/bin/python bench/eval_tagging.py --saved           # figures recorded at training time
    .venv/bin/python bench/eval_tagging.py --presence --checker --no-speed   # templates
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


def speed(taggers: dict, repeat: int) -> dict:
    """Extraction, segmentation and tagging seconds of the speed PDF, per tagger, one run."""
    from contract_analyzer.ingest import load_document
    from contract_analyzer.segment import segment
    from contract_analyzer.segment.units import clause_units
    from contract_analyzer.tagging import tag
    from contract_analyzer.tagging.training.cuad import cuad_dir

    pdf = cuad_dir() / "pdf" / SPEED_PDF
    extract_s, doc = best_of(lambda: load_document(pdf), repeat)
    segment_s, sections = best_of(lambda: segment(doc), repeat)
    units = len(clause_units(doc, sections))
    out = {
        "file": pdf.name,
        "pages": len(doc.pages),
        "words": doc.word_count,
        "extract_s": round(extract_s, 3),
        "segment_s": round(segment_s, 3),
        "units": units,
    }
    for name, (tagger, load_s) in taggers.items():
        tag(doc, sections, tagger)  # warm caches
        tag_s, clauses = best_of(lambda t=tagger: tag(doc, sections, t), repeat)
        out[name] = {
            "model_load_s": round(load_s, 3),
            "tag_s": round(tag_s, 3),
            "clauses": len(clauses),
            "units_per_s": round(units / tag_s, 1),
            "ratio_tag_to_extract": round(tag_s / extract_s, 3),
        }
    return out


def load_timed(path: str | None, variant: str):
    from contract_analyzer.tagging.classifier import ClauseTagger

    t0 = time.perf_counter()
    tagger = ClauseTagger.load(path, variant=variant)
    return tagger, time.perf_counter() - t0


def accuracy(tagger, part: str, limit: int | None) -> tuple[dict, dict]:
    """(region summary, calibration) of ``tagger`` on one part of the CUAD split."""
    from contract_analyzer.tagging import tag
    from contract_analyzer.tagging.training.calibration import ClauseReliability
    from contract_analyzer.tagging.training.cuad import load_cuad
    from contract_analyzer.tagging.training.regions import RegionTally, split_contracts

    tune, held = split_contracts(load_cuad())
    contracts = (held if part == "eval" else tune)[:limit]
    tally, reliability = RegionTally(), ClauseReliability()
    for c in contracts:
        clauses = tag(c.document, tagger=tagger)
        tally.add(c, clauses)
        reliability.add(c, clauses)
    return tally.summary(), reliability.summary()


def _without(document, spans):
    """The document with the character spans cut out (a plain-text Document)."""
    from contract_analyzer.document import Document, Source

    text, pos, parts = document.text, 0, []
    for start, end in sorted(spans):
        if start >= pos:
            parts.append(text[pos:start])
            pos = end
        else:
            pos = max(pos, end)
    parts.append(text[pos:])
    body = "".join(parts)
    src = document.source
    source = Source(
        path=src.path, sha256=src.sha256, format="txt", size_bytes=len(body), page_count=0
    )
    return Document(text=body, pages=(), blocks=(), source=source)


def _evidence(clauses, component: str) -> str:
    """The strongest clauses of ``component`` (confidence, first words): what made the claim."""
    mine = sorted((c for c in clauses if c.type == component), key=lambda c: -c.confidence)
    parts = [f"{c.confidence:.2f} {' '.join(c.text.split()[:8])!r}" for c in mine[:2]]
    return f" ({len(mine)} clauses; {'; '.join(parts)})" if parts else ""


def presence(tagger, checker: bool) -> dict:
    """Contract-level presence on the DOCX templates of ../shared/data/templates.

    Truth: a component (a type some shipped playbook lists) is present in a template when a
    section of at least 20 words is titled with it (heading lexicon); for each such component a variant of the template with those
    sections cut out has it clearly absent. Measured: ``check.presence.is_present`` on the
    tagged originals (present found) and variants (absent claimed present); with ``checker``,
    ``analyze()``'s component status: present reported missing, absent reported missing (for
    the playbook's components).
    """
    from contract_analyzer.check.playbook import shipped_playbooks
    from contract_analyzer.check.presence import is_present
    from contract_analyzer.ingest import load_document
    from contract_analyzer.resources import shared_dir
    from contract_analyzer.segment import segment
    from contract_analyzer.tagging import tag
    from contract_analyzer.tagging.headings import heading_types

    # the components a missing-component report can name: those of some shipped playbook
    components_any = {c for pb in shipped_playbooks().values() for c in pb.components}
    folder = shared_dir() / "data" / "templates" / "docx"
    counts = {"present": 0, "present_found": 0, "absent": 0, "absent_claimed": 0}
    checked = {"present": 0, "present_missing": 0, "absent": 0, "absent_missing": 0}
    misses: list[str] = []
    for path in sorted(folder.glob("*.docx")):
        doc = load_document(path)
        sections = segment(doc)
        by_type: dict[str, list[tuple[int, int]]] = {}
        for s in sections:
            if len(doc.text[s.body_start : s.end].split()) < 20:
                continue
            for t in heading_types(s.title):
                if t in components_any:
                    by_type.setdefault(t, []).append((s.start, s.end))
        clauses = tag(doc, sections, tagger)
        status = None
        if checker:
            from contract_analyzer.pipeline import analyze

            report = analyze(doc, tagger=tagger)
            status, components = report.component_status(), set(report.playbook.components)
        for t, spans in sorted(by_type.items()):
            counts["present"] += 1
            found = is_present(clauses, t)
            counts["present_found"] += found
            if not found:
                misses.append(f"{path.stem}: {t} not found")
            if status is not None and t in components:
                checked["present"] += 1
                checked["present_missing"] += status[t] == "missing"
            variant = _without(doc, spans)
            v_clauses = tag(variant, tagger=tagger)
            claimed = is_present(v_clauses, t)
            counts["absent"] += 1
            counts["absent_claimed"] += claimed
            if claimed:
                misses.append(
                    f"{path.stem}: {t} cut out but claimed present{_evidence(v_clauses, t)}"
                )
            if status is not None and t in components:
                from contract_analyzer.pipeline import analyze

                v_status = analyze(variant, tagger=tagger, playbook=report.playbook)
                checked["absent"] += 1
                checked["absent_missing"] += v_status.component_status()[t] == "missing"
    out = {
        "present_found_share": counts["present_found"] / max(1, counts["present"]),
        "absent_claimed_present_share": counts["absent_claimed"] / max(1, counts["absent"]),
        **counts,
        "misses": misses,
    }
    if checker:
        out["present_reported_missing"] = checked["present_missing"] / max(1, checked["present"])
        out["absent_reported_missing"] = checked["absent_missing"] / max(1, checked["absent"])
        out["checked"] = checked
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", default="default")
    parser.add_argument("--model", default=None, help="a .skops file instead of the shipped one")
    parser.add_argument("--compare-model", default=None, help="a second .skops file to time")
    parser.add_argument("--part", choices=("eval", "tune"), default="eval")
    parser.add_argument("--limit", type=int, default=None, help="first N contracts of the part")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--saved", action="store_true", help="figures from models/metrics.json")
    parser.add_argument(
        "--presence", action="store_true", help="contract-level presence on the DOCX templates"
    )
    parser.add_argument(
        "--checker", action="store_true", help="with --presence: also the checker's statuses"
    )
    args = parser.parse_args()

    if args.saved:
        from contract_analyzer.resources import models_dir

        print((models_dir() / "metrics.json").read_text())
        return 0
    taggers = {"model": load_timed(args.model, args.variant)}
    if args.compare_model:
        taggers["compare"] = load_timed(args.compare_model, args.variant)
    figures: dict = {}
    if not args.no_speed:
        s = speed(taggers, args.repeat)
        figures["speed"] = s
        print(json.dumps(s, indent=2))
        for name in taggers:
            print(
                f"speed ({name}): tagging {s['units']} units of a {s['pages']}-page PDF took "
                f"{s[name]['tag_s']:.3f}s ({s[name]['units_per_s']:.0f} units/s) vs "
                f"{s['extract_s']:.2f}s extraction: ratio {s[name]['ratio_tag_to_extract']:.3f}"
            )
    if args.presence:
        p = presence(taggers["model"][0], args.checker)
        figures["presence"] = p
        print(json.dumps({k: v for k, v in p.items() if k != "misses"}, indent=2))
        print("\n".join(p["misses"]))
        args.speed_only = True
    if not args.speed_only:
        from contract_analyzer.tagging.training.calibration import format_reliability
        from contract_analyzer.tagging.training.regions import format_table

        t0 = time.perf_counter()
        summary, calib = accuracy(taggers["model"][0], args.part, args.limit)
        print(format_table(summary, f"CUAD {args.part} part ({time.perf_counter() - t0:.0f}s):"))
        print(format_reliability(calib))
        figures["accuracy"] = {"part": args.part, **summary, "calibration": calib}
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
