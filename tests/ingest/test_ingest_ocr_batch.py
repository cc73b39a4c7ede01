"""A scanned batch: every file a row, with its OCR pages and confidence in the table."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
from PIL import Image
from scan_helpers import image_pdf, page_images, sample_pdf

from contract_analyzer.batch import analyze_folder_tables
from contract_analyzer.ingest.ocr_pages import ocr_workers
from contract_analyzer.report.frames import SUMMARY_COLUMNS
from contract_analyzer.settings import Settings


def test_a_scanned_batch_gives_every_file_a_row_with_ocr_columns(tmp_path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    first, second = page_images(sample_pdf(), [1, 2], angle=0.5)
    (folder / "msa_scan.pdf").write_bytes(image_pdf([second]))
    first.crop((0, 0, first.width, first.height // 3)).save(folder / "page_one.png", dpi=(200, 200))
    Image.new("L", (850, 1100), 255).save(folder / "blank.png")
    result = analyze_folder_tables(
        folder, jobs=1, time_limit=300, cache=False, progress=False, as_of=dt.date(2025, 1, 1)
    )
    df = result.contracts.set_index("file")
    assert sorted(df.index) == ["blank.png", "msa_scan.pdf", "page_one.png"]
    assert {"ocr_pages", "ocr_confidence"} <= set(SUMMARY_COLUMNS) <= set(result.contracts.columns)
    assert df.loc["blank.png", "error_type"] == "EmptyDocument"
    assert df.loc["msa_scan.pdf", "ocr_pages"] == 1
    assert df.loc["page_one.png", "ocr_pages"] == 1
    for name in ("msa_scan.pdf", "page_one.png"):
        assert pd.isna(df.loc[name, "error"]), df.loc[name, "error"]
        assert 0.85 <= df.loc[name, "ocr_confidence"] <= 1.0
    assert df.loc["msa_scan.pdf", "format"] == "pdf"
    assert df.loc["msa_scan.pdf", "clauses"] > 0


def test_ocr_parallelism_follows_the_worker_thread_budget(monkeypatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert ocr_workers(Settings()) == 3
    assert ocr_workers(Settings(ocr_workers=1)) == 1
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert ocr_workers(Settings()) == max(os.cpu_count() or 1, 1)
