"""Behaviour guard for speed work: the JSON reports of fixed contracts, saved and compared.

``save DIR`` writes one JSON report per contract (the 15 sample contracts in
data/sample_contracts with the default settings, and the first N CUAD PDFs of the shared data
with both PDF engines) at a fixed as-of date; ``compare DIR`` analyses them again and prints
every report that differs or was not saved (reports carry no timings, so equal means equal).
Usage: python bench/report_snapshot.py save|compare DIR [--cuad 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import contract_analyzer as ca  # noqa: E402
from contract_analyzer.resources import shared_dir  # noqa: E402

AS_OF = "2026-12-07"


def cases(cuad: int) -> list[tuple[str, Path, str]]:
    """(name, path, pdf engine) of every contract checked."""
    samples = ROOT / "data" / "sample_contracts"
    out = [
        (p.name, p, "pdfplumber")
        for p in sorted(samples.iterdir())
        if p.suffix in (".pdf", ".docx", ".txt")
    ]
    shared = shared_dir()
    if shared is None:
        raise SystemExit("the shared data folder (../shared) is missing")
    pdfs = sorted((shared / "data" / "cuad" / "pdf").iterdir())[:cuad]
    for engine in ("pdfplumber", "pdfium"):
        out += [(f"{engine}__{p.name}", p, engine) for p in pdfs]
    return out


def report(path: Path, engine: str, tagger: object) -> dict:
    """The report of ``path`` as plain data."""
    settings = ca.Settings(pdf_engine=engine)
    return json.loads(ca.analyze(path, as_of=AS_OF, settings=settings, tagger=tagger).to_json())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cuad", type=int, default=10)
    args = parser.parse_args()
    from contract_analyzer.tagging import default_tagger

    tagger = default_tagger()  # the one ca.analyze uses when given none
    args.folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    started = time.perf_counter()
    checked = cases(args.cuad)
    for name, path, engine in checked:
        data = report(path, engine, tagger)
        file = args.folder / (name + ".json")
        if args.mode == "save":
            file.write_text(json.dumps(data, indent=1, sort_keys=True))
            continue
        if not file.is_file():
            differ += 1
            print(f"NOT SAVED  {name}")
        elif json.loads(file.read_text()) != data:
            differ += 1
            print(f"DIFFERS  {name}")
    n = len(checked)
    print(f"{args.mode}: {n} reports, {differ} differ ({time.perf_counter() - started:.1f} s)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
