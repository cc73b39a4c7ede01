"""Structure fidelity of ``segment`` and ``clause_units`` on the CUAD development split.

For every annotated CUAD span (located in the text with whitespace normalised) we ask whether it
lies inside one top-level section, one leaf region (a section's own text, its subsections
excluded) and one leaf unit (what the clause tagger classifies). Also prints words per unit,
sections per contract and the time per contract; ``--pdf`` runs the same on the 80 CUAD PDFs
through ``load_document``.

    .venv/bin/python bench/eval_segmentation.py [--limit N] [--pdf] [--worst 10]
"""

from __future__ import annotations

import argparse
import ast
import bisect
import hashlib
import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from contract_analyzer.document import Document, Source
from contract_analyzer.resources import shared_dir
from contract_analyzer.segment import Section, clause_units, segment

# spans that usually sit in the title or the preamble rather than in a clause
FRONT_CATEGORIES = ("Document Name", "Parties", "Agreement Date", "Effective Date")
_WS = re.compile(r"\s+")


def file_key(name: str) -> str:
    """Compare CUAD file names "up to punctuation and extension"."""
    stem = name.rsplit(".", 1)[0] if name.lower().endswith((".pdf", ".txt")) else name
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", stem.lower())


def load_annotations(cuad: Path) -> dict[str, list[tuple[str, str]]]:
    """CUAD file key -> [(category, span text)] from master_clauses_dev.csv."""
    import pandas as pd

    df = pd.read_csv(cuad / "master_clauses_dev.csv")
    cats = [c for c in df.columns if c != "Filename" and not c.strip().endswith("Answer")]
    out: dict[str, list[tuple[str, str]]] = {}
    for _, row in df.iterrows():
        spans = []
        for c in cats:
            for s in ast.literal_eval(row[c]):
                if s and s.strip():
                    spans.append((c, s))
        out[file_key(row["Filename"])] = spans
    return out


def raw_document(path: Path) -> Document:
    """A Document holding a text file as it is (no ingest stage: no blocks, no furniture removal)."""
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    src = Source(str(path), hashlib.sha256(data).hexdigest(), "txt", len(data), 0)
    return Document(text=text, pages=(), blocks=(), source=src)


def text_document(path: Path, raw: bool = False) -> Document:
    """A Document for a CUAD text file, through ``load_document`` when ingest is available."""
    if raw:
        return raw_document(path)
    try:
        from contract_analyzer.ingest import load_document
    except ImportError:
        return raw_document(path)
    return load_document(path)


def load_all(paths: list[Path], load) -> list[tuple[str, Document]]:
    """Documents for ``paths``; a file the ingest stage refuses is reported and left out."""
    from contract_analyzer.errors import ContractAnalyzerError

    out = []
    for p in paths:
        try:
            out.append((file_key(p.name), load(p)))
        except ContractAnalyzerError as err:
            print(f"not measured: {err}")
    return out


class _AlnumView:
    """Only the lower-cased letters and digits of a text, mapped back to offsets: finds a span
    whose quotes, hyphens or line breaks came out differently (PDF extraction)."""

    def __init__(self, text: str) -> None:
        self.offsets = [i for i, ch in enumerate(text) if ch.isalnum()]
        self.text = "".join(text[i] for i in self.offsets).lower()

    def locate(self, pieces: list[str]) -> tuple[int, int] | None:
        keys = ["".join(ch for ch in p if ch.isalnum()).lower() for p in pieces]
        keys = [k for k in keys if k]
        if not keys or sum(map(len, keys)) < 12:
            return None  # too short to place without its punctuation
        k = self.text.find(keys[0])
        if k < 0:
            return None
        start, end = k, k + len(keys[0])
        for key in keys[1:]:
            k = self.text.find(key, end)
            if k < 0:
                return None
            end = k + len(key)
        return self.offsets[start], self.offsets[end - 1] + 1


