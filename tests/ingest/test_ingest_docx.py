"""DOCX reading: real templates from ../shared and small fixtures built with python-docx + XML."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from ingest_helpers import build_docx, check_document, para

import contract_analyzer as ca
from contract_analyzer.errors import DocumentTooLarge, UnsupportedFormat
from contract_analyzer.settings import Settings

TEMPLATES = "data/templates/docx"
# markdown source of a template -> the DOCX made from it (same numbering and titles)
MARKDOWN_PAIRS = {
    "commonpaper-CSA/CSA.md": "common-paper-cloud-service-agreement.docx",
    "commonpaper-DPA/DPA.md": "common-paper-data-processing-agreement.docx",
    "commonpaper-PSA/psa.md": "common-paper-professional-services-agreement.docx",
    "commonpaper-AI-Addendum/AI-Addendum.md": "common-paper-ai-addendum.docx",
    "commonpaper-BAA/BAA.md": "common-paper-business-associate-agreement.docx",
}
_MD_HEADING = re.compile(r'^\s*\d+\.\s+<span class="header_([23])"[^>]*>([^<]+)</span>', re.M)


def _expected_numbering(markdown: str) -> list[tuple[str, str]]:
    top = sub = 0
    out = []
    for level, title in _MD_HEADING.findall(markdown):
        if level == "2":
            top, sub = top + 1, 0
            out.append((str(top), title.strip()))
        else:
            sub += 1
            out.append((f"{top}.{sub}", title.strip()))
    return out


@pytest.fixture(scope="module")
def templates(shared: Path) -> dict[str, ca.Document]:
    return {p.name: ca.load_document(p) for p in sorted((shared / TEMPLATES).glob("*.docx"))}


def test_every_template_reads_with_invariants(templates: dict[str, ca.Document]) -> None:
    assert len(templates) == 20
    for name, doc in templates.items():
        check_document(doc)
        assert doc.source.format == "docx", name
        assert doc.word_count > 50, name


@pytest.mark.parametrize("markdown,docx_name", sorted(MARKDOWN_PAIRS.items()))
def test_word_numbering_matches_the_published_text(
    shared: Path, templates: dict[str, ca.Document], markdown: str, docx_name: str
) -> None:
    """Automatic numbering resolved into the text: "4.2 Title" as in the markdown edition."""
    expected = _expected_numbering((shared / "data/templates/markdown" / markdown).read_text())
    assert len(expected) > 10
    doc = templates[docx_name]
    first_by_label: dict[str, str] = {}
    for block in doc.body_blocks():
        if block.label and block.label not in first_by_label:
            first_by_label[block.label] = doc.span(block.start, block.end)
    for label, title in expected:
        shown = first_by_label.get(label, "")
        assert shown.startswith((f"{label}. {title}", f"{label} {title}")), (
            label,
            title,
            shown[:60],
        )


def test_heading_styles_give_heading_blocks_with_levels(templates: dict[str, ca.Document]) -> None:
    doc = templates["common-paper-cloud-service-agreement.docx"]
    headings: dict[str, ca.Block] = {}
    for block in doc.blocks:
        if block.kind == "heading" and block.label:
            headings.setdefault(block.label, block)
    assert (
        headings["1"].level == 1
        and doc.span(headings["1"].start, headings["1"].end) == "1. Service"
    )
    assert headings["5.3"].level == 2
    assert doc.span(headings["5.3"].start, headings["5.3"].end).startswith("5.3 Termination.")
    assert headings["1"].style and headings["1"].style.lower() == "heading 1"
    assert headings["1"].page is not None


def test_tables_are_rows_of_cells(templates: dict[str, ca.Document]) -> None:
    doc = templates["bonterms-mutual-nda.docx"]
    tables = [doc.span(b.start, b.end) for b in doc.blocks if b.kind == "table"]
    assert tables
    rows = [row for table in tables for row in table.split("\n")]
    assert "Governing Law | {governing_law}" in rows
    assert "Effective Date | {effective_date}" in rows


def test_headers_and_footers_stay_out_of_the_body(templates: dict[str, ca.Document]) -> None:
    doc = templates["common-paper-cloud-service-agreement.docx"]
    furniture = {(b.kind, b.content) for b in doc.furniture()}
    assert ("header", "ORDER FORM") in furniture
    assert any(
        kind == "footer" and "Common Paper Cloud Service Agreement" in c for kind, c in furniture
    )
    assert "ORDER FORM" not in doc.text  # the header text is not in the flow
    assert doc.text.startswith("Cloud Service Agreement")


def test_tracked_changes_keep_insertions_and_drop_deletions() -> None:
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>The fee is </w:t></w:r>"
        "<w:del w:id='1' w:author='A'><w:r><w:delText>100</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='A'><w:r><w:t>200</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space='preserve'> dollars</w:t></w:r>"
        "<w:moveFrom w:id='3' w:author='A'><w:r><w:t> (moved away)</w:t></w:r></w:moveFrom>"
        "<w:moveTo w:id='4' w:author='A'><w:r><w:t xml:space='preserve'> per month</w:t></w:r></w:moveTo>"
        "<w:r><w:t>.</w:t></w:r></w:p>"
    )
    doc = ca.load_document(build_docx(body))
    check_document(doc)
    assert doc.text == "The fee is 200 dollars per month."


def test_real_redline_keeps_the_inserted_text(shared: Path) -> None:
    """poi__delins.docx: python-docx reads 448 of its 1297 characters (it drops w:ins)."""
    path = shared / "corpus/docx/poi__delins.docx"
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    inserted = re.findall(r"<w:ins\b.*?</w:ins>", xml, re.S)
    inserted_text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", "".join(inserted)))
    deleted_text = "".join(re.findall(r"<w:delText(?: [^>]*)?>([^<]*)</w:delText>", xml))
    doc = ca.load_document(path)
    check_document(doc)
    flat = re.sub(r"\s+", "", doc.text)
    assert re.sub(r"\s+", "", inserted_text)[:200] in flat
    assert len(doc.text) > 1000
    if deleted_text.strip():
        assert re.sub(r"\s+", "", deleted_text) not in flat


def test_text_boxes_fields_and_content_controls_are_kept() -> None:
    body = (
        # a text box (DrawingML inside mc:AlternateContent, VML fallback must not duplicate it)
        "<w:p><w:r><w:t>Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires='wps'>"
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>Boxed clause text.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        "<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed clause text.</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        # a simple field: its result is kept
        "<w:p><w:r><w:t xml:space='preserve'>Effective: </w:t></w:r><w:fldSimple w:instr=' DATE '>"
        "<w:r><w:t>1 March 2024</w:t></w:r></w:fldSimple></w:p>"
        # a complex field: the result is kept, the instruction dropped
        "<w:p><w:r><w:t xml:space='preserve'>See section </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>4.2</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
        # a block-level content control
        "<w:sdt><w:sdtPr><w:alias w:val='Party'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Acme Corporation</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        # an inline content control inside a paragraph
        "<w:p><w:r><w:t xml:space='preserve'>Governing law: </w:t></w:r><w:sdt><w:sdtContent>"
        "<w:r><w:t>Delaware</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    )
    doc = ca.load_document(build_docx(body))
    check_document(doc)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs == [
        "Anchor paragraph.",
        "Boxed clause text.",
        "Effective: 1 March 2024",
        "See section 4.2.",
        "Acme Corporation",
        "Governing law: Delaware",
    ]
    assert "REF" not in doc.text


NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="ARTICLE %1"/>
    <w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
  <w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
"""


