"""Shared checks and fixture builders for the ingestion tests."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from contract_analyzer.document import Document

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def check_document(doc: Document) -> None:
    """The invariants every Document must satisfy, whatever the format."""
    text = doc.text
    assert text.strip(), "a Document never has empty text"
    assert doc.pages, "a Document has at least one page"
    assert doc.pages[0].start == 0
    assert doc.pages[-1].end == len(text)
    for a, b in zip(doc.pages, doc.pages[1:], strict=False):
        assert a.end == b.start, "pages tile the text in order"
        assert a.number < b.number
    for page in doc.pages:
        assert 0 <= page.start <= page.end <= len(text)
    assert doc.source.page_count == len(doc.pages)
    previous_end = 0
    flow = [b for b in doc.blocks if b.in_flow]
    assert flow, "at least one in-flow block"
    for block in doc.blocks:
        if block.in_flow:
            assert 0 <= block.start < block.end <= len(text), block
            span = text[block.start : block.end]
            assert span == span.strip(), f"block has surrounding blanks: {span[:40]!r}"
            assert "\n\n" not in span, "blank lines only separate blocks"
            assert block.start >= previous_end, "in-flow blocks do not overlap"
            assert text[previous_end : block.start] in ("", "\n\n"), "blocks cover the text"
            previous_end = block.end
            assert block.page == doc.page_at(block.start)
        else:
            assert block.start == block.end and 0 <= block.start <= len(text)
            assert block.content and block.content.strip()
    assert previous_end == len(text), "the last block ends the text"
    starts = [b.start for b in doc.blocks]
    assert starts == sorted(starts), "blocks are in document order"


def build_docx(
    body: str,
    *,
    numbering: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    alt_chunks: dict[str, tuple[str, bytes]] | None = None,
) -> bytes:
    """A DOCX made with python-docx, with raw WordprocessingML appended to its body.

    ``body`` is XML for the body's children (namespaces declared here); ``{rid:NAME}`` in it
    is replaced by the relationship id of the altChunk part ``NAME`` from ``alt_chunks``
    (``NAME -> (content type, bytes)``).
    """
    document = docx.Document()
    for name, (content_type, blob) in (alt_chunks or {}).items():
        part = Part(PackURI(f"/word/{name}"), content_type, blob, document.part.package)
        rid = document.part.relate_to(part, RT.A_F_CHUNK)
        body = body.replace("{rid:" + name + "}", rid)
    wrapper = parse_xml(f"<w:body {NS}>{body}</w:body>")
    target = document.element.body
    sect = target[-1]
    for element in list(wrapper):
        sect.addprevious(element)
    if numbering is not None:
        numbering_el = document.part.numbering_part.element
        for old in list(numbering_el):
            numbering_el.remove(old)
        for element in parse_xml(f"<w:numbering {NS}>{numbering}</w:numbering>"):
            numbering_el.append(element)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def para(text: str, *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """A ``w:p`` with one run, optional style and numbering (numId, ilvl)."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