class Normalised:
    """The text with whitespace runs collapsed, mapped back to original offsets."""

    def __init__(self, text: str) -> None:
        self._source = text
        self._alnum: _AlnumView | None = None
        parts: list[str] = []
        self.offsets: list[int] = []
        prev_space = True
        for i, ch in enumerate(text):
            if ch.isspace():
                if prev_space:
                    continue
                parts.append(" ")
                prev_space = True
            else:
                parts.append(ch)
                prev_space = False
            self.offsets.append(i)
        self.text = "".join(parts)

    def locate(self, span: str) -> tuple[int, int] | None:
        """First occurrence of ``span``; CUAD joins discontiguous pieces with "<omitted>":
        the span then runs from its first piece to its last, found in order."""
        pieces = [_WS.sub(" ", p).strip() for p in span.split("<omitted>")]
        pieces = [p for p in pieces if p]
        if not pieces:
            return None
        k = self.text.find(pieces[0])
        if k < 0:
            if self._alnum is None:
                self._alnum = _AlnumView(self._source)
            return self._alnum.locate(pieces)
        start, end = k, k + len(pieces[0])
        for piece in pieces[1:]:
            k = self.text.find(piece, end)
            if k < 0:
                if self._alnum is None:
                    self._alnum = _AlnumView(self._source)
                return self._alnum.locate(pieces)
            end = k + len(piece)
        return self.offsets[start], self.offsets[end - 1] + 1


def leaf_regions(sections: tuple[Section, ...], n: int) -> tuple[list[int], list[int]]:
    """Partition of the text into each section's own text: (region starts, region ids)."""
    events: list[tuple[int, int]] = []  # (offset, section index now innermost)
    children: dict[int | None, list[int]] = defaultdict(list)
    for i, s in enumerate(sections):
        children[s.parent].append(i)

    def walk(i: int, parent_region: int) -> None:
        s = sections[i]
        events.append((s.start, i))
        for k in children[i]:
            walk(k, i)
        events.append((s.end, parent_region))

    for i in children[None]:
        walk(i, -1)
    events.sort(key=lambda e: e[0])
    starts, ids = [], []
    for off, sid in events:
        if starts and starts[-1] == off:
            ids[-1] = sid
        else:
            starts.append(off)
            ids.append(sid)
    return starts, ids


def region_at(starts: list[int], ids: list[int], off: int) -> int:
    return ids[bisect.bisect_right(starts, off) - 1]


