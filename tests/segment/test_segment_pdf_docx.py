"""Segmentation of real CUAD PDFs and DOCX agreements read by the ingest stage."""

from __future__ import annotations

import pytest
from seg_helpers import by_number, check_sections, check_units, cuad_path

from contract_analyzer.segment import clause_units, segment


def test_cuad_pdf_numbered_structure_and_pages(shared, load):
    doc = load(cuad_path(shared, "pdf", "AgapeAtpCorp_20191202_10-KA_EX-10.1"))
    secs = segment(doc)
    check_sections(doc, secs)
    check_units(doc, secs, clause_units(doc, secs))
    top = [s for s in secs if s.parent is None]
    assert top[0].kind == "preamble" and top[1].kind == "recitals"
    (one,) = [i for i in by_number(secs, "1") if secs[i].parent is None]
    assert secs[one].title == "TERMS OF AGREEMENT" and secs[one].page == 2
    kids = [(s.number, s.title) for s in secs if s.parent == one]
    assert kids == [("1.1", "Commencement"), ("1.2", "Term"), ("1.3", "Renewal")]
    assert [s.title for s in secs if s.number == "3.2"] == ["Manufacturing standards"]
    # "3.5 (a)" written with its parent's number nests under 3.5
    (three_five,) = by_number(secs, "3.5")
    assert [s.number for s in secs if s.parent == three_five][:2] == ["3.5 (a)", "3.5 (b)"]
    assert max(s.page for s in secs) >= 10


def test_cuad_pdf_lettered_items_and_signature(shared, load):
    """ "1. Appointment" / "A) Lucid appoints ..." over seven pages, then the signatures."""
    doc = load(cuad_path(shared, "pdf", "LUCIDINC_04_15_2011-EX-10.9"))
    secs = segment(doc)
    check_sections(doc, secs)
    check_units(doc, secs, clause_units(doc, secs))
    top = [s for s in secs if s.parent is None and s.kind == "section"]
    assert [s.number for s in top] == [str(k) for k in range(1, 23)]
    assert top[15].title == "TERMINATION" and top[18].title == "LIMITATION OF LIABILITY"
    (five,) = [i for i, s in enumerate(secs) if s.number == "5" and s.parent is None]
    assert [s.number for s in secs if s.parent == five] == ["A)", "B)", "C)", "D)", "E)", "F)"]
    assert secs[-1].kind == "signature" and secs[-1].page == secs[-1].page == doc.page_at(
        secs[-1].start
    )
    assert segment(doc) == secs


def test_docx_word_numbering_is_recovered(shared, load):
    doc = load(shared / "data" / "templates" / "docx" / "common-paper-cloud-service-agreement.docx")
    secs = segment(doc)
    check_sections(doc, secs)
    check_units(doc, secs, clause_units(doc, secs))
    (service,) = [i for i, s in enumerate(secs) if s.title == "Service"]
    assert secs[service].parent is None and secs[service].kind == "section"
    n = secs[service].number
    kids = [(s.number, s.title) for s in secs if s.parent == service]
    assert kids[:3] == [
        (f"{n}.1", "Access and Use"),
        (f"{n}.2", "Support"),
        (f"{n}.3", "User Accounts"),
    ]
    (term,) = [i for i, s in enumerate(secs) if s.title == "Termination" and s.level == 2]
    assert secs[secs[term].parent].title == "Term & Termination"
    assert [s.number for s in secs if s.parent == term] == ["(a)", "(b)"]
    assert sum(1 for s in secs if s.parent is None and s.kind == "section") >= 10


@pytest.mark.parametrize(
    "name",
    [
        "bonterms-professional-services-agreement.docx",
        "common-paper-csa-with-sla.docx",
        "common-paper-data-processing-agreement.docx",
        "common-paper-mutual-nda.docx",
        "common-paper-independent-contractor-agreement.docx",
    ],
)
def test_docx_templates_segment_cleanly(shared, load, name):
    doc = load(shared / "data" / "templates" / "docx" / name)
    secs = segment(doc)
    check_sections(doc, secs)
    check_units(doc, secs, clause_units(doc, secs))
    assert segment(doc) == secs
