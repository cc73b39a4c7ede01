"""Segmentation of real CUAD text files: known headings recovered, layouts that trip parsers."""

from __future__ import annotations

import statistics

import pytest
from seg_helpers import by_number, check_sections, check_units, cuad_path

from contract_analyzer.segment import clause_units, segment

# every test takes the ``shared`` fixture: it skips with a reason when ../shared is absent


def _titles(sections, number: str) -> list[str | None]:
    return [sections[i].title for i in by_number(sections, number)]


def test_page_per_line_layout_inline_headings(shared, load):
    """A CUAD file holding a page per line: "4. Confidentiality. 4.1 Confidentiality. During..."."""
    doc = load(cuad_path(shared, "txt", "ABILITYINC_06_15_2020-EX-4.25"))
    secs = segment(doc)
    check_sections(doc, secs)
    assert _titles(secs, "4") == ["Confidentiality"]
    assert _titles(secs, "7.6") == ["Severability"]
    assert _titles(secs, "2.4") == ["No Right of Setoff"]
    (four,) = by_number(secs, "4")
    (four_one,) = by_number(secs, "4.1")
    assert secs[four_one].parent == four and secs[four_one].level == 2
    # the run-in title is the heading; the body starts after it
    assert doc.text[secs[four_one].body_start :].startswith("During the term")
    # "(a)" of 1.1 nests under 1.1
    (one_one,) = by_number(secs, "1.1")
    kids = [s.number for s in secs if s.parent == one_one]
    assert kids[:2] == ["(a)", "(b)"]
    kinds = [s.kind for s in secs if s.parent is None]
    assert kinds[0] == "preamble" and "signature" in kinds
    last = secs[-1]
    assert last.kind == "exhibit" and last.number == "EXHIBIT A" and last.parent is None


def test_paragraph_layout_with_numbered_parties_and_deep_nesting(shared, load):
    """Parties numbered "1." "2." and recitals "A."-"E." before "1. Definitions": the body
    numbering restarts and must not nest under the recitals."""
    doc = load(
        cuad_path(
            shared,
            "txt",
            "HEALTHGATEDATACORP_11_24_1999-EX-10.1-HOSTING AND MANAGEMENT AGREEMENT (1)",
        )
    )
    secs = segment(doc)
    check_sections(doc, secs)
    top = [s for s in secs if s.parent is None]
    assert [s.kind for s in top[:2]] == ["preamble", "recitals"]
    numbered_top = [s for s in top if s.kind == "section"]
    assert [s.number for s in numbered_top[:34]] == [str(k) for k in range(1, 35)]
    assert numbered_top[0].title == "Definitions" and numbered_top[33].title == "General"
    assert [s.number for s in top if s.kind == "exhibit"][:2] == ["SCHEDULE 1", "SCHEDULE 2"]
    # 10 > 10.2 > 10.2.1 > (i)
    (ten_two_one,) = by_number(secs, "10.2.1")
    parent = secs[secs[ten_two_one].parent]
    assert parent.number == "10.2" and secs[parent.parent].number == "10"
    assert any(s.number == "(i)" and s.parent == ten_two_one for s in secs)


@pytest.mark.parametrize(
    ("prefix", "first_body", "min_top"),
    [
        # TOC entries on their own lines with page numbers, "ARTICLE I" ... in the body
        ("CerenceInc_20191002_8-K_EX-10.4", "ARTICLE I", 10),
        # the whole TOC on one line: "1. Definitions 3 2. Term 4 3. Grant ..."
        ("PerformanceSportsBrandsInc_20110909_S-1_EX-10.10", "1", 15),
        # a two-page TOC with a page break inside it, then a list of annexes
        ("STARTECGLOBALCOMMUNICATIONSCORP_11_16_1998", "1", 30),
    ],
)
def test_table_of_contents_does_not_swallow_the_body(shared, load, prefix, first_body, min_top):
    doc = load(cuad_path(shared, "txt", prefix))
    secs = segment(doc)
    check_sections(doc, secs)
    tocs = [i for i, s in enumerate(secs) if s.kind == "toc"]
    assert len(tocs) == 1
    toc = secs[tocs[0]]
    assert toc.parent is None and not any(s.parent == tocs[0] for s in secs)
    assert not any(s.kind == "section" and toc.start <= s.start < toc.end for s in secs)
    body = [s for s in secs if s.parent is None and s.kind == "section"]
    assert body[0].number == first_body and body[0].start > toc.end
    assert len(body) >= min_top
    # the body's own sections are not empty TOC lines
    assert statistics.median(len(doc.text[s.start : s.end].split()) for s in body) > 40