def evaluate(docs, annotations, worst: int, label: str) -> None:
    totals = defaultdict(lambda: [0, 0, 0, 0])  # with_front / no_front -> [n, top, leaf, unit]
    by_cat = defaultdict(lambda: [0, 0])
    not_found = 0
    unit_words: list[int] = []
    n_sections: list[int] = []
    seg_times: list[float] = []
    unit_times: list[float] = []
    per_doc: list[tuple[float, str, int, int]] = []
    sized: list[float] = []  # segment + clause_units time of contracts of 6,000-10,000 words
    for key, doc in docs:
        spans = annotations.get(key, [])
        t0 = time.perf_counter()
        sections = segment(doc)
        t1 = time.perf_counter()
        units = clause_units(doc, sections)
        t2 = time.perf_counter()
        seg_times.append(t1 - t0)
        unit_times.append(t2 - t1)
        if 6000 <= doc.word_count <= 10000:
            sized.append(t2 - t0)
        n_sections.append(len(sections))
        unit_words.extend(len(doc.text[u.start : u.end].split()) for u in units)
        top = [s for s in sections if s.parent is None]
        top_starts = [s.start for s in top]
        r_starts, r_ids = leaf_regions(sections, len(doc.text))
        u_starts = [u.start for u in units]
        norm = Normalised(doc.text)
        bad = 0
        for cat, span in spans:
            loc = norm.locate(span)
            if loc is None:
                not_found += 1
                continue
            a, b = loc
            t = top[bisect.bisect_right(top_starts, a) - 1]
            in_top = b <= t.end
            in_leaf = region_at(r_starts, r_ids, a) == region_at(r_starts, r_ids, b - 1)
            ui = bisect.bisect_right(u_starts, a) - 1
            in_unit = b <= units[ui].end
            if "<omitted>" in span:
                groups: tuple[str, ...] = ("omitted",)
            elif cat in FRONT_CATEGORIES:
                groups = ("all",)
            else:
                groups = ("all", "no_front")
            for group in groups:
                tot = totals[group]
                tot[0] += 1
                tot[1] += in_top
                tot[2] += in_leaf
                tot[3] += in_unit
            if "<omitted>" not in span:
                by_cat[cat][0] += 1
                by_cat[cat][1] += in_unit
                bad += not in_unit
        per_doc.append((bad / max(len(spans), 1), doc.source.name, bad, len(spans)))

    print(f"== {label}: {len(n_sections)} contracts")
    print(f"spans not located in the text: {not_found}")
    names = {
        "all": "contiguous spans, all categories",
        "no_front": "contiguous spans without " + ", ".join(FRONT_CATEGORIES),
        "omitted": 'discontiguous spans ("<omitted>" joins pieces; first piece to last)',
    }
    for group in ("all", "no_front", "omitted"):
        if group not in totals:
            continue
        n, top, leaf, unit = totals[group]
        name = names[group]
        print(
            f"{name}: {n} spans | inside one top-level section {top / n:.1%} | "
            f"one leaf section {leaf / n:.1%} | one leaf unit {unit / n:.1%}"
        )
    print(
        f"units: {len(unit_words)} | words per unit mean {statistics.mean(unit_words):.0f} "
        f"median {statistics.median(unit_words):.0f} | max {max(unit_words)}"
    )
    print(
        f"sections per contract mean {statistics.mean(n_sections):.1f} "
        f"median {statistics.median(n_sections):.0f}"
    )
    print(
        f"seconds per contract: segment mean {statistics.mean(seg_times):.4f} median "
        f"{statistics.median(seg_times):.4f} (max {max(seg_times):.3f}), clause_units mean "
        f"{statistics.mean(unit_times):.4f} (max {max(unit_times):.3f})"
    )
    if sized:
        print(
            f"segment + clause_units on the {len(sized)} contracts of 6,000-10,000 words (about 17 "
            f"pages, the CUAD mean): mean {statistics.mean(sized):.4f} s, median "
            f"{statistics.median(sized):.4f} s, max {max(sized):.3f} s"
        )
    if worst:
        print("worst categories (share inside one unit):")
        for cat, (n, ok) in sorted(by_cat.items(), key=lambda kv: kv[1][1] / kv[1][0])[:worst]:
            print(f"  {cat}: {ok / n:.1%} of {n}")
        print("worst contracts (spans split across units):")
        for _share, name, bad, n in sorted(per_doc, reverse=True)[:worst]:
            print(f"  {bad}/{n} {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N contracts")
    ap.add_argument("--pdf", action="store_true", help="also run on the CUAD PDFs")
    ap.add_argument("--worst", type=int, default=8, help="list the worst categories/contracts")
    ap.add_argument(
        "--raw", action="store_true", help="read the text files as they are, without ingest"
    )
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("../shared is not beside the project: nothing to measure", file=sys.stderr)
        return 1
    cuad = shared / "data" / "cuad"
    annotations = load_annotations(cuad)
    paths = sorted((cuad / "txt").glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    docs = load_all(paths, lambda p: text_document(p, args.raw))
    label = "CUAD text files" + (" (raw, no ingest)" if args.raw else " via load_document")
    evaluate(docs, annotations, args.worst, label)
    if args.pdf:
        try:
            from contract_analyzer.ingest import load_document
        except ImportError:
            print("contract_analyzer.ingest.load_document is not available: PDFs skipped")
            return 0
        pdfs = sorted((cuad / "pdf").iterdir())
        if args.limit:
            pdfs = pdfs[: args.limit]
        t0 = time.perf_counter()
        pdf_docs = load_all(pdfs, load_document)
        t_load = (time.perf_counter() - t0) / max(len(pdfs), 1)
        print(f"(PDF extraction: {t_load:.2f} s per contract)")
        evaluate(pdf_docs, annotations, args.worst, "CUAD PDFs via load_document")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
