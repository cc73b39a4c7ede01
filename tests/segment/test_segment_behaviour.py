"""Behaviour on small texts written for one layout each (no ../shared needed)."""

from __future__ import annotations

import hashlib

from seg_helpers import check_sections, check_units

from contract_analyzer.document import Document, Source
from contract_analyzer.segment import clause_units, segment
from contract_analyzer.segment.candidates import find_candidates


def _doc(text: str) -> Document:
    data = text.encode()
    src = Source(None, hashlib.sha256(data).hexdigest(), "txt", len(data), 0)
    return Document(text=text, pages=(), blocks=(), source=src)


BODY = """MASTER SERVICES AGREEMENT

This Agreement is made on 1 March 2020 between Alpha Ltd ("Customer") and Beta Inc ("Supplier").

1. Definitions. In this Agreement the terms below have these meanings.

2. Services. Supplier shall provide the services described in Exhibit A.
2.1 Standard. The Services shall meet the standard set forth in Section 4.2 of this
Agreement and the service levels in Schedule 2.
2.2 Reports. Supplier shall deliver (a) monthly reports; (b) an annual review; and (c) any
other report Customer requests.

3. Fees. Customer shall pay the fees within thirty (30) days of invoice. Revenue is shared as set forth in           SCHEDULE 2 ("REVENUES"). As of
2019. The prices were fixed and remain fixed until
2021. Section 2.1 applies to all fees.

4. Term and Termination.
4.1 Term. This Agreement starts on the Effective Date.
4.2 Termination for Cause. Either party may terminate on notice if the other party:
(a) commits a material breach; or
(b) becomes insolvent.

IN WITNESS WHEREOF, the parties have signed this Agreement.

By: ____________

EXHIBIT A
SERVICES

1. Hosting. Supplier hosts the application.
2. Support. Supplier answers tickets.
"""


def test_numbered_structure_with_references_dates_and_lists():
    doc = _doc(BODY)
    secs = segment(doc)
    check_sections(doc, secs)
    check_units(doc, secs, clause_units(doc, secs))
    numbered = [(s.number, s.title, s.level) for s in secs if s.kind == "section"]
    assert numbered == [
        ("1", "Definitions", 1),
        ("2", "Services", 1),
        ("2.1", "Standard", 2),
        ("2.2", "Reports", 2),
        ("3", "Fees", 1),
        ("4", "Term and Termination", 1),
        ("4.1", "Term", 2),
        ("4.2", "Termination for Cause", 2),
        ("(a)", None, 3),
        ("(b)", None, 3),
        ("1", "Hosting", 2),
        ("2", "Support", 2),
    ]
    kinds = [s.kind for s in secs if s.parent is None]
    assert kinds == ["preamble", "section", "section", "section", "section", "signature", "exhibit"]
    # "Section 4.2 of this\nAgreement", the inline list "(a) ...; (b) ...", a schedule named
    # after a wide gap inside a sentence and the years at line starts stay in their sections
    assert not any(c.kind == "exhibit" and "SCHEDULE" in c.number for c in find_candidates(doc))
    (fees,) = [s for s in secs if s.title == "Fees"]
    assert "2021. Section 2.1 applies" in doc.text[fees.start : fees.end]
    (exhibit,) = [i for i, s in enumerate(secs) if s.kind == "exhibit"]
    assert secs[exhibit].number == "EXHIBIT A" and secs[exhibit].title == "SERVICES"
    assert all(s.parent == exhibit for s in secs[exhibit + 1 :])


def test_body_start_follows_the_heading():
    doc = _doc(BODY)
    secs = segment(doc)
    (term,) = [s for s in secs if s.title == "Term and Termination"]
    assert doc.text[term.body_start :].startswith("4.1 Term.")
    (standard,) = [s for s in secs if s.title == "Standard"]
    assert doc.text[standard.body_start :].startswith("The Services shall")


def test_text_without_structure_is_one_preamble():
    doc = _doc("This letter confirms that we agree to the attached price list.\n")
    secs = segment(doc)
    assert [(s.kind, s.start, s.end) for s in secs] == [("preamble", 0, len(doc.text))]
    assert [(u.start, u.end) for u in clause_units(doc, secs)] == [(0, len(doc.text.rstrip()))]


def test_empty_text():
    doc = _doc("")
    assert segment(doc) == ()
    assert clause_units(doc) == []


def test_long_leaf_is_split_between_sentences():
    sentence = "The Supplier shall keep every record of the services for audit by the Customer. "
    doc = _doc("1. Records. " + sentence * 60 + "\n2. Audit. The Customer may audit.\n")
    secs = segment(doc)
    units = clause_units(doc, secs)
    check_units(doc, secs, units)
    records = [u for u in units if secs[u.section].title == "Records"]
    assert len(records) >= 2 and [u.piece for u in records] == list(range(len(records)))
    assert all(len(u.text(doc).split()) <= 160 for u in records)
