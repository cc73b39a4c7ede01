"""Ingestion benchmark: speed, memory and text fidelity, printed (never asserted).

    .venv/bin/python bench/bench_ingest.py            # all 80 CUAD PDFs (takes a while)
    .venv/bin/python bench/bench_ingest.py --quick    # 10 PDFs, no corpus pass

Sections:
1. throughput on ../shared/data/cuad/pdf: bare pdfplumber ``page.extract_text()`` (pages
   closed) against ``load_document`` (pdfplumber engine) and the PDFium engine, file by file
   in the same run, CPU time (process_time) and wall time; overhead % and PDFium speed-up;
2. agreement of the PDFium engine's text with the pdfplumber engine's (character-level
   normalised Indel similarity, as difflib's ratio, via rapidfuzz when installed);
3. text fidelity against the CUAD .txt of each PDF (names match up to punctuation and
   extension): difflib ratio over lower-cased word sequences, and the share of the .txt's
   words recovered in order;
4. peak memory (max RSS of a fresh subprocess) reading the longest corpus file (179 pages);
5. outcome counts over ../shared/corpus with default settings.
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from contract_analyzer import ContractAnalyzerError, load_document  # noqa: E402
from contract_analyzer.resources import shared_dir  # noqa: E402
from contract_analyzer.settings import Settings  # noqa: E402

LONGEST = "corpus/pdf/govdocs1__379049.pdf"
_WORD = re.compile(r"\w+")
_KEY = re.compile(r"[^a-z0-9]")


def bare_pdfplumber(data: bytes) -> str:
    """What plain pdfplumber gives: extract_text() of every page, pages closed."""
    import pdfplumber

    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
    return "\n".join(texts)


def timed(fn, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return result, time.process_time() - cpu, time.perf_counter() - wall


def char_agreement(a: str, b: str) -> float:
    a, b = " ".join(a.split()), " ".join(b.split())
    try:
        from rapidfuzz.distance import Indel

        return Indel.normalized_similarity(a, b)
    except ImportError:  # word-level alignment weighted by characters
        wa, wb = a.split(), b.split()
        sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        same = sum(len(" ".join(wa[m.a : m.a + m.size])) for m in sm.get_matching_blocks())
        return 2 * same / max(len(a) + len(b), 1)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def fidelity(ours: str, reference: str) -> tuple[float, float]:
    a, b = words(ours), words(reference)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(m.size for m in sm.get_matching_blocks())
    return sm.ratio(), matched / max(len(b), 1)


def with_furniture(doc) -> str:
    """The text with headers, footers and page numbers put back where they were removed."""
    out, last = [], 0
    for block in sorted(doc.furniture(), key=lambda b: b.start):
        out.append(doc.text[last : block.start])
        out.append(f"\n{block.content}\n")
        last = block.start
    out.append(doc.text[last:])
    return "".join(out)


def txt_for(pdf: Path, txt_dir: Path) -> Path | None:
    key = _KEY.sub("", pdf.stem.lower())
    for txt in txt_dir.glob("*.txt"):
        if _KEY.sub("", txt.stem.lower()) == key:
            return txt
    return None


def peak_memory_mb(path: Path, engine: str) -> tuple[float, str]:
    code = (
        "import resource,sys; sys.path.insert(0, sys.argv[1]);"
        "from contract_analyzer import load_document, ContractAnalyzerError;"
        "from contract_analyzer.settings import Settings\n"
        "try:\n"
        "    d = load_document(sys.argv[2], settings=Settings(seconds_per_document=1800,"
        " pdf_engine=sys.argv[3])); out = f'{len(d.pages)} pages, {len(d.text):,} chars'\n"
        "except ContractAnalyzerError as e:\n"
        "    out = f'{type(e).__name__}: {e.cause}'\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, '|', out)"
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, str(PROJECT), str(path), engine],
        capture_output=True,
        text=True,
        check=False,
    )
    line = (proc.stdout.strip().splitlines() or ["0 | failed: " + proc.stderr[-300:]])[-1]
    mb, _, out = line.partition("|")
    return float(mb), f"{out.strip()} in {time.perf_counter() - start:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 PDFs, no corpus pass")
    parser.add_argument("--files", type=int, default=None, help="number of CUAD PDFs")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("../shared is absent: nothing to measure")
        return 1
    pdfs = sorted((shared / "data/cuad/pdf").iterdir())
    count = args.files or (10 if args.quick else len(pdfs))
    pdfs = pdfs[:count]
    txt_dir = shared / "data/cuad/txt"

    plumber = Settings(seconds_per_document=1800)
    pdfium = plumber.replace(pdf_engine="pdfium")
    rows = []
    print(f"== throughput on {len(pdfs)} CUAD PDFs (same run, file by file)")
    for path in pdfs:
        data = path.read_bytes()
        _, b_cpu, b_wall = timed(bare_pdfplumber, data)
        doc, o_cpu, o_wall = timed(load_document, data, settings=plumber)
        fast, f_cpu, f_wall = timed(load_document, data, settings=pdfium)
        ref = txt_for(path, txt_dir)
        reference = ref.read_text(errors="replace") if ref else None
        fid = fidelity(doc.text, reference) if reference else None
        fid_all = fidelity(with_furniture(doc), reference) if reference else None
        agree = char_agreement(doc.text, fast.text)
        rows.append(
            (
                path.name,
                len(doc.pages),
                b_cpu,
                b_wall,
                o_cpu,
                o_wall,
                f_cpu,
                f_wall,
                agree,
                fid,
                fid_all,
            )
        )
        print(
            f"  {path.name[:60]:60s} p={len(doc.pages):3d} bare={b_cpu:6.2f}s ours={o_cpu:6.2f}s "
            f"pdfium={f_cpu:5.3f}s agree={agree:.3f} fid={fid[0] if fid else float('nan'):.3f}",
            flush=True,
        )
    tot = [sum(r[i] for r in rows) for i in range(2, 8)]
    b_cpu, b_wall, o_cpu, o_wall, f_cpu, f_wall = tot
    print(f"\npages: {sum(r[1] for r in rows)}")
    print(f"bare pdfplumber extract_text: cpu {b_cpu:.1f} s, wall {b_wall:.1f} s")
    print(
        f"load_document (pdfplumber):   cpu {o_cpu:.1f} s, wall {o_wall:.1f} s  -> overhead "
        f"{100 * (o_cpu / b_cpu - 1):+.1f}% cpu, {100 * (o_wall / b_wall - 1):+.1f}% wall (bar <= 15%)"
    )
    print(
        f"load_document (pdfium):       cpu {f_cpu:.2f} s, wall {f_wall:.2f} s -> "
        f"{b_cpu / f_cpu:.0f}x faster than bare pdfplumber (cpu), {b_wall / f_wall:.0f}x wall (bar >= 20x)"
    )
    agrees = [r[8] for r in rows]
    print(
        f"pdfium vs pdfplumber char agreement: mean {statistics.mean(agrees):.4f}, "
        f"median {statistics.median(agrees):.4f}, min {min(agrees):.4f}"
    )
    fids = [r[9] for r in rows if r[9] is not None]
    if fids:
        ratios = [f[0] for f in fids]
        recall = [f[1] for f in fids]
        print(
            f"fidelity vs CUAD .txt ({len(fids)} matched): word ratio mean {statistics.mean(ratios):.4f}, "
            f"median {statistics.median(ratios):.4f}, min {min(ratios):.4f}, "
            f">=0.97: {sum(r >= 0.97 for r in ratios)}/{len(ratios)}; "
            f"words recovered in order: mean {statistics.mean(recall):.4f} (aim >= 0.97)"
        )
        kept = [r[10][0] for r in rows if r[10] is not None]
        print(
            f"  same with removed headers/footers/page numbers put back: mean "
            f"{statistics.mean(kept):.4f} (the CUAD .txt keeps them in the text)"
        )
        worst = sorted((r[9][0], r[0]) for r in rows if r[9] is not None)[:3]
        print("  lowest: " + "; ".join(f"{name[:40]} {ratio:.3f}" for ratio, name in worst))
    if not args.no_memory:
        longest = shared / LONGEST
        for engine in ("pdfplumber", "pdfium"):
            mb, note = peak_memory_mb(longest, engine)
            print(f"peak RSS reading {longest.name} ({engine}): {mb:.0f} MB (bar < 300 MB); {note}")
    if not args.quick and not args.no_corpus:
        counts: dict[str, int] = {}
        slowest = (0.0, "")
        for path in sorted((shared / "corpus").rglob("*")):
            if not path.is_file() or path.name in ("README.md", "MANIFEST.tsv"):
                continue
            start = time.perf_counter()
            try:
                load_document(path)
                outcome = "Document"
            except ContractAnalyzerError as exc:
                outcome = type(exc).__name__
            except Exception as exc:  # noqa: BLE001 - reported, it is what we measure
                outcome = f"ESCAPED {type(exc).__name__}"
            took = time.perf_counter() - start
            slowest = max(slowest, (took, path.name))
            counts[outcome] = counts.get(outcome, 0) + 1
        print(f"corpus outcomes (default settings): {dict(sorted(counts.items()))}")
        print(f"slowest corpus file: {slowest[1]} {slowest[0]:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
