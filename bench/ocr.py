"""OCR benchmark: word fidelity and time of the OCR path on scans made from CUAD PDFs.

    .venv/bin/python bench/ocr.py                 # 36 pages of 12 CUAD PDFs
    .venv/bin/python bench/ocr.py --pages 12 --rapidocr --contract

Protocol (issue 14): pages of ../shared/data/cuad/pdf with a text layer are rendered to
200 dpi grey images, turned by a small angle (0.3-1.0 degrees, alternating sign), and saved as
image-only PDFs. Each scan is read three ways in the same run, one page at a time and one
process at a time, so the times compare:

* ``load_document`` (the library: render at ``ocr_dpi``, Tesseract psm 6, layout, word
  location), timed end to end;
* bare Tesseract (the yardstick): the ``tesseract`` program on the 200 dpi page image, same
  options (psm 6, OMP_THREAD_LIMIT=1), plain text out; and its default page segmentation
  (psm 3) for comparison;
* optionally RapidOCR (``rapidocr-onnxruntime``) on the same image.

Truth is the page's text layer (PDFium). Scores over lower-cased word sequences: difflib's
ratio with ``autojunk=False`` (order-aware) and an order-free score (the multiset overlap,
2|A∩B|/(|A|+|B|)). For the library, furniture blocks (headers, page numbers) are put back
where they were removed, since the truth has them too.

``--contract`` also analyses one sample contract born digital and as a scan and compares the
clause tags (precision/recall against the born-digital tags) and key dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from contract_analyzer import load_document  # noqa: E402
from contract_analyzer.resources import shared_dir  # noqa: E402
from contract_analyzer.settings import Settings  # noqa: E402

_WORD = re.compile(r"\S+")
AS_OF = dt.date(2025, 1, 1)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def ratio(truth: list[str], got: list[str]) -> float:
    if not truth and not got:
        return 1.0
    return difflib.SequenceMatcher(None, truth, got, autojunk=False).ratio()


def bag(truth: list[str], got: list[str]) -> float:
    if not truth and not got:
        return 1.0
    common = sum((Counter(truth) & Counter(got)).values())
    return 2 * common / (len(truth) + len(got))


def reading_order(textpage) -> str | None:
    """The text layer's lines in reading order: top to bottom, lines sharing a height left to
    right (None when the characters cannot be tied to their boxes).

    A text layer keeps the order the PDF drew its text in, which is not always the order a
    reader (or OCR) reads the page in: a heading drawn after its section, a block added later.
    The words are the same; only their lines move.
    """
    text = textpage.get_text_range()
    if len(text) != textpage.count_chars():
        return None
    lines: list[tuple[float, float, float, str]] = []  # top, bottom, left, text
    begin = 0
    for end in [*(i for i, ch in enumerate(text) if ch == "\n"), len(text)]:
        boxes = [textpage.get_charbox(i) for i in range(begin, end) if not text[i].isspace()]
        if boxes:
            lines.append((max(b[3] for b in boxes), min(b[1] for b in boxes),
                          min(b[0] for b in boxes), text[begin:end]))  # fmt: skip
        begin = end + 1
    rows: list[list[tuple[float, float, float, str]]] = []
    for line in sorted(lines, key=lambda x: -x[0]):
        middle = (line[0] + line[1]) / 2
        row = next((r for r in rows if r[0][1] <= middle <= r[0][0]), None)
        if row is None:
            rows.append([line])
        else:
            row.append(line)
    return "\n".join(" ".join(x[3] for x in sorted(row, key=lambda x: x[2])) for row in rows)


def select_pages(n: int, per_doc: int = 3, skip: int = 0) -> list[tuple[Path, int, str, str]]:
    """``(pdf, page index, truth text, truth in reading order)``: up to ``per_doc`` text pages
    (first, middle, last) from each CUAD PDF in name order, pages of 150+ words only, after
    the first ``skip`` such pages."""
    import pypdfium2 as pdfium

    folder = shared_dir() / "data" / "cuad" / "pdf"
    chosen: list[tuple[Path, int, str]] = []
    for path in sorted(folder.glob("*.[pP][dD][fF]")):
        doc = pdfium.PdfDocument(path.read_bytes())
        count = len(doc)
        picks = sorted({0, count // 2, max(count - 2, 0)})[:per_doc]
        for i in picks:
            page = doc[i]
            tp = page.get_textpage()
            text = tp.get_text_range()
            ordered = reading_order(tp) if len(text.split()) >= 150 else None
            tp.close()
            page.close()
            if len(text.split()) >= 150:
                if skip > 0:
                    skip -= 1
                    continue
                chosen.append((path, i, text, ordered or text))
            if len(chosen) >= n:
                doc.close()
                return chosen
        doc.close()
    return chosen


def make_scan(path: Path, index: int, angle: float, dpi: int = 200):
    """The page as a grey image turned by ``angle``, and as an image-only PDF."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(path.read_bytes())
    page = doc[index]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    doc.close()
    image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    buf = io.BytesIO()
    image.save(buf, format="PDF", resolution=dpi)
    return image, buf.getvalue()