def test_numbering_counters_restarts_and_overrides() -> None:
    body = "".join(
        [
            para("Definitions", style="Heading1", num=(1, 0)),  # 1.
            para("Terms used here.", num=(1, 1)),  # 1.1
            para("first item", num=(1, 2)),  # (a)
            para("second item", num=(1, 2)),  # (b)
            para("sub item", num=(1, 3)),  # (i)
            para("Termination", style="Heading1", num=(2, 0)),  # 2. (numId 2 shares the list)
            para("Termination for Cause", num=(2, 1)),  # 2.1 (deeper levels restarted)
            para("restarted item", num=(3, 2)),  # (a) again: numId 3 restarts level 2
            para("General", num=(4, 0)),  # ARTICLE IV: startOverride 4, upper roman
            para("a bullet point", num=(5, 0)),
            para("not numbered", num=(0, 0)),  # numId 0 removes numbering
        ]
    )
    doc = ca.load_document(build_docx(body, numbering=NUMBERING))
    check_document(doc)
    assert doc.text.split("\n\n") == [
        "1. Definitions",
        "1.1 Terms used here.",
        "(a) first item",
        "(b) second item",
        "(i) sub item",
        "2. Termination",
        "2.1 Termination for Cause",
        "(a) restarted item",
        "ARTICLE IV General",
        "• a bullet point",
        "not numbered",
    ]
    blocks = list(doc.body_blocks())
    assert [b.label for b in blocks] == [
        "1", "1.1", "(a)", "(b)", "(i)", "2", "2.1", "(a)", "ARTICLE IV", None, None,
    ]  # fmt: skip
    assert blocks[0].kind == "heading" and blocks[0].level == 1
    assert blocks[6].kind == "heading" and blocks[6].level == 2  # short numbered title
    assert blocks[2].kind == "list_item" and blocks[9].kind == "list_item"


