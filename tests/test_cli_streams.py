"""The CLI in a pipeline, through the real entry point: ``-`` for stdin and stdout, ``--format``,
data on stdout only, notes on stderr, one-line usage errors with exit 2, no partial output."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contract_analyzer.resources import PROJECT_DIR

SAMPLES = PROJECT_DIR / "data" / "sample_contracts"
SAAS_PDF = SAMPLES / "c02_saas_cobalt_silverline.pdf"
NDA_PDF = SAMPLES / "c05_nda_orchardlane_vantagecrest.pdf"
CLI = [sys.executable, "-m", "contract_analyzer.cli"]


def run_cli(
    *args: str, stdin: bytes | None = None, shell_tail: str = ""
) -> subprocess.CompletedProcess:
    """The real command in a subprocess (stdout and stderr apart, never a terminal)."""
    if shell_tail:
        command = " ".join(f"'{a}'" for a in (*CLI, *args)) + " " + shell_tail
        return subprocess.run(
            ["bash", "-o", "pipefail", "-c", command], input=stdin, capture_output=True,
            timeout=600,
        )  # fmt: skip
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two sample contracts in a folder of their own, scored once into a cache."""
    path = tmp_path_factory.mktemp("two")
    shutil.copy(SAAS_PDF, path)
    shutil.copy(NDA_PDF, path)
    return path


@pytest.fixture(scope="module")
def cache(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    proc = run_cli("score", str(folder), "-o", "-", "--format", "csv", "--jobs", "1",
                   "--cache-dir", str(cache), "--as-of", "2026-11-26", "-q")  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    return cache


def test_analyze_reads_a_pdf_from_stdin_and_writes_json_to_a_pipe() -> None:
    proc = run_cli("analyze", "-", "--as-of", "2026-11-26", stdin=SAAS_PDF.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)  # nothing but the JSON report on stdout
    assert report["kind"] == "saas" and report["source"]["format"] == "pdf"
    assert report["as_of"] == "2026-11-26"
    assert any(k["kind"] == "next_notice_deadline" for k in report["key_dates"])


def test_analyze_writes_its_summary_row_as_csv_with_whole_numbers() -> None:
    proc = run_cli("analyze", str(NDA_PDF), "--format", "csv", "-o", "-")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert len(rows) == 1 and rows[0]["kind"] == "nda"
    assert rows[0]["pages"].isdigit() and rows[0]["score"].isdigit()


def test_score_to_stdout_as_csv_through_head(folder: Path, cache: Path) -> None:
    proc = run_cli("score", str(folder), "-o", "-", "--format", "csv", "--cache-dir", str(cache),
                   "--as-of", "2026-11-26", shell_tail="| head -2")  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2 and lines[0].startswith("file,path,sha256,format,")
    # the summary line is on stderr, so stdout stays a clean table
    assert "scored 2 files: 2 ok, 0 errors" in proc.stderr.decode()


def test_score_long_table_as_jsonl(folder: Path, cache: Path) -> None:
    proc = run_cli("score", str(folder), "--table", "findings", "--format", "jsonl",
                   "--cache-dir", str(cache), "--as-of", "2026-11-26", "-q")  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert records and {r["file"] for r in records} == {SAAS_PDF.name, NDA_PDF.name}
    assert all(r["page"] is None or isinstance(r["page"], int) for r in records)
    assert any(r["rule_id"] == "renewal.opt_out_too_long" for r in records)


def test_score_json_array_and_file_output_with_long_tables(
    folder: Path, cache: Path, tmp_path: Path
) -> None:
    proc = run_cli("score", str(folder), "--format", "json", "--cache-dir", str(cache), "-q")
    rows = json.loads(proc.stdout)
    assert [r["file"] for r in rows] == sorted([SAAS_PDF.name, NDA_PDF.name])
    out = tmp_path / "results.xlsx"
    proc = run_cli("score", str(folder), "-o", str(out), "--cache-dir", str(cache), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().strip().startswith("scored 2 files")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "results.clauses.xlsx", "results.findings.xlsx", "results.key_dates.xlsx",
        "results.obligations.xlsx", "results.xlsx",
    ]  # fmt: skip


def test_score_reads_one_contract_from_stdin() -> None:
    proc = run_cli("score", "-", "--format", "csv", "--as-of", "2026-11-26", "-q",
                   stdin=NDA_PDF.read_bytes())  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert len(rows) == 1 and rows[0]["kind"] == "nda" and rows[0]["format"] == "pdf"


def test_deadlines_and_report_write_to_stdout(folder: Path, cache: Path) -> None:
    ics = run_cli("deadlines", str(folder), "-o", "-", "--cache-dir", str(cache), "-q",
                  "--as-of", "2026-11-26")  # fmt: skip
    assert ics.returncode == 0, ics.stderr.decode()
    assert ics.stdout.startswith(b"BEGIN:VCALENDAR") and b"wrote" in ics.stderr
    page = run_cli("report", str(folder), "-o", "-", "--cache-dir", str(cache), "-q")
    assert page.returncode == 0 and page.stdout.lstrip().lower().startswith(b"<!doctype html>")


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["analyze", "-"], b"", "stdin is empty"),
        (["ingest", "-"], b"", "stdin is empty"),
        (["analyze", str(NDA_PDF), "-o", "{out}/report.doc"], None, "cannot tell the format"),
        (["analyze", str(NDA_PDF), "--format", "yaml"], None, "invalid choice: 'yaml'"),
        (["analyze", str(NDA_PDF), "--format", "csv", "-o", "{blocker}/r.csv"], None,
         "cannot write"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_with_exit_2(
    args: list[str], stdin: bytes | None, message: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    argv = [a.format(out=tmp_path, blocker=blocker) for a in args]
    proc = run_cli(*argv, stdin=stdin)
    assert proc.returncode == 2
    err = proc.stderr.decode().strip().splitlines()
    assert message in err[-1] and "Traceback" not in proc.stderr.decode()
    assert proc.stdout == b""
    # no partial output left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