def library_words(doc) -> list[str]:
    """The Document's words with its furniture put back at its anchors (truth has it)."""
    pieces: list[tuple[int, int, str]] = []
    for i, block in enumerate(doc.blocks):
        if not block.in_flow and block.content:
            pieces.append((block.start, i, block.content))
    out: list[str] = []
    pos = 0
    for start, _, content in sorted(pieces):
        out.extend(words(doc.text[pos:start]))
        out.extend(words(content))
        pos = max(pos, start)
    out.extend(words(doc.text[pos:]))
    return out


def bare_tesseract(png: str, psm: int) -> tuple[str, float]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    done = subprocess.run(
        ["tesseract", png, "stdout", "--psm", str(psm)], capture_output=True, env=env, check=True
    )
    return done.stdout.decode("utf-8", "replace"), time.perf_counter() - started


def rapid_engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


def rapid_read(engine, png: str) -> tuple[str, float]:
    started = time.perf_counter()
    result, _ = engine(png)
    elapsed = time.perf_counter() - started
    boxes = sorted(result or [], key=lambda r: (round(r[0][0][1] / 12), r[0][0][0]))
    return "\n".join(r[1] for r in boxes), elapsed


def summary(
    name: str, scores: list[float], ordered: list[float], bags: list[float], times: list[float]
) -> str:
    return (
        f"{name:<28} fidelity mean {statistics.mean(scores):.3f}/{statistics.mean(ordered):.3f} "
        f"worst {min(scores):.3f}/{min(ordered):.3f} | "
        f"order-free mean {statistics.mean(bags):.3f} worst {min(bags):.3f} | "
        f"{statistics.mean(times):.2f} s/page"
    )


def run_pages(args) -> None:
    pages = select_pages(args.pages, skip=args.skip)
    settings = Settings(ocr_workers=1, ocr_dpi=args.dpi, seconds_per_document=3600)
    rapid = rapid_engine() if args.rapidocr else None
    if args.rapidocr and rapid is None:
        print("rapidocr-onnxruntime is not installed: RapidOCR not measured")
    rows: dict[str, tuple[list[float], list[float], list[float], list[float]]] = {}

    def add(name: str, truth: tuple[list[str], list[str]], got: list[str], seconds: float) -> None:
        s, r, b, t = rows.setdefault(name, ([], [], [], []))
        s.append(ratio(truth[0], got))
        r.append(ratio(truth[1], got))
        b.append(bag(truth[0], got))
        t.append(seconds)

    worst: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (path, index, truth_text, ordered) in enumerate(pages, start=args.skip):
            angle = (0.3 + 0.7 * ((n * 37) % 10) / 9) * (1 if n % 2 else -1)
            image, pdf = make_scan(path, index, angle)
            png = os.path.join(tmp, "page.png")
            image.save(png, dpi=(200, 200))
            truth = (words(truth_text), words(ordered))
            started = time.perf_counter()
            doc = load_document(pdf, settings=settings)
            lib_time = time.perf_counter() - started
            got = library_words(doc)
            add("library (load_document)", truth, got, lib_time)
            lib = rows["library (load_document)"]
            worst.append((lib[0][-1], lib[1][-1], f"{path.name[:60]} p{index + 1}"))
            text, seconds = bare_tesseract(png, 6)
            add("bare tesseract psm 6", truth, words(text), seconds)
            if args.psm3:
                text, seconds = bare_tesseract(png, 3)
                add("bare tesseract psm 3", truth, words(text), seconds)
            if rapid is not None:
                text, seconds = rapid_read(rapid, png)
                add("rapidocr-onnxruntime", truth, words(text), seconds)
            print(f"  {n + 1:>2}/{len(pages)} {path.name[:50]} p{index + 1}: "
                  + ", ".join(f"{k.split()[0]} {v[0][-1]:.3f}/{v[1][-1]:.3f}"
                              for k, v in rows.items()),
                  flush=True)  # fmt: skip
    print(f"\n{len(pages)} pages of {len({p[0] for p in pages})} CUAD PDFs (after the first "
          f"{args.skip}), 200 dpi grey, turned 0.3-1.0 degrees; library renders at {args.dpi} dpi")  # fmt: skip
    print("fidelity against the text layer's order (issue 14's protocol) / against its lines "
          "in reading order (same words)")  # fmt: skip
    for name, (s, r, b, t) in rows.items():
        print(summary(name, s, r, b, t))
    lib_t = sum(rows["library (load_document)"][3])
    bare_t = sum(rows["bare tesseract psm 6"][3])
    print(f"time ratio library / bare tesseract psm 6: {lib_t / bare_t:.2f}x")
    print("worst library pages:", "; ".join(f"{s:.3f}/{r:.3f} {name}"
                                            for s, r, name in sorted(worst)[:3]))  # fmt: skip
    print("worst in reading order:", "; ".join(f"{s:.3f}/{r:.3f} {name}"
                                               for s, r, name in sorted(worst, key=lambda w: w[1])[:3]))  # fmt: skip


