"""The CUAD development split: contracts as Documents and their expert spans as offsets.

CUAD gives span *texts* (a Python-list literal per category and contract, pieces joined by
``<omitted>``); the offsets are found here by searching the contract text, tolerant of
whitespace differences. Only read from ``../shared/data/cuad``, never copied.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contract_analyzer.document import Document, Source
from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.resources import shared_dir

OMITTED = "<omitted>"


@dataclass(frozen=True)
class CuadSpan:
    """One annotated span of one CUAD category, as offsets into the contract's text."""

    category: str
    start: int
    end: int


@dataclass(frozen=True)
class CuadContract:
    """A CUAD contract: its name (the group for contract-level splits), Document and spans."""

    name: str
    document: Document
    spans: tuple[CuadSpan, ...]
    answers: dict[str, str]
    pdf_path: Path | None = None
    missed_spans: int = 0


def cuad_dir() -> Path:
    """``../shared/data/cuad``; raises when the development data is absent."""
    root = shared_dir()
    path = root / "data" / "cuad" if root is not None else None
    if path is None or not path.is_dir():
        raise ContractAnalyzerError("../shared/data/cuad", "CUAD development data not found")
    return path


def file_key(name: str) -> str:
    """File names compared up to punctuation, accents, case and extension."""
    stem = name.rsplit(".", 1)[0]
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", stem.lower())


def txt_document(path: Path) -> Document:
    """A plain-text contract as a Document (the txt files carry no pages or layout)."""
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    source = Source(
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="txt",
        size_bytes=len(data),
        page_count=0,
        engine="cuad-txt",
    )
    return Document(text=text, pages=(), blocks=(), source=source)


def _piece_pattern(piece: str) -> re.Pattern[str] | None:
    words = piece.split()
    if not words:
        return None
    return re.compile(r"\s*".join(re.escape(w) for w in words))


def locate(text: str, span_text: str, hint: int = 0) -> tuple[int, int] | None:
    """Offsets of a CUAD span in ``text`` (pieces split by ``<omitted>`` found in order)."""
    pieces = [p for p in span_text.split(OMITTED) if p.strip()]
    if not pieces:
        return None
    start = end = None
    pos = 0
    for piece in pieces:
        stripped = piece.strip()
        i = text.find(stripped, pos)
        if i < 0 and pos == 0 and hint:
            i = text.find(stripped)
        if i >= 0:
            j = i + len(stripped)
        else:
            pattern = _piece_pattern(stripped)
            match = pattern.search(text, pos) if pattern else None
            if match is None:
                return None
            i, j = match.span()
        if start is None:
            start = i
        end = j
        pos = j
    assert start is not None and end is not None
    return start, end


def _read_rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=2)
def load_cuad(limit: int | None = None) -> tuple[CuadContract, ...]:
    """All CUAD development contracts with located spans, sorted by name (deterministic)."""
    base = cuad_dir()
    txts = {file_key(p.name): p for p in (base / "txt").glob("*.txt")}
    pdfs = {file_key(p.name): p for p in (base / "pdf").iterdir() if p.suffix.lower() == ".pdf"}
    rows = _read_rows(base / "master_clauses_dev.csv")
    categories = [c for c in rows[0] if c != "Filename" and not c.endswith("Answer")]
    contracts = []
    for row in sorted(rows, key=lambda r: r["Filename"]):
        key = file_key(row["Filename"])
        txt = txts.get(key)
        if txt is None:
            continue
        doc = txt_document(txt)
        spans, missed = [], 0
        for cat in categories:
            for span_text in ast.literal_eval(row[cat] or "[]"):
                where = locate(doc.text, span_text)
                if where is None:
                    missed += 1
                    continue
                spans.append(CuadSpan(cat, *where))
        answers = {c: row.get(f"{c}-Answer", row.get(f"{c}- Answer", "")) for c in categories}
        contracts.append(
            CuadContract(
                name=txt.stem,
                document=doc,
                spans=tuple(sorted(spans, key=lambda s: (s.start, s.end, s.category))),
                answers=answers,
                pdf_path=pdfs.get(key),
                missed_spans=missed,
            )
        )
        if limit is not None and len(contracts) >= limit:
            break
    return tuple(contracts)


def iter_words(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Character spans of the words between two offsets."""
    for m in re.finditer(r"\S+", text[start:end]):
        yield start + m.start(), start + m.end()
