"""Real hostile files through the real reader in real worker processes: one row each, an error
row or a result, and a file that takes too long is stopped at the time limit without losing
the others.

The work function is :func:`contract_analyzer.batch.worker.ingest_file` (reading only): these
files fail, hang or explode in the reader, before any analysis, and a reading worker starts in
a second where an analysing one loads its model for ~10-20 s (and a killed worker is
replaced). The full analysis of odd but readable corpus files runs in the CLI and Dask tests
(``ODD_FILES`` in the portfolio); bench/bench_batch.py runs it over the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from contract_analyzer.batch import analyze_folder_tables

HOSTILE = (
    "pdf/pdfplumber__empty.pdf",  # 0 bytes
    "pdf/qpdf__bad1.pdf",  # not a PDF
    "pdf/formatcorpus__T02-03_008_page-object-mediabox-missing.pdf",  # TypeError in pdfplumber
    "pdf/qpdf__issue-120.pdf",  # self-referential objects: RecursionError
    "pdf/pdfjs__issue6010_2.pdf",  # password-protected
    "pdf/pdfjs__poppler-67295-0.pdf",  # page count lie: /Count 9999999999
    "pdf/pdfjs__bomb_giant.pdf",  # image decompression bomb
    "pdf/tika__testOCR.pdf",  # scanned, no text layer
    "pdf/govdocs1__020806.pdf",  # one page takes ~26 s in pdfplumber
    "docx/tika__testWORD_truncated.docx",  # truncated zip
    "docx/poi__bug53475-password-is-pass.docx",  # encrypted OOXML in an OLE2 container
    "docx/poi__54764_xlsx.docx",  # billion laughs
    "docx/poi__ExternalEntityInText.docx",  # XXE
    "docx/tika__testWORD.doc",  # legacy .doc
    "docx/poi__delins.docx",  # tracked changes: readable
)
TIME_LIMIT = 4.0
READ_ONLY = "contract_analyzer.batch.worker:ingest_file"


@pytest.fixture(scope="module")
def hostile_folder(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for rel in HOSTILE:
        target = folder / rel
        target.parent.mkdir(exist_ok=True)
        os.symlink(shared / "corpus" / rel, target)
    return folder


def test_every_hostile_file_is_one_row_within_the_limits(hostile_folder: Path) -> None:
    result = analyze_folder_tables(
        hostile_folder,
        pattern=["*.pdf", "*.docx", "*.doc"],
        jobs=2,
        time_limit=TIME_LIMIT,
        memory_limit=3000,
        cache=False,
        progress=False,
        as_of=dt.date(2025, 1, 1),
        work=READ_ONLY,
    )
    df = result.contracts.set_index("file")
    assert sorted(df.index) == sorted(HOSTILE)
    errors = df[df["error"].notna()]
    for name, row in errors.iterrows():
        assert isinstance(row["error_type"], str) and row["error_type"], name
        assert isinstance(row["error"], str) and len(row["error"]) > 5, name
        assert not row["error"].startswith("unexpected"), (name, row["error"])
    assert df.loc["pdf/pdfjs__issue6010_2.pdf", "error_type"] == "EncryptedDocument"
    assert df.loc["docx/tika__testWORD_truncated.docx", "error_type"] == "CorruptDocument"
    assert df.loc["pdf/pdfplumber__empty.pdf", "error_type"] in {
        "EmptyDocument",
        "CorruptDocument",
        "UnsupportedFormat",
    }
    assert pd.isna(df.loc["docx/poi__delins.docx", "error"])  # readable: a result
    # the slow PDF is stopped by the reader's own deadline or by the watchdog's kill
    assert df.loc["pdf/govdocs1__020806.pdf", "error_type"] == "ProcessingTimeout"
    assert (df["elapsed_s"] <= TIME_LIMIT + 2).all()
    assert result.summary.files == len(HOSTILE)
    assert result.summary.ok >= 1 and result.summary.errors >= 7  # OCR now reads a scan