def scan_of(data: bytes) -> bytes:
    """Every page of a PDF as a 200 dpi grey image, turned slightly, in an image-only PDF."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(data)
    images = []
    for i in range(len(doc)):
        page = doc[i]
        img = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        page.close()
        angle = 0.5 if i % 2 else -0.4
        images.append(img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255))
    doc.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=200)
    return buf.getvalue()


def run_contract(args) -> None:
    """Clause types and key dates of sample contracts, born digital and scanned, against the
    samples' ground truth (data/sample_contracts/ground_truth.yaml)."""
    import yaml

    import contract_analyzer as ca
    from contract_analyzer.keydates.compare import key_date_matches

    folder = PROJECT / "data" / "sample_contracts"
    truth = yaml.safe_load((folder / "ground_truth.yaml").read_text(encoding="utf-8"))
    as_of = dt.date.fromisoformat(str(truth["as_of"]))
    by_file = {name: c for c in truth["contracts"] for name in c["files"]}
    totals = {"born": Counter(), "scan": Counter()}
    for name in args.sample.split(","):
        contract = by_file[name]
        data = (folder / name).read_bytes()
        born = load_document(data)
        started = time.perf_counter()
        scan = load_document(scan_of(data), settings=Settings(seconds_per_document=3600))
        seconds = time.perf_counter() - started
        print(f"\n{name}: {len(born.pages)} pages, OCR {seconds:.0f} s; confidence "
              f"{scan.ocr_confidence:.3f}; word fidelity {ratio(words(born.text), words(scan.text)):.3f}")  # fmt: skip
        want = set(contract.get("clauses") or [])
        for label, doc in (("born", born), ("scan", scan)):
            report = ca.analyze(doc, as_of=as_of)
            got = {c.type for c in report.clauses}
            have = {k.kind: k for k in report.key_dates}
            dates = contract.get("key_dates") or []
            right = sum(key_date_matches(e, have.get(e["kind"])) for e in dates)
            t = totals[label]
            t["tp"] += len(got & want)
            t["got"] += len(got)
            t["want"] += len(want)
            t["dates"] += right
            t["dates_total"] += len(dates)
            print(f"  {label}: clause types precision {len(got & want) / max(len(got), 1):.3f} "
                  f"recall {len(got & want) / max(len(want), 1):.3f}; key dates {right}/{len(dates)}")  # fmt: skip
    for label, t in totals.items():
        print(f"{label} total: clause types precision {t['tp'] / max(t['got'], 1):.3f} recall "
              f"{t['tp'] / max(t['want'], 1):.3f}; key dates {t['dates']}/{t['dates_total']}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=36)
    parser.add_argument("--skip", type=int, default=0,
                        help="start after this many pages (36: the pages the OCR rules were "
                             "chosen on, see ingest/ocr.py)")  # fmt: skip
    parser.add_argument("--dpi", type=int, default=Settings().ocr_dpi, help="library ocr_dpi")
    parser.add_argument("--psm3", action="store_true", help="also bare Tesseract's default psm 3")
    parser.add_argument("--rapidocr", action="store_true", help="also RapidOCR, if installed")
    parser.add_argument("--contract", action="store_true", help="also born vs scanned contract")
    parser.add_argument(
        "--sample",
        default="c01_msa_meridian_kestrel.pdf,c05_nda_orchardlane_vantagecrest.pdf",
        help="comma-separated sample PDFs for --contract",
    )
    parser.add_argument("--no-pages", action="store_true", help="skip the page fidelity run")
    args = parser.parse_args()
    if not args.no_pages:
        run_pages(args)
    if args.contract:
        run_contract(args)


if __name__ == "__main__":
    main()
