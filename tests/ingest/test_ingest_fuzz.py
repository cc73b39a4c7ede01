"""Fuzzing with a fixed seed and a bounded budget: truncated and bit-flipped real PDFs and DOCX
files (and DOCX files whose XML is damaged inside an intact ZIP) must give a Document that
satisfies the invariants or a ContractAnalyzerError, and nothing else."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_helpers import check_document

import contract_analyzer as ca
from contract_analyzer.settings import Settings

SEED = 20240601
# mutants per source kind: enough variety for the budget (a parsed PDF page costs the most)
PER_KIND = {"pdf": 16, "docx-zip": 24, "docx-xml": 24}
SETTINGS = Settings(seconds_per_document=5.0, max_pages=10)
PDF = "data/cuad/pdf/CURAEGISTECHNOLOGIES,INC_05_26_2010-EX-1-CORPORATE SPONSORSHIP AGREEMENT.PDF"
DOCX = "data/templates/docx/bonterms-mutual-nda.docx"


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _smash(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    start = rng.randrange(len(out))
    length = rng.randint(1, 512)
    out[start : start + length] = bytes(
        rng.randrange(256) for _ in range(min(length, len(out) - start))
    )
    return bytes(out)


def _splice(rng: random.Random, data: bytes) -> bytes:
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return data[:at] + data[a:b] + data[at:]


MUTATORS: list[Callable[[random.Random, bytes], bytes]] = [_truncate, _flip, _smash, _splice]


def _damage_xml(rng: random.Random, docx: bytes) -> bytes:
    """Keep the ZIP valid but damage word/document.xml (or another part) inside it."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    names = src.namelist()
    victim = "word/document.xml" if rng.random() < 0.7 else rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            data = src.read(name)
            if name == victim:
                data = rng.choice(MUTATORS)(rng, data)
            dst.writestr(name, data)
    return out.getvalue()


def _check(data: bytes) -> str:
    try:
        doc = ca.load_document(data, settings=SETTINGS)
    except ca.ContractAnalyzerError as exc:
        assert str(exc).startswith("<bytes>: ") and exc.cause
        return type(exc).__name__
    check_document(doc)
    return "Document"


@pytest.mark.parametrize("kind", ["pdf", "docx-zip", "docx-xml"])
def test_mutants_keep_the_contract(shared: Path, kind: str) -> None:
    rng = random.Random(f"{SEED}-{kind}")
    original = (shared / (PDF if kind == "pdf" else DOCX)).read_bytes()
    outcomes: dict[str, int] = {}
    for _ in range(PER_KIND[kind]):
        if kind == "docx-xml":
            mutant = _damage_xml(rng, original)
        else:
            mutant = rng.choice(MUTATORS)(rng, original)
        outcome = _check(mutant)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == PER_KIND[kind]
    # the fuzzer really damages files: not everything still reads
    assert outcomes.get("Document", 0) < PER_KIND[kind]
