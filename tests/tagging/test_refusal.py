"""The tagger says "none of these": real boilerplate gets no type, and a heading the body
contradicts (a definition under a titled term, a body unlike its title) is vetoed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from contract_analyzer.document import Document, Source
from contract_analyzer.segment import segment
from contract_analyzer.segment.section import Section
from contract_analyzer.tagging import tag
from contract_analyzer.tagging.headings import headed_units, in_definitions


def document(text: str) -> Document:
    source = Source(
        path="test.txt", sha256="0" * 64, format="txt", size_bytes=len(text), page_count=0
    )
    return Document(text=text, pages=(), blocks=(), source=source)


def cuad_text(shared: Path, prefix: str) -> str:
    path = next((shared / "data" / "cuad" / "txt").glob(f"{prefix}*.txt"))
    return path.read_text(encoding="utf-8")


def test_real_boilerplate_gets_none_of_the_exhaustive_types(shared: Path) -> None:
    """Execution lines, filing stamps and signature-page notes of 60 real CUAD contracts, each
    tagged on its own: the types trained with CUAD's negatives (the exhaustive categories)
    refuse nearly all of them. (Types without CUAD negatives, such as ``general``, still tag
    many execution lines: see models/README.md, Limits.)"""
    from contract_analyzer.tagging.training.regions import REGION_TYPES

    paragraphs: list[str] = ["[Signature Page Follows]"]
    for path in sorted((shared / "data" / "cuad" / "txt").glob("*.txt"))[:60]:
        text = path.read_text(encoding="utf-8")
        m = re.search(r"IN WITNESS WHEREOF[^\n]{20,300}", text)
        if m:
            paragraphs.append(m.group(0).strip())
        s = re.search(r"^Source: [^\n]+", text, re.M)
        if s:
            paragraphs.append(s.group(0).strip())
    assert len(paragraphs) >= 40
    tagged = []
    for p in paragraphs:
        found = {c.type for c in tag(document(p), sections=())} & set(REGION_TYPES)
        if found:
            tagged.append((p[:60], found))
    assert len(tagged) <= 0.15 * len(paragraphs), tagged


def _definition_unit(shared: Path, prefix: str, title: str):
    text = cuad_text(shared, prefix)
    doc = document(text)
    sections = segment(doc)
    units = headed_units(doc, sections)
    flags = in_definitions(sections, units)
    unit = next(u for u in units if u.title == title)
    assert flags[units.index(unit)], "the unit is no longer read inside its Definitions section"
    return doc, sections, unit


def test_a_definition_is_not_tagged_with_the_type_it_defines(shared: Path) -> None:
    """'Trade Secrets means any ... information' under 'Definitions' is not confidentiality;
    "'Client Intellectual Property' means ..." is not an IP clause."""
    for prefix, title, type_id in (
        ("CHEETAHMOBILEINC_04_22_2014-EX-10.43", "Trade Secrets", "confidentiality"),
        (
            "BNCMORTGAGEINC_05_17_1999-EX-10.4",
            "Client's Intellectual Property",
            "intellectual_property",
        ),
    ):
        doc, sections, unit = _definition_unit(shared, prefix, title)
        assert type_id in unit.heading  # the title alone would name the type
        clauses = tag(doc, sections)
        over = [c for c in clauses if c.start < unit.end and c.end > unit.start]
        assert all(c.type in ("definitions",) for c in over), [(c.type, c.text[:80]) for c in over]


def test_a_title_the_body_contradicts_is_vetoed(shared: Path) -> None:
    """A real governing-law provision (LEDGAR) under a "Service Levels" title."""
    path = shared / "data" / "ledgar" / "ledgar_sample_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    body = next(r["text"] for r in rows if r["label"] == "Governing Laws")
    text = f"9. Service Levels.\n{body}"
    section = Section(
        start=0,
        end=len(text),
        body_start=text.index(body),
        level=1,
        number="9",
        title="Service Levels",
    )
    clauses = tag(document(text), sections=(section,))
    types = {c.type for c in clauses}
    assert "service_levels" not in types, [(c.type, c.confidence) for c in clauses]
    assert "governing_law" in types


def test_drafting_notes_of_a_real_template_get_no_type(shared: Path) -> None:
    """Common Paper's Professional Services Agreement (DOCX) carries guidance for the drafter
    ("If no Insurance Minimums are included, delete this entire row"): such units are tagged
    with nothing, while the template's own terms keep their types."""
    from contract_analyzer.ingest import load_document
    from contract_analyzer.tagging.drafting import is_drafting_note

    path = shared / "data" / "templates" / "docx" / "common-paper-professional-services-agreement.docx"
    doc = load_document(path)
    clauses = tag(doc)
    assert clauses, "the template's terms are tagged"
    notes = [c for c in clauses if is_drafting_note(doc.text[c.start : c.end])]
    assert notes == []
    assert {"limitation_of_liability", "indemnification", "confidentiality"} <= {c.type for c in clauses}


def test_drafting_note_rule_on_plain_text() -> None:
    from contract_analyzer.tagging.drafting import is_drafting_note

    assert is_drafting_note("[Drafting note: If there is no DPA, delete this entire row.] {dpa_ref}")
    assert is_drafting_note("( ) Option 1 ( ) Option 2")
    assert is_drafting_note("If model training is permitted, select the purposes below.")
    # real terms that mention deleting or selecting are no notes
    assert not is_drafting_note(
        "Upon termination, Provider shall delete all Customer Data within thirty (30) days and "
        "certify the deletion in writing."
    )
    assert not is_drafting_note("Customer may select the hosting region from those Provider offers.")
