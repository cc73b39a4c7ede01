"""ContractReport views on real reports: dict/JSON (schema), pandas, HTML, iCalendar."""

from __future__ import annotations

import json
import re

import jsonschema
import pandas as pd
from icalendar import Calendar

from contract_analyzer.report import ContractReport, build_calendar, entries_for_report, load_schema
from contract_analyzer.report.frames import STATUS_COLUMNS, SUMMARY_COLUMNS
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

STATUSES = {"present", "weak", "missing", "absent-not-required"}


def test_report_fields(csa_report: ContractReport) -> None:
    r = csa_report
    assert r.kind == "saas"
    assert 0 <= r.kind_confidence <= 1
    assert r.playbook.kind == "saas"
    assert r.source.format == "docx"
    assert r.clauses and all(c.type in CLAUSE_TYPE_IDS for c in r.clauses)
    assert 0 <= r.score <= 100
    assert r.findings and r.obligations
    for f in r.findings:
        for e in f.evidence:
            assert 0 <= e.start < e.end <= len(r.document.text)
            assert e.page is not None


def test_to_dict_validates_against_the_shipped_schema(csa_report, msa_report, draft_report) -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for report in (csa_report, msa_report, draft_report):
        data = report.to_dict()
        assert data["schema_version"].startswith("1.")
        jsonschema.validate(data, schema)
        assert json.loads(report.to_json()) == json.loads(json.dumps(data))


def test_schema_rejects_a_broken_report(csa_report) -> None:
    data = csa_report.to_dict()
    data["findings"][0]["severity"] = "catastrophic"
    validator = jsonschema.Draft202012Validator(load_schema())
    assert list(validator.iter_errors(data))


def test_summary_frame_is_one_row_with_statuses_and_key_dates(msa_report) -> None:
    frame = msa_report.to_frame()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 1
    assert list(frame.columns) == list(SUMMARY_COLUMNS)
    row = frame.iloc[0]
    assert row["file"] == "c01_msa_meridian_kestrel.docx"
    assert len(row["sha256"]) == 64
    assert row["kind"] == "it_services"
    for col in STATUS_COLUMNS:
        assert row[col] in STATUSES
    assert row["status_scope_of_work"] in {"present", "weak"}
    assert row["error"] is None
    counts = msa_report.severity_counts()
    assert row["findings_high"] == counts["high"]
    for col in (
        "effective_date",
        "expiration_date",
        "next_notice_deadline",
        "auto_renewal",
        "renewal_term",
        "notice_period",
    ):
        assert col in frame.columns


def test_long_frames_carry_the_file(msa_report) -> None:
    for frame, n in (
        (msa_report.findings_frame(), len(msa_report.findings)),
        (msa_report.clauses_frame(), len(msa_report.clauses)),
        (msa_report.obligations_frame(), len(msa_report.obligations)),
        (msa_report.key_dates_frame(), len(msa_report.key_dates)),
    ):
        assert len(frame) == n
        assert "file" in frame.columns
        assert set(frame["file"]) <= {"c01_msa_meridian_kestrel.docx"}


def test_html_highlights_clauses_and_places_findings(draft_report) -> None:
    html = draft_report._repr_html_()
    assert "<script" not in html.lower()
    assert "http://" not in html and "https://" not in html  # self-contained
    for c in {c.type for c in draft_report.clauses}:
        assert f"title='{c}" in html or f", {c}" in html
    for f in draft_report.issues:
        assert f.rule_id in html
    page = draft_report.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_html_escapes_contract_text(tagger) -> None:
    from contract_analyzer.pipeline import analyze

    text = (
        "MASTER SERVICES AGREEMENT\n\n1. Services. Supplier shall provide the services "
        "<script>alert('x')</script> as needed by Customer from time to time.\n\n"
        "2. Governing Law. This Agreement is governed by the laws of the State of New York.\n"
    )
    report = analyze(text.encode(), playbook="it_services")
    html = report._repr_html_()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_ics_has_the_notice_deadline_with_reminders(msa_report) -> None:
    deadline = msa_report.key_date("next_notice_deadline")
    assert deadline is not None and deadline.date is not None
    cal = Calendar.from_ical(msa_report.to_ics())
    events = [c for c in cal.walk("VEVENT")]
    starts = {e.decoded("dtstart") for e in events}
    assert deadline.date in starts
    notice = next(e for e in events if e.decoded("dtstart") == deadline.date)
    triggers = sorted(a.decoded("trigger").days for a in notice.walk("VALARM"))
    assert triggers == [-30, -7]
    assert "non-renewal" in str(notice.get("summary"))
    assert msa_report.to_ics() == msa_report.to_ics()  # deterministic


def test_portfolio_calendar_from_several_reports(msa_report, csa_report) -> None:
    entries = entries_for_report(msa_report) + entries_for_report(csa_report)
    ics = build_calendar(entries, name="Portfolio")
    cal = Calendar.from_ical(ics)
    uids = [str(e.get("uid")) for e in cal.walk("VEVENT")]
    assert len(uids) == len(entries) == len(set(uids))
    assert re.search(r"X-WR-CALNAME:Portfolio", ics)
