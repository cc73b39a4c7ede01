"""tag_units(): how unit scores, thresholds, headings and the document context make clauses."""

from __future__ import annotations

import numpy as np

from contract_analyzer.document import Document, Source
from contract_analyzer.segment.units import Unit
from contract_analyzer.tagging import tag_units

CLASSES = ["assignment", "governing_law"]
THRESHOLDS = [0.6, 0.6]
CONTEXT = [0.2, 0.2]


def units_of(paragraphs: list[str]) -> tuple[Document, list[Unit]]:
    text = "\n\n\n\n".join(paragraphs)
    source = Source(
        path="test.txt", sha256="0" * 64, format="txt", size_bytes=len(text), page_count=0
    )
    doc = Document(text=text, pages=(), blocks=(), source=source)
    units, pos = [], 0
    for p in paragraphs:
        start = text.index(p, pos)
        units.append(Unit(start, start + len(p)))
        pos = start + len(p)
    return doc, units


PARAGRAPHS = [
    "Neither party may assign this Agreement without the consent of the other party.",
    "The parties agree to meet every quarter to review the marketing plan in good faith.",
    "The Distributor shall keep the products in a dry and secure warehouse at all times.",
    "A change of control of the Distributor is deemed an assignment for this purpose.",
]


def test_context_threshold_adds_weaker_units_of_a_type_the_document_holds() -> None:
    doc, units = units_of(PARAGRAPHS)
    proba = np.array([[0.9, 0.0], [0.0, 0.0], [0.0, 0.0], [0.3, 0.3]])
    plain = tag_units(doc, units, proba, CLASSES, THRESHOLDS)
    assert [(c.type, c.start) for c in plain] == [("assignment", units[0].start)]
    with_context = tag_units(doc, units, proba, CLASSES, THRESHOLDS, context_thresholds=CONTEXT)
    # the last unit reaches the context threshold of assignment, which the document holds; its
    # equal governing-law score does not count: nothing in the document passed that threshold
    assert [(c.type, c.start) for c in with_context] == [
        ("assignment", units[0].start),
        ("assignment", units[3].start),
    ]
    assert with_context[1].method == "classifier"


def test_context_threshold_never_raises_the_bar() -> None:
    doc, units = units_of(PARAGRAPHS)
    proba = np.array([[0.7, 0.0], [0.0, 0.0], [0.0, 0.0], [0.65, 0.0]])
    clauses = tag_units(doc, units, proba, CLASSES, THRESHOLDS, context_thresholds=[0.8, 0.8])
    assert [c.start for c in clauses] == [units[0].start, units[3].start]


def test_no_unit_passes_so_no_clause() -> None:
    doc, units = units_of(PARAGRAPHS)
    proba = np.full((4, 2), 0.5)
    assert tag_units(doc, units, proba, CLASSES, THRESHOLDS, context_thresholds=CONTEXT) == []
