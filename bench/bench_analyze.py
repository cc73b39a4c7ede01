"""Analysis throughput against bare PDF text extraction, file by file in one run (printed,
never asserted).

On the first N CUAD PDFs (../shared/data/cuad/pdf, sorted by name; default 30), each file in
turn, so load on the shared cores hits every column alike:

- bare pypdfium2: ``get_textpage().get_text_range()`` of every page, pages closed;
- ``ca.analyze`` with ``Settings(pdf_engine="pdfium")``, the tagger loaded once and warm;
  its reading (``load_document``, same engine) is timed apart, so the analysis stage after
  reading shows on its own;
- ``ca.analyze`` with the pdfplumber engine (the default).

Pages/s on CPU time (process_time, which other processes' load inflates far less than wall
time) and on wall time, and the ratio analyze-pdfium / bare (issue 17's bar: <= 3x).
Usage: python bench/bench_analyze.py [--files 30] [--skip-pdfplumber]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import contract_analyzer as ca  # noqa: E402
from contract_analyzer.ingest import load_document  # noqa: E402
from contract_analyzer.resources import shared_dir  # noqa: E402

AS_OF = "2026-12-07"


def bare_pdfium(data: bytes) -> int:
    """Plain pypdfium2 text of every page; the number of pages."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(doc)
    finally:
        doc.close()


def timed(fn, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    return out, time.process_time() - cpu, time.perf_counter() - wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--skip-pdfplumber", action="store_true")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("../shared is absent: nothing to measure")
        return 1
    pdfs = sorted((shared / "data" / "cuad" / "pdf").iterdir())[: args.files]
    plumber = ca.Settings(seconds_per_document=1800)
    pdfium = plumber.replace(pdf_engine="pdfium")
    from contract_analyzer.tagging import default_tagger

    tagger = default_tagger()
    warm = pdfs[0].read_bytes()  # models, lexicons and patterns loaded before timing
    ca.analyze(warm, as_of=AS_OF, settings=pdfium, tagger=tagger)
    ca.analyze(warm, as_of=AS_OF, settings=plumber, tagger=tagger)
    cols = ("bare", "read", "analyze_pdfium", "analyze_pdfplumber")
    cpu = dict.fromkeys(cols, 0.0)
    wall = dict.fromkeys(cols, 0.0)
    pages = 0
    print(f"== {len(pdfs)} CUAD PDFs, file by file (CPU seconds)")
    for path in pdfs:
        data = path.read_bytes()
        n, c, w = timed(bare_pdfium, data)
        pages += n
        runs = {"bare": (c, w)}
        doc, c, w = timed(load_document, data, settings=pdfium)
        runs["read"] = (c, w)
        _, c, w = timed(ca.analyze, doc, as_of=AS_OF, settings=pdfium, tagger=tagger)
        runs["analyze_pdfium"] = (runs["read"][0] + c, runs["read"][1] + w)
        if not args.skip_pdfplumber:
            runs["analyze_pdfplumber"] = timed(
                ca.analyze, data, as_of=AS_OF, settings=plumber, tagger=tagger
            )[1:]
        for k, (c, w) in runs.items():
            cpu[k] += c
            wall[k] += w
        print(
            f"  {path.name[:56]:56s} p={n:3d} "
            + " ".join(f"{k}={runs[k][0]:6.3f}" for k in cols if k in runs),
            flush=True,
        )
    print(f"\npages: {pages}")
    labels = {
        "bare": "bare pypdfium2 text",
        "read": "load_document (pdfium)",
        "analyze_pdfium": "analyze, pdfium engine",
        "analyze_pdfplumber": "analyze, pdfplumber engine",
    }
    for k in cols:
        if args.skip_pdfplumber and k == "analyze_pdfplumber":
            continue
        print(
            f"{labels[k]:28s} {pages / cpu[k]:7.1f} pages/s CPU ({cpu[k]:6.2f} s), "
            f"{pages / wall[k]:7.1f} pages/s wall ({wall[k]:6.2f} s)"
        )
    stage = cpu["analyze_pdfium"] - cpu["read"]
    print(f"analysis stage after reading   {pages / stage:7.1f} pages/s CPU ({stage:6.2f} s)")
    print(
        f"ratio analyze-pdfium / bare pypdfium2: {cpu['analyze_pdfium'] / cpu['bare']:.1f}x CPU, "
        f"{wall['analyze_pdfium'] / wall['bare']:.1f}x wall (bar <= 3x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