def test_alt_chunk_html_is_read_in_place() -> None:
    html = b"<html><body><h2>Schedule A</h2><p>Fees are due within 30 days.</p></body></html>"
    body = para("Before.") + '<w:altChunk r:id="{rid:chunk1.html}"/>' + para("After.")
    doc = ca.load_document(build_docx(body, alt_chunks={"chunk1.html": ("text/html", html)}))
    check_document(doc)
    assert doc.text.split("\n\n") == [
        "Before.",
        "Schedule A",
        "Fees are due within 30 days.",
        "After.",
    ]
    assert next(b for b in doc.blocks if b.kind == "heading").level == 2


def test_fixture_headers_and_footers_are_out_of_flow() -> None:
    doc = ca.load_document(build_docx(para("Body text."), header="CONFIDENTIAL", footer="Page 1"))
    check_document(doc)
    assert doc.text == "Body text."
    assert {(b.kind, b.content) for b in doc.furniture()} == {
        ("header", "CONFIDENTIAL"),
        ("footer", "Page 1"),
    }


def test_xml_entities_are_never_resolved(shared: Path) -> None:
    doc = ca.load_document(shared / "corpus/docx/poi__ExternalEntityInText.docx")
    assert "poi.apache.org" not in doc.text.lower() and "<html" not in doc.text.lower()
    assert any("DOCTYPE" in w for w in doc.warnings)


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="x"/>')
        zf.writestr("word/document.xml", b"<w:document>" + b" " * size + b"</w:document>")
    return out.getvalue()


def test_zip_bomb_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _bomb(30 * 1024 * 1024)  # 30 MB of spaces deflate ~1000x into ~30 KB
    assert len(data) < 100_000

    def never(*args, **kwargs):
        raise AssertionError("a member was inflated")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    with pytest.raises(DocumentTooLarge, match="zip bomb refused"):
        ca.load_document(data)
    # the total inflated size is checked too (ratio check off for this one)
    loose = Settings(max_compression_ratio=1e9, max_inflated_bytes=10 * 1024 * 1024)
    with pytest.raises(DocumentTooLarge, match="max_inflated_bytes"):
        ca.load_document(data, settings=loose)


def test_renamed_spreadsheet_is_named_for_what_it_is(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="x"/>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    path = tmp_path / "contract.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(UnsupportedFormat) as err:
        ca.load_document(path)
    assert str(err.value).startswith(str(path))
    assert "Excel spreadsheet (.xlsx)" in err.value.cause
