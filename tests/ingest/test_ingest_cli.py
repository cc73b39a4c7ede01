"""``contract-analyzer ingest``: one line per file, past bad files, exit status 1 on failure."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contract_analyzer.cli import main

RESELLER_TXT = "data/cuad/txt/ADIANUTRITION,INC_04_01_2005-EX-10.D2-RESELLER AGREEMENT.txt"


@pytest.fixture
def folder(shared: Path, tmp_path: Path) -> Path:
    shutil.copy(shared / "data/templates/docx/bonterms-mutual-nda.docx", tmp_path / "a_nda.docx")
    shutil.copy(shared / RESELLER_TXT, tmp_path / "b_reseller.txt")
    shutil.copy(shared / "corpus/docx/poi__54764_xlsx.docx", tmp_path / "c_sheet.docx")
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(shared / "corpus/pdf/tika__testOCR.pdf", sub / "d_scan.pdf")
    return tmp_path


def test_folder_summary_continues_past_bad_files(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["ingest", str(folder)])
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert status == 1
    assert [line.split("\t")[0] for line in lines] == [
        "a_nda.docx",
        "b_reseller.txt",
        "c_sheet.docx",
        "d_scan.pdf",
    ]
    nda = lines[0].split("\t")
    assert nda[1] == "docx" and nda[2] == "pages=1" and nda[3].startswith("words=")
    assert int(nda[3].split("=")[1]) > 100 and nda[4].startswith("headings=")
    assert lines[1].split("\t")[1] == "txt"
    assert lines[2].split("\t")[1:] == [
        "ERROR",
        "UnsupportedFormat: this is an Excel spreadsheet (.xlsx), not a Word document",
    ]
    assert lines[3].split("\t")[1:3] == ["pdf", "pages=1"]  # a scan, read by OCR
    assert "3 read, 1 failed" in out.err


def test_all_good_files_exit_zero(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["ingest", str(folder / "a_nda.docx"), str(folder / "b_reseller.txt")])
    assert status == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2


def test_console_script_runs_as_a_process(folder: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "contract_analyzer.cli",
            "ingest",
            "--engine",
            "pdfium",
            str(folder / "sub"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("d_scan.pdf\tpdf\tpages=1")  # a scan, read by OCR
    assert "Traceback" not in proc.stderr
