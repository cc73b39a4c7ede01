"""The report leads with what a business owner must act on; a non-contract is not scored;
whole-number columns stay whole numbers. Real sample contracts through the real pipeline."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

import contract_analyzer as ca
from contract_analyzer.resources import PROJECT_DIR

SAMPLES = PROJECT_DIR / "data" / "sample_contracts"
AS_OF = dt.date(2026, 11, 26)  # the as-of date of tests/report/conftest.py's reports


def test_html_opens_with_the_summary_and_links_high_findings_to_evidence(draft_report) -> None:
    page = draft_report.to_html()
    summary = page.index("<section class='summary'>")
    assert summary < page.index("<h3>Components</h3>") < page.index("<h3>Contract</h3>")
    head = page[summary : page.index("</section>", summary)]
    assert "Act on these" in head and "Next deadlines" in head and "parties" in head
    high = [f for f in draft_report.issues if f.severity == "high"]
    assert high, "the draft MSA has high findings (placeholders)"
    for f in high:
        assert f.rule_id in head
    ids = set(re.findall(r"id='([^']+)'", page))
    links = re.findall(r"href='#([^']+)'", head)
    assert links and all(link in ids for link in links)  # every evidence link lands
    assert "@media print" in page


def test_summary_names_parties_and_the_next_notice_deadline(msa_report) -> None:
    html = msa_report._repr_html_()
    head = html[html.index("<section class='summary'>") : html.index("</section>")]
    for party in msa_report.facts.parties:
        assert party.name.split()[0] in head
    deadline = msa_report.key_date("next_notice_deadline")
    assert deadline is not None and deadline.date >= AS_OF
    assert deadline.date.isoformat() in head


@pytest.mark.parametrize("text", [b"hello\n", b"Shopping list: eggs, milk, bread and tea.\n"])
def test_a_document_that_is_not_a_contract_is_not_scored(text: bytes, tagger) -> None:
    report = ca.analyze(text, as_of=AS_OF, tagger=tagger)
    assert report.kind == "not_a_contract" and report.score is None
    assert [f.rule_id for f in report.issues][0] == "document.not_a_contract"
    assert "missing" not in report.component_status().values()  # nothing claimed missing
    data = report.to_dict()  # and it still validates against the schema
    assert data["kind"] == "not_a_contract" and data["score"] is None
    assert "not scored" in report.to_html()
    row = report.to_frame().iloc[0]
    assert row["kind"] == "not_a_contract" and row["score"] is pd.NA


def test_real_contracts_are_contracts(msa_report, draft_report) -> None:
    nda = ca.analyze(SAMPLES / "c05_nda_orchardlane_vantagecrest.pdf", as_of=AS_OF)
    for report in (msa_report, draft_report, nda):
        assert report.kind != "not_a_contract" and report.score is not None


def test_whole_number_columns_are_integers(msa_report) -> None:
    frames = {
        "summary": msa_report.to_frame(),
        "findings": msa_report.findings_frame(),
        "clauses": msa_report.clauses_frame(),
        "obligations": msa_report.obligations_frame(),
        "key_dates": msa_report.key_dates_frame(),
    }
    for name, frame in frames.items():
        for column in ("page", "start", "end", "pages", "score", "words"):
            if column in frame.columns:
                assert str(frame[column].dtype) == "Int64", (name, column)
    dates = frames["key_dates"]["date"].dropna()
    assert len(dates) and all(type(d).__name__ == "date" for d in dates)
