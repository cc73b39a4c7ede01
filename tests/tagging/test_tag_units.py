"""The decision rule and tag_units(): calibrated confidence, thresholds, heading evidence."""

from __future__ import annotations

import numpy as np

from contract_analyzer.document import Document, Source
from contract_analyzer.segment.units import Unit
from contract_analyzer.tagging import tag_units
from contract_analyzer.tagging.decision import HEADING_FLOOR, Calibrator, DecisionRule

CLASSES = ("assignment", "governing_law")
THRESHOLDS = np.array([0.6, 0.6])
# a map that halves every score, and one (for units under a naming heading) that raises it
HALF = Calibrator(np.array([0.0, 1.0]), np.array([0.0, 0.5]))
RAISE = Calibrator(np.array([0.0, 0.2, 1.0]), np.array([0.0, 0.7, 0.95]))


def units_of(paragraphs: list[str], heading=()) -> tuple[Document, list[Unit]]:
    text = "\n\n\n\n".join(paragraphs)
    source = Source(
        path="test.txt", sha256="0" * 64, format="txt", size_bytes=len(text), page_count=0
    )
    doc = Document(text=text, pages=(), blocks=(), source=source)
    units, pos = [], 0
    for i, p in enumerate(paragraphs):
        start = text.index(p, pos)
        units.append(Unit(start, start + len(p), heading=heading[i] if heading else ()))
        pos = start + len(p)
    return doc, units


PARAGRAPHS = [
    "Neither party may assign this Agreement without the consent of the other party.",
    "The parties agree to meet every quarter to review the marketing plan in good faith.",
    "The Distributor shall keep the products in a dry and secure warehouse at all times.",
    "A change of control of the Distributor is deemed an assignment for this purpose.",
]


def test_confidence_is_the_calibrated_score_and_decides() -> None:
    doc, units = units_of(PARAGRAPHS)
    rule = DecisionRule(CLASSES, THRESHOLDS, {"assignment": HALF}, {})
    proba = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.9, 0.7]])
    conf, tagged, named = rule.decide(proba, units)
    assert conf[0, 0] == 0.5 and conf[3, 1] == 0.7  # governing law has no calibrator
    assert not tagged[:, 0].any()  # 0.9 raw is 0.45 calibrated: below 0.6
    assert tagged[3, 1] and not named.any()
    clauses = tag_units(doc, units, conf, tagged, CLASSES, named)
    assert [(c.type, c.start, c.confidence, c.method) for c in clauses] == [
        ("governing_law", units[3].start, 0.7, "classifier")
    ]


def test_a_naming_heading_is_evidence_through_its_own_calibrator() -> None:
    heads = [("assignment",), (), (), ("assignment",)]
    doc, units = units_of(PARAGRAPHS, heads)
    rule = DecisionRule(CLASSES, THRESHOLDS, {"assignment": HALF}, {"assignment": RAISE})
    proba = np.array([[0.3, 0.0], [0.3, 0.0], [0.0, 0.0], [HEADING_FLOOR / 2, 0.0]])
    conf, tagged, named = rule.decide(proba, units)
    # unit 0: under the heading its score maps to about 0.78 and passes; unit 1, no heading,
    # stays at 0.15; unit 3: the body scores below the floor, so the heading is vetoed
    assert tagged[0, 0] and named[0, 0] and conf[0, 0] > 0.7
    assert not tagged[1, 0]
    assert not named[3, 0] and not tagged[3, 0]
    clauses = tag_units(doc, units, conf, tagged, CLASSES, named)
    assert [(c.type, c.method) for c in clauses] == [("assignment", "heading+classifier")]


def test_units_in_a_definitions_section_get_no_other_type() -> None:
    doc, units = units_of(PARAGRAPHS)
    rule = DecisionRule(CLASSES, THRESHOLDS, {}, {})
    proba = np.array([[0.9, 0.0], [0.0, 0.0], [0.0, 0.0], [0.9, 0.0]])
    _, tagged, _ = rule.decide(proba, units, in_definitions=[True, False, False, False])
    assert tagged[:, 0].tolist() == [False, False, False, True]


def test_consecutive_units_merge_into_one_clause_up_to_the_word_cap() -> None:
    doc, units = units_of(PARAGRAPHS)
    conf = np.array([[0.9, 0.0], [0.8, 0.0], [0.0, 0.0], [0.7, 0.0]])
    tagged = conf >= 0.6
    clauses = tag_units(doc, units, conf, tagged, CLASSES)
    assert [(c.start, c.end, c.confidence) for c in clauses] == [
        (units[0].start, units[1].end, 0.9),
        (units[3].start, units[3].end, 0.7),
    ]
    split = tag_units(doc, units, conf, tagged, CLASSES, max_clause_words=20)
    assert len(split) == 3


def test_no_unit_passes_so_no_clause() -> None:
    doc, units = units_of(PARAGRAPHS)
    rule = DecisionRule(CLASSES, THRESHOLDS, {}, {})
    conf, tagged, named = rule.decide(np.full((4, 2), 0.5), units)
    assert tag_units(doc, units, conf, tagged, CLASSES, named) == []
