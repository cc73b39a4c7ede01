"""The score and deadlines commands end to end on a small real portfolio (real pipeline)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pytest
from batch_fixtures import CUAD_TEXTS, ENCRYPTED_PDF, FORMULA_NAME, ODD_FILES
from icalendar import Calendar

from contract_analyzer.cli import main

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SUMMARY = re.compile(r"^scored (\d+) files: (\d+) ok, (\d+) errors in \d+\.\ds$")


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_score_writes_tables_and_a_reliable_summary(scored) -> None:
    proc, out, _ = scored
    assert proc.returncode == 1, proc.stderr  # the encrypted PDF is an error row
    match = SUMMARY.match(proc.stdout.strip().splitlines()[-1])
    assert match, proc.stdout
    rows = {r["file"]: r for r in _csv_rows(out / "results.csv")}
    assert set(rows) == {
        *CUAD_TEXTS,
        ENCRYPTED_PDF,
        "'" + FORMULA_NAME,
        "templates/" + "common-paper-mutual-nda.docx",
        *(f"odd/{Path(rel).name}" for rel in ODD_FILES),
    }
    errors = {name for name, row in rows.items() if row["error"]}
    # the summary line agrees with the table, and the exit status with the summary
    assert match.groups() == (str(len(rows)), str(len(rows) - len(errors)), str(len(errors)))
    bad = rows[ENCRYPTED_PDF]
    assert bad["error_type"] == "EncryptedDocument" and "password" in bad["error"].lower()
    for name in errors:  # odd files: a result or a clear, known error, never a crash
        assert rows[name]["error_type"] and not rows[name]["error"].startswith("unexpected"), name
    for name in (*CUAD_TEXTS, "'" + FORMULA_NAME, "templates/common-paper-mutual-nda.docx"):
        good = rows[name]
        assert good["error"] == "" and good["kind"] and 0 <= float(good["score"]) <= 100
        assert good["status_termination"] in {"present", "weak", "missing", "absent-not-required"}
        assert int(good["pages"]) >= 1 and int(good["words"]) > 100
    assert rows["odd/poi__delins.docx"]["error"] == ""  # tracked changes: readable
    for table in ("findings", "clauses", "obligations", "key_dates"):
        path = out / f"results.{table}.csv"
        assert path.exists(), table
    clauses = _csv_rows(out / "results.clauses.csv")
    assert {r["file"] for r in clauses} >= set(CUAD_TEXTS)
    # a file with a word or two of text is flagged, not scored quietly as a contract
    too_little = {
        r["file"]: r
        for r in _csv_rows(out / "results.findings.csv")
        if r["rule_id"] == "drafting.too_little_text"
    }
    bad1 = too_little["odd/qpdf__bad1.pdf"]
    assert bad1["severity"] == "high" and "Only 1 word of text" in bad1["message"]
    assert not set(too_little) & {*CUAD_TEXTS, "templates/common-paper-mutual-nda.docx"}
    assert "odd/poi__delins.docx" not in too_little


def test_exports_cannot_run_formulas(scored) -> None:
    _, out, _ = scored
    texts = []
    for path in sorted(out.glob("results*.csv")):
        for row in _csv_rows(path):
            texts.extend([*row.keys(), *row.values()])
    assert not [t for t in texts if t.startswith(FORMULA_START)]
    # formula text really reached a table, neutralised: the file name always does (whether the
    # formula line inside the file does depends on the tagger tagging the unit that holds it)
    assert any(t.startswith("'=HYPERLINK(") for t in texts)


def test_second_run_is_served_from_cache_and_writes_xlsx(scored, portfolio: Path, capsys) -> None:
    _, out, cache = scored
    status = main(["score", str(portfolio), "-o", str(out / "again.xlsx"), "--cache-dir",
                   str(cache), "--as-of", "2020-01-01"])  # fmt: skip
    captured = capsys.readouterr()
    assert status == 1
    n_files = len(_csv_rows(out / "results.csv"))
    assert f"analysed 0, {n_files} from cache" in captured.err
    again = SUMMARY.match(captured.out.strip().splitlines()[-1])
    assert again and again.groups() == SUMMARY.match(scored[0].stdout.splitlines()[-1]).groups()
    assert len(list(out.glob("again*.xlsx"))) == 5
    for path in sorted(out.glob("again*.xlsx")):
        sheet = openpyxl.load_workbook(path).active
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (path.name, cell.coordinate)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), (path.name, cell.value)


def test_deadlines_calendar_from_the_same_batch(scored, portfolio: Path, capsys) -> None:
    _, out, cache = scored
    ics = out / "deadlines.ics"
    status = main(["deadlines", str(portfolio), "-o", str(ics), "--cache-dir", str(cache),
                   "--as-of", "2020-01-01", "--quiet"])  # fmt: skip
    captured = capsys.readouterr()
    assert status == 1
    calendar = Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    key_dates = _csv_rows(out / "results.key_dates.csv")
    expected = {
        (r["kind"], r["date"])
        for r in key_dates
        if r["kind"] in {"next_notice_deadline", "current_term_end"} and r["date"] >= "2020-01-01"
    }
    assert events
    # one event per contract and date: every expected (kind, date) has an event, no uid twice
    got = {(str(e["categories"].cats[1]), e.decoded("dtstart").isoformat()) for e in events}
    assert got == expected
    assert len({str(e["uid"]) for e in events}) == len(events)
    n_ok = sum(1 for r in _csv_rows(out / "results.csv") if not r["error"])
    assert captured.out.strip() == f"wrote {len(events)} deadlines from {n_ok} contracts to {ics}"
    files = {r["file"].lstrip("'") for r in key_dates}
    for event in events:
        assert event.decoded("dtstart").isoformat() >= "2020-01-01"
        assert event.walk("VALARM")  # every event reminds
        description = str(event["description"])
        assert any(f"File: {f}" in description for f in files)
        assert str(event["summary"]).split(": ", 1)[1] not in files  # named by content


def test_all_ok_gives_exit_status_zero(scored, portfolio: Path, capsys) -> None:
    _, out, cache = scored
    status = main(["score", str(portfolio), "-o", str(out / "ok.jsonl"), "--cache-dir",
                   str(cache), "--as-of", "2020-01-01", "--pattern", "*.txt", "--exclude",
                   "=*", "--quiet"])  # fmt: skip
    assert status == 0
    assert (
        capsys.readouterr()
        .out.strip()
        .splitlines()[-1]
        .startswith("scored 2 files: 2 ok, 0 errors")
    )


@pytest.mark.parametrize(
    "argv, message",
    [
        (["score", "{missing}", "-o", "{out}/r.csv"], "no such folder"),
        (["score", "{folder}", "-o", "{out}/r.doc"], "cannot tell the format"),
        (["score", "{folder}", "-o", "{out}/r.csv", "--jobs", "0"], "must be at least 1"),
        (["deadlines", "{folder}", "-o", "{out}/d.txt"], "must be an .ics file"),
        (["score", "{folder}", "-o", "{out}/r.csv", "--playbook", "nosuch"], "unknown playbook"),
    ],
)
def test_usage_errors_exit_2(argv, message, tmp_path: Path, capsys) -> None:
    values = {"missing": str(tmp_path / "nope"), "out": str(tmp_path), "folder": str(tmp_path)}
    args = [a.format(**values) for a in argv]
    try:
        status = main(args)
    except SystemExit as exc:  # argparse rejects bad values itself, also with status 2
        status = exc.code
    assert status == 2
    assert message in capsys.readouterr().err