def test_exhibits_are_top_level_and_a_part_restarts_numbering(shared, load):
    """Exhibits A and B come before "TERMS AND CONDITIONS" whose "1." restarts numbering."""
    doc = load(cuad_path(shared, "txt", "WebmdHealthCorp_20050908_S-1A_EX-10.7"))
    secs = segment(doc)
    check_sections(doc, secs)
    top = [s for s in secs if s.parent is None]
    assert [s.number for s in top if s.kind == "exhibit"] == ["EXHIBIT A", "EXHIBIT B"]
    part = next(i for i, s in enumerate(secs) if s.title == "TERMS AND CONDITIONS")
    assert secs[part].parent is None
    under = [s.number for s in secs if s.parent == part]
    assert under[:4] == ["1", "2", "3", "4"]


def test_numbering_after_the_signatures_opens_a_new_part(shared, load):
    doc = load(cuad_path(shared, "txt", "AlliedEsportsEntertainmentInc_20190815_8-K_EX-10.19"))
    secs = segment(doc)
    check_sections(doc, secs)
    part = next(i for i, s in enumerate(secs) if s.title == "ADDITIONAL PROVISIONS")
    assert secs[part - 1].kind == "signature"
    titles = [s.title for s in secs if s.parent == part]
    assert "INDEMNIFICATION" in titles and "CONFIDENTIALITY" in titles


def test_page_number_before_the_first_heading_is_not_a_section(shared, load):
    """The file starts "1      EXHIBIT 10.17" (a page number): section 1 is the real one."""
    doc = load(cuad_path(shared, "txt", "IntegrityMediaInc_20010329_10-K405_EX-10.17"))
    secs = segment(doc)
    check_sections(doc, secs)
    top = [s for s in secs if s.parent is None and s.kind == "section"]
    assert top[0].title == "Product Concept and Creation"
    assert len(top) >= 10


def test_cross_references_in_capitals_are_not_headings(shared, load):
    """ "... BREACH OF ARTICLE XIII OF THIS AGREEMENT" inside a clause is a reference."""
    doc = load(cuad_path(shared, "txt", "DigitalCinemaDestinationsCorp_20111220_S-1_EX-10.10"))
    secs = segment(doc)
    check_sections(doc, secs)
    (art13,) = by_number(secs, "ARTICLE XIII")
    assert secs[art13].title == "CONFIDENTIALITY" and secs[art13].parent is None
    articles = [s.number for s in secs if s.parent is None and s.kind == "section"]
    assert articles == sorted(set(articles), key=articles.index)  # each article once


def test_title_written_before_the_paragraph_number(shared, load):
    """ "Formation 1. By this Agreement ..." : the title precedes the number."""
    doc = load(cuad_path(shared, "txt", "BORROWMONEYCOM,INC_06_11_2020-EX-10.1"))
    secs = segment(doc)
    check_sections(doc, secs)
    assert _titles(secs, "1") == ["Formation"]
    assert _titles(secs, "4") == ["Term"]
    assert len([s for s in secs if s.kind == "section"]) >= 40


def test_invariants_and_determinism_on_a_sample(shared, load):
    """Every 20th CUAD text: nested, ordered, covering, deterministic; units clause-sized."""
    paths = sorted((shared / "data" / "cuad" / "txt").glob("*.txt"))[::20]
    words = []
    for p in paths:
        doc = load(p)
        secs = segment(doc)
        check_sections(doc, secs)
        assert segment(doc) == secs
        units = clause_units(doc, secs)
        check_units(doc, secs, units)
        assert clause_units(doc, secs) == units
        words += [len(u.text(doc).split()) for u in units]
    assert statistics.mean(words) < 250
