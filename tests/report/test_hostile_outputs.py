"""Hostile contract text through the real pipeline and the real CLI into every output format.

Targets (issue 18): 0 live formulas in CSV/XLSX (numbers stay numbers), 0 unescaped markup in
HTML (single report, ``_repr_html_``, portfolio page) with a restrictive Content-Security-
Policy, and 0 calendar properties injected into the .ics (text escaped and folded, RFC 5545).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import icalendar
import openpyxl
import pytest
from hostile import (
    AS_OF,
    FORMULA,
    FORMULA_START,
    HOSTILE_CONTRACT,
    HOSTILE_FILE_NAME,
    SCRIPT,
)
from lxml import html as lxml_html

import contract_analyzer as ca


@dataclass(frozen=True)
class Outputs:
    folder: Path
    out: Path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "contract_analyzer.cli", *args],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "PYTHONUTF8": "1"},
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    folder = tmp_path_factory.mktemp("hostile-in")
    (folder / "hostile.txt").write_text(HOSTILE_CONTRACT, encoding="utf-8")
    (folder / HOSTILE_FILE_NAME).write_text(HOSTILE_CONTRACT.replace("Ltd", "Limited"), "utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    cache = str(out / "cache")
    common = ["--as-of", AS_OF.isoformat(), "--jobs", "1", "--cache-dir", cache, "-q"]
    for target in ("results.csv", "results.xlsx"):
        proc = _cli("score", str(folder), "-o", str(out / target), *common)
        assert proc.returncode == 0, proc.stderr
    proc = _cli("deadlines", str(folder), "-o", str(out / "deadlines.ics"), *common)
    assert proc.returncode == 0, proc.stderr
    proc = _cli("report", str(folder), "-o", str(out / "portfolio.html"), *common)
    assert proc.returncode == 0, proc.stderr
    return Outputs(folder, out)


@pytest.fixture(scope="module")
def report(outputs: Outputs) -> ca.ContractReport:
    return ca.analyze(outputs.folder / "hostile.txt", as_of=AS_OF)


def test_the_hostile_text_reaches_the_report(report: ca.ContractReport) -> None:
    # without this the other tests would pass on outputs that never saw the hostile strings
    assert FORMULA in report.document.text and SCRIPT in report.document.text
    assert any(kd.kind == "next_notice_deadline" for kd in report.key_dates)
    # the party finder keeps only the name-like words ("Ltd"), so the formula reaches the
    # tables through the clause, obligation and evidence text (checked per format below)
    assert any(FORMULA in report.document.text[c.start : c.end] for c in report.clauses)


def _csv_cells(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_csv_has_no_live_formula_and_numbers_stay_numbers(outputs: Outputs) -> None:
    files = sorted(outputs.out.glob("results*.csv"))
    assert len(files) >= 4  # contracts + the long tables
    live, hostile_seen = [], 0
    for path in files:
        for cell in _csv_cells(path):
            hostile_seen += "HYPERLINK" in cell
            if cell.startswith(FORMULA_START):
                try:
                    float(cell)  # a negative number is a number, not a formula
                except ValueError:
                    live.append((path.name, cell))
    assert hostile_seen, "the hostile party never reached the CSV tables"
    assert live == []
    with (outputs.out / "results.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {float(r["score"]) for r in rows} and all(r["score"][0].isdigit() for r in rows)
    assert any(r["file"].startswith("'=cmd") for r in rows)


def test_xlsx_has_no_formula_cell_and_numbers_are_numeric(outputs: Outputs) -> None:
    files = sorted(outputs.out.glob("results*.xlsx"))
    assert len(files) >= 4
    formulas, texts, numbers = [], [], 0
    for path in files:
        for sheet in openpyxl.load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        formulas.append(cell.value)
                    elif isinstance(cell.value, str):
                        texts.append(cell.value)
                    elif isinstance(cell.value, (int, float)):
                        numbers += 1
    assert formulas == []
    assert not [t for t in texts if t.startswith(FORMULA_START)]
    assert any("HYPERLINK" in t for t in texts)
    assert numbers > 0  # scores, pages, counts are numeric cells, not quoted text


def _assert_no_live_markup(
    page: str, allowed_scripts: int, shown: str = "window.__pwned=1"
) -> None:
    tree = lxml_html.fromstring(page)
    scripts = tree.xpath("//script")
    assert len(scripts) == allowed_scripts
    assert not tree.xpath("//iframe | //img | //object | //embed")
    handlers = [
        (el.tag, name) for el in tree.iter() for name in el.attrib if name.lower().startswith("on")
    ]
    assert handlers == []
    # the hostile text is shown, as text
    assert shown in tree.text_content()


def test_single_report_html_escapes_text_and_carries_a_csp(report: ca.ContractReport) -> None:
    page = report.to_html()
    _assert_no_live_markup(page, allowed_scripts=0)
    csp = lxml_html.fromstring(page).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    fragment = report._repr_html_()
    _assert_no_live_markup(f"<div>{fragment}</div>", allowed_scripts=0)


def test_portfolio_page_escapes_text_and_allows_only_its_own_script(outputs: Outputs) -> None:
    page = (outputs.out / "portfolio.html").read_text(encoding="utf-8")
    # the file name's markup is shown as text in the contracts table
    _assert_no_live_markup(page, allowed_scripts=1, shown="<img src=x onerror=alert(1)>")
    tree = lxml_html.fromstring(page)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
    from contract_analyzer.portfolio.page import SCRIPT as PAGE_SCRIPT
    from contract_analyzer.report.html import script_hash

    assert f"'{script_hash(PAGE_SCRIPT)}'" in csp
    assert tree.xpath("//script")[0].text == PAGE_SCRIPT


def _unfolded_lines(text: str) -> list[str]:
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def _check_calendar(text: str, events: int) -> None:
    lines = _unfolded_lines(text)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), "a line is not folded"
    begins = [line for line in lines if line.startswith("BEGIN:")]
    assert begins.count("BEGIN:VEVENT") == events
    assert not [line for line in lines if line.startswith(("SUMMARY:pwned", "ATTACH"))]
    cal = icalendar.Calendar.from_ical(text)
    parsed = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(parsed) == events
    for event in parsed:
        assert "ATTACH" not in event and str(event["SUMMARY"]) != "pwned"


def test_ics_text_cannot_start_a_property(outputs: Outputs, report: ca.ContractReport) -> None:
    text = (outputs.out / "deadlines.ics").read_bytes().decode("utf-8")
    # two contracts (different bytes), each with a notice deadline and an expiry
    _check_calendar(text, events=text.count("\r\nBEGIN:VEVENT\r\n"))
    assert text.count("\r\nBEGIN:VEVENT\r\n") >= 2
    cal = icalendar.Calendar.from_ical(text)
    # the file name's payload is kept as text inside a property (the description names the file)
    texts = [
        str(c.get(name, ""))
        for c in cal.walk()
        if c.name == "VEVENT"
        for name in ("SUMMARY", "DESCRIPTION")
    ]
    assert any("\nBEGIN:VEVENT\nSUMMARY:pwned" in t for t in texts)
    one = report.to_ics()
    _check_calendar(one, events=one.count("\r\nBEGIN:VEVENT\r\n"))


def test_a_newline_in_a_party_name_stays_inside_its_property() -> None:
    from contract_analyzer.report.calendar import build_calendar, calendar_entry

    party = "Acme\r\nBEGIN:VEVENT\rSUMMARY:pwned\x0bX\x00\u2028ATTACH:http://evil.example/x\x85END:VEVENT"
    entry = calendar_entry(
        kind="next_notice_deadline",
        date=AS_OF,
        contract_name=party,
        contract_kind="saas\nATTACH:x",
        sha256="0" * 64,
        derivation=f"notice to {party}",
        text=party,
        as_of=AS_OF,
        parties=(party,),
    )
    text = build_calendar([entry])
    _check_calendar(text, events=1)
    event = next(c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT")
    summary = str(event["SUMMARY"])
    assert "Acme\nBEGIN:VEVENT\nSUMMARY:pwned X  ATTACH:http://evil.example/x END:VEVENT" in summary
    assert not any(c in text for c in "\x00\x0b\x85\u2028")
