"""tag(): real clauses from every source, with headings absent, misleading or present."""

from __future__ import annotations

import json
from pathlib import Path

from contract_analyzer.document import Document, Source
from contract_analyzer.segment import Section
from contract_analyzer.tagging import default_tagger, tag


def document(text: str) -> Document:
    source = Source(
        path="test.txt", sha256="0" * 64, format="txt", size_bytes=len(text), page_count=0
    )
    return Document(text=text, pages=(), blocks=(), source=source)


def types_at(clauses, start: int, end: int) -> set[str]:
    """Types of the clauses covering most of [start, end)."""
    return {c.type for c in clauses if min(c.end, end) - max(c.start, start) > (end - start) / 2}


def tag_paragraphs(paragraphs: list[str]) -> tuple[list[set[str]], list]:
    """Tag a headingless document made of the paragraphs; the types found for each."""
    text = "\n\n".join(paragraphs)
    doc = document(text)
    clauses = tag(doc, sections=())
    found, pos = [], 0
    for p in paragraphs:
        start = text.index(p, pos)
        found.append(types_at(clauses, start, start + len(p)))
        pos = start + len(p)
    return found, clauses


def first(rows, label: str, n: int) -> list[str]:
    return [t for t, lab in rows if lab == label][:n]


def test_ledgar_provisions_without_headings(shared: Path) -> None:
    path = shared / "data" / "ledgar" / "ledgar_sample_dev.jsonl"
    rows = [(r["text"], r["label"]) for r in map(json.loads, path.open(encoding="utf-8"))]
    cases = [
        ("Governing Laws", "governing_law"),
        ("Notices", "notices"),
        ("Confidentiality", "confidentiality"),
        ("Severability", "general"),
        ("Indemnifications", "indemnification"),
    ]
    paragraphs, expected = [], []
    for label, type_id in cases:
        for text in first(rows, label, 3):
            paragraphs.append(text)
            expected.append(type_id)
    found, _ = tag_paragraphs(paragraphs)
    hits = sum(e in f for e, f in zip(expected, found, strict=True))
    assert hits >= 0.8 * len(expected), list(zip(expected, found, strict=True))


def test_tos_clauses_without_headings(shared: Path) -> None:
    import csv

    path = shared / "data" / "unfair_tos" / "test.tsv"
    rows = [(r["text"], r["label"]) for r in csv.DictReader(path.open(), delimiter="\t")]
    cases = [("Arbitration", "dispute_resolution"), ("Choice of law", "governing_law")]
    paragraphs, expected = [], []
    for label, type_id in cases:
        for text in first(rows, label, 4):
            paragraphs.append(text.strip())
            expected.append(type_id)
    # each clause on its own: they come from different services' terms, and the decision rule
    # compares a unit with the document's most confident unit of its type
    found = [tag_paragraphs([p])[0][0] for p in paragraphs]
    hits = sum(e in f for e, f in zip(expected, found, strict=True))
    assert hits >= 0.75 * len(expected), list(zip(expected, found, strict=True))


def test_cuad_spans_without_headings(shared: Path) -> None:
    from contract_analyzer.tagging.training.cuad import load_cuad

    wanted = {
        "Governing Law": "governing_law",
        "Insurance": "insurance",
        "Audit Rights": "audit_rights",
        "Anti-Assignment": "assignment",
    }
    paragraphs, expected = [], []
    for contract in load_cuad()[:60]:
        for span in contract.spans:
            if span.category in wanted and expected.count(wanted[span.category]) < 3:
                body = contract.document.text[span.start : span.end]
                if 15 <= len(body.split()) <= 150:
                    paragraphs.append(" ".join(body.split()))
                    expected.append(wanted[span.category])
    assert len(expected) == 12
    found, _ = tag_paragraphs(paragraphs)
    hits = sum(e in f for e, f in zip(expected, found, strict=True))
    assert hits >= 10, list(zip(expected, found, strict=True))


def test_misleading_heading_does_not_win(shared: Path) -> None:
    """A governing-law body under a "Confidentiality" title is tagged governing law only."""
    body = (
        "This Agreement shall be governed by and construed in accordance with the laws of the "
        "State of New York, without giving effect to any choice of law or conflict of law rules."
    )
    text = f"7. Confidentiality.\n{body}"
    doc = document(text)
    section = Section(
        start=0,
        end=len(text),
        body_start=text.index(body),
        level=1,
        number="7",
        title="Confidentiality",
    )
    clauses = tag(doc, sections=(section,))
    assert "governing_law" in {c.type for c in clauses}
    assert "confidentiality" not in {c.type for c in clauses}


def test_heading_adds_evidence(shared: Path) -> None:
    body = (
        "All communications under this Agreement shall be in writing and sent to the addresses "
        "set out on the signature page, or to such other address as a party designates."
    )
    text = f"14. Notices.\n{body}"
    section = Section(
        start=0, end=len(text), body_start=text.index(body), level=1, number="14", title="Notices"
    )
    clauses = tag(document(text), sections=(section,))
    notices = [c for c in clauses if c.type == "notices"]
    assert notices and notices[0].method in {"heading", "heading+classifier"}
    assert notices[0].section == 0


def test_real_contract_end_to_end(shared: Path) -> None:
    """A CUAD contract through segment() and tag(): clause-sized, deterministic, cached model."""
    from contract_analyzer.tagging.training.cuad import load_cuad

    contract = load_cuad()[0]
    doc = contract.document
    clauses = tag(doc)
    assert clauses == tag(doc)
    assert default_tagger() is default_tagger()
    assert clauses, "no clause tagged in a real contract"
    assert all(0 <= c.start < c.end <= len(doc.text) for c in clauses)
    words = [c.word_count for c in clauses]
    assert sum(words) / len(words) < 250
    assert {"governing_law"} <= {c.type for c in clauses}  # this contract has a Governing Law span


def test_clause_split_over_a_page_break_in_a_cuad_pdf(shared: Path) -> None:
    """The term clause of this endorsement agreement runs from page 1 onto page 2."""
    from contract_analyzer.ingest import load_document
    from contract_analyzer.tagging.training.cuad import cuad_dir, locate

    pdf = next(
        (cuad_dir() / "pdf").glob("HOLIDAYRVSUPERSTORESINC_04_15_2002-EX-10.13-ENDORSEMENT*")
    )
    doc = load_document(pdf)
    head = locate(
        doc.text, "Unless otherwise provided for in this Agreement, the term of this Agreement"
    )
    assert head is not None
    tail = locate(doc.text, "shall be three years", head[0])
    assert tail is not None
    end = doc.text.index(".", tail[1]) + 1
    assert doc.page_at(head[0]) != doc.page_at(end - 1), "the clause no longer crosses a page"
    clauses = tag(doc)
    covering = [
        c
        for c in clauses
        if c.type == "term_and_renewal" and c.start <= head[0] and c.end >= end - 1
    ]
    assert covering, [
        (c.type, c.start, c.end) for c in clauses if c.end > head[0] and c.start < end
    ]
    assert covering[0].page == doc.page_at(covering[0].start)
