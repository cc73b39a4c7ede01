"""DOCX contracts: WordprocessingML read the way Word displays it.

python-docx's ``paragraph.text`` drops text inside tracked insertions, fields, content
controls, text boxes and altChunks, and its loader refuses whole packages for one broken
relationship, so the body is walked here directly (through :class:`Package`, the hardened XML
parser and the ZIP guards):

* tracked changes: insertions (``w:ins``, ``w:moveTo``) kept, deletions (``w:del``,
  ``w:delText``, ``w:moveFrom``) dropped: the text as it would read if all changes were
  accepted;
* fields: the displayed result of simple and complex fields, never the instruction; legacy
  check boxes as ☐/☒;
* content controls (``w:sdt``), smart tags, custom XML and hyperlinks: their content;
* Word numbering resolved into the text (:mod:`docx_numbering`); heading styles and outline
  levels give ``heading`` blocks with their level;
* tables: one ``table`` block, one line per row, cells joined by ``" | "`` (empty cells and
  vertically merged continuations left out); a one-column layout table is read as body text;
* text boxes: their paragraphs follow the paragraph they are anchored in;
* altChunks (embedded HTML, MHT, text or DOCX): their paragraphs, at their place;
* footnotes and endnotes: appended after the body, each numbered;
* headers and footers: out-of-flow blocks at the start/end of their section;
* pages: Word's last rendering (``w:lastRenderedPageBreak``) when saved, else explicit page and
  section breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from contract_analyzer.document import Document, Source
from contract_analyzer.errors import ContractAnalyzerError, CorruptDocument, DocumentTooLarge
from contract_analyzer.ingest.builder import PARAGRAPH_SEP, DocumentBuilder
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.docx_numbering import ListLabel, Numbering
from contract_analyzer.ingest.docx_styles import Styles
from contract_analyzer.ingest.headings import Label, classify, parse_label
from contract_analyzer.ingest.htmltext import html_paragraphs, mht_html
from contract_analyzer.ingest.opc import Package
from contract_analyzer.ingest.safexml import local_name
from contract_analyzer.ingest.safezip import SafeZip
from contract_analyzer.ingest.text import decode_text
from contract_analyzer.ingest.wordml import attr, child, children, int_val, on, val
from contract_analyzer.settings import Settings

TABLE_CELL_SEP = " | "
_SKIP = frozenset(
    [
        "pPr",
        "rPr",
        "sectPr",
        "sdtPr",
        "sdtEndPr",
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "instrText",
        "proofErr",
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "annotationRef",
        "rPrChange",
        "pPrChange",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "fldData",
        "permStart",
        "permEnd",
        "customXmlPr",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "smartTagPr",
    ]
)
_CONTAINERS = frozenset(["sdtContent", "customXml", "ins", "moveTo", "smartTag", "txbxContent"])
_SYMBOLS = {"F0A8": "☐", "F06F": "☐", "F0FE": "☒", "F078": "☒", "F0FC": "✓", "F0B7": "•"}
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_DECIMAL_FORMATS = {"decimal", "decimalZero", "upperRoman", "decimalEnclosedParen", "ordinal"}
_HEADER_TYPES = ("headerReference", "footerReference")
_EXTERNAL_WARN = {"subDocument", "attachedTemplate", "oleObject", "frame", "altChunk"}


@dataclass
class _Inline:
    """Text gathered from one paragraph, with what was found along the way."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    bold: int = 0
    floats: list[etree._Element] = field(default_factory=list)
    mark_before: bool = False  # a page starts before any text of this paragraph
    mark_after: bool = False  # a page starts after some text (next paragraph begins it)


def _symbol(code: str | None) -> str:
    """The character of a ``w:sym`` (Symbol/Wingdings private-use codes mapped or dropped)."""
    code = (code or "").strip().upper()
    if code in _SYMBOLS:
        return _SYMBOLS[code]
    if not re.fullmatch(r"[0-9A-F]{1,6}", code):
        return ""
    n = int(code, 16)
    return "" if 0xE000 <= n <= 0xF8FF or n >= 0x110000 or n < 0x20 else chr(n)


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class DocxReader:
    """Walks one package's main document into a :class:`DocumentBuilder`."""

    def __init__(
        self,
        package: Package,
        source: str,
        settings: Settings,
        deadline: Deadline,
        builder: DocumentBuilder,
        warnings: list[str],
        depth: int = 0,
    ) -> None:
        self.package = package
        self.source = source
        self.settings = settings
        self.deadline = deadline
        self.builder = builder
        self.warnings = warnings
        self.depth = depth
        self.part = ""
        self.styles = Styles(None)
        self.numbering = Numbering(None)
        self.rendered_pages = False
        self._fields: list[str] = []
        self._page_pending = False
        self._ticks = 0
        self._sections: list[tuple[etree._Element, int, int]] = []
        self._section_start = 0

    # entry ---------------------------------------------------------------------------------
    def read(self) -> None:
        """Read the main part, footnotes, endnotes, headers and footers."""
        main = self.package.main_part()
        if main is None:
            raise CorruptDocument(self.source, "the Word package has no main document part")
        self.part = main
        raw = self.package.zip.read(main)
        if raw is None:
            raise CorruptDocument(self.source, f"the main document part {main} is missing")
        self.rendered_pages = b"lastRenderedPageBreak" in raw
        root = self.package.xml(main)
        del raw
        self.styles = Styles(self._related_xml("styles"))
        self.numbering = Numbering(self._related_xml("numbering"), self.styles)
        for rel in self.package.relationships(main):
            if rel.external and rel.type in _EXTERNAL_WARN:
                self.warnings.append(f"external {rel.type} {rel.target!r} not fetched")
        body = child(root, "body")
        if body is None:
            raise CorruptDocument(self.source, f"the main document part {main} has no body")
        if self.depth == 0 and self.builder.page_number is None:
            self.builder.begin_page(1)
        self._container(body)
        if self.depth == 0:
            self._notes("footnotes", "footnote")
            self._notes("endnotes", "endnote")
            self._furniture()

    def _related_xml(self, rel_type: str) -> etree._Element | None:
        for target in self.package.related(self.part, rel_type):
            try:
                return self.package.xml(target)
            except ContractAnalyzerError as exc:
                self.warnings.append(f"{rel_type} ignored: {exc.cause}")
                return None
        return None

    def _tick(self) -> None:
        self._ticks += 1
        if not self._ticks % 32:
            self.deadline.check()
            if self.builder.length > self.settings.max_text_chars:
                raise DocumentTooLarge(
                    self.source,
                    f"the text exceeds {self.settings.max_text_chars:,} characters "
                    "(setting max_text_chars)",
                )

    # block level ---------------------------------------------------------------------------
    def _container(self, el: etree._Element) -> None:
        for c in el:
            name = local_name(c.tag)
            if not name or name in _SKIP:
                if name == "sectPr" and self.depth == 0:
                    self._end_section(c)
                continue
            self._tick()
            if name == "p":
                self._paragraph(c)
            elif name == "tbl":
                self._table(c)
            elif name == "sdt":
                self._container(child(c, "sdtContent") if child(c, "sdtContent") is not None else c)
            elif name in _CONTAINERS:
                self._container(c)
            elif name == "AlternateContent":
                self._container(self._choice(c))
            elif name == "altChunk":
                self._alt_chunk(c)
            elif name == "subDoc":
                self.warnings.append("a master document: its subdocuments are separate files")
            elif any(local_name(d.tag) == "p" for d in c.iter()):
                self._container(c)  # unknown wrapper around paragraphs: read what is inside

    def _choice(self, alt: etree._Element) -> etree._Element:
        choice = child(alt, "Choice")
        fallback = child(alt, "Fallback")
        if choice is not None and any(local_name(d.tag) in ("t", "p") for d in choice.iter()):
            return choice
        return fallback if fallback is not None else (choice if choice is not None else alt)

    def _page_break(self) -> None:
        number = (self.builder.page_number or 0) + 1
        self.builder.begin_page(number)

    def _paragraph(self, p: etree._Element) -> None:
        ppr = child(p, "pPr")
        style_id = val(ppr, "pStyle")
        info = _Inline()
        self._inline(p, info)
        while self._fields and self._fields[-1] == "instr":
            self._fields.pop()  # an instruction never spans paragraphs: drop a damaged field
        sect = child(ppr, "sectPr")
        has_text = any(part.strip() for part in info.parts)
        # a paragraph holding only a section break does not take a list number
        list_label = None if sect is not None and not has_text else self._list_label(ppr, style_id)
        if not self.rendered_pages and on(child(ppr, "pageBreakBefore")):
            info.mark_before = True
        if self._page_pending or info.mark_before:
            if self.builder.length or self.builder.page_number is None:
                self._page_break()
            self._page_pending = False
        text = _clean("".join(info.parts))
        if text:
            full = f"{list_label.text}{list_label.separator}{text}" if list_label else text
            bold = self.styles.bold(style_id) or info.bold >= 0.9 * max(
                len(text.replace(" ", "")), 1
            )
            self._emit_paragraph(full, style_id, list_label, bold)
        if info.mark_after:
            self._page_pending = True
        if sect is not None and self.depth == 0:
            self._end_section(sect)
        for box in info.floats:
            self._container(box)

    def _list_label(self, ppr: etree._Element | None, style_id: str | None) -> ListLabel | None:
        numpr = child(ppr, "numPr")
        num_id = val(numpr, "numId")
        ilvl = int_val(val(numpr, "ilvl"))
        style_num, style_ilvl = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
        if ilvl is None:
            ilvl = style_ilvl if style_ilvl is not None else 0
        return self.numbering.label(num_id, ilvl)

    def _emit_paragraph(
        self, text: str, style_id: str | None, list_label: ListLabel | None, bold: bool
    ) -> None:
        if list_label is not None:
            kind = (
                "bullet"
                if list_label.fmt == "bullet"
                else ("decimal" if list_label.fmt in _DECIMAL_FORMATS else "letter")
            )
            label = Label(
                list_label.text.rstrip("."), len(list_label.text), list_label.level + 1, kind
            )
        else:
            label = parse_label(text)
        heading_level = self.styles.heading_level(style_id)
        if heading_level is not None or self.styles.is_title(style_id):
            # the list level nests numbered headings ("1.1" under "1.") when styles do not
            numbered = list_label is not None and list_label.fmt != "bullet"
            kind_, level = "heading", (list_label.level + 1 if numbered else heading_level)
        else:
            kind_, level = classify(text, label, bold=bold)
        shown = label.text if label is not None and label.kind != "bullet" else None
        self.builder.add_block(
            text, kind_, level=level, label=shown or None, style=self.styles.name(style_id)
        )

    # inline level --------------------------------------------------------------------------
    def _emit(self, info: _Inline, text: str) -> None:
        if text and all(phase == "result" for phase in self._fields):
            info.parts.append(text)
            info.length += len(text)

    def _inline(self, el: etree._Element, info: _Inline) -> None:
        for c in el:
            name = local_name(c.tag)
            if not name or name in _SKIP:
                continue
            if name == "t":
                self._emit(info, (c.text or "") + "".join(gc.tail or "" for gc in c))
            elif name == "r":
                first = len(info.parts)
                self._inline(c, info)
                if on(child(child(c, "rPr"), "b")):
                    info.bold += sum(len(t.strip()) for t in info.parts[first:])
            elif name in ("tab", "ptab"):
                self._emit(info, " ")
            elif name == "br":
                kind = attr(c, "type")
                if kind == "page":
                    if not self.rendered_pages:
                        self._mark(info)
                else:
                    self._emit(info, "\n")
            elif name == "cr":
                self._emit(info, "\n")
            elif name == "noBreakHyphen":
                self._emit(info, "-")
            elif name == "softHyphen":
                continue
            elif name == "sym":
                self._emit(info, _symbol(attr(c, "char")))
            elif name == "lastRenderedPageBreak":
                if self.rendered_pages:
                    self._mark(info)
            elif name == "fldChar":
                self._field_char(c, info)
            elif name in ("drawing", "pict", "object"):
                info.floats.extend(d for d in c.iter() if local_name(d.tag) == "txbxContent")
            elif name == "AlternateContent":
                self._inline(self._choice(c), info)
            elif name == "txbxContent":
                info.floats.append(c)
            else:  # r, hyperlink, ins, moveTo, smartTag, customXml, sdt/sdtContent, fldSimple...
                self._inline(c, info)

    def _mark(self, info: _Inline) -> None:
        if info.length and "".join(info.parts).strip():
            info.mark_after = True
        else:
            info.mark_before = True

    def _field_char(self, c: etree._Element, info: _Inline) -> None:
        kind = attr(c, "fldCharType")
        if kind == "begin":
            box = child(child(c, "ffData"), "checkBox")
            if box is not None:
                checked = child(box, "checked")
                state = on(checked) if checked is not None else val(box, "default") == "1"
                self._emit(info, "☒" if state else "☐")
            self._fields.append("instr")
        elif kind == "separate":
            if self._fields:
                self._fields[-1] = "result"
        elif kind == "end" and self._fields:
            self._fields.pop()

    # tables --------------------------------------------------------------------------------
    def _rows(self, tbl: etree._Element):
        for c in tbl:
            name = local_name(c.tag)
            if name == "tr":
                if child(child(c, "trPr"), "del") is None:
                    yield c
            elif name in ("sdt", "customXml", "ins"):
                inner = child(c, "sdtContent") if name == "sdt" else c
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr: etree._Element):
        for c in tr:
            name = local_name(c.tag)
            if name == "tc":
                vmerge = child(child(c, "tcPr"), "vMerge")
                if vmerge is not None and attr(vmerge, "val") != "restart":
                    continue  # continuation of a vertically merged cell
                yield c
            elif name in ("sdt", "customXml"):
                inner = child(c, "sdtContent") if name == "sdt" else c
                if inner is not None:
                    yield from self._cells(inner)

    def _table(self, tbl: etree._Element) -> None:
        rows = [list(self._cells(tr)) for tr in self._rows(tbl)]
        if rows and max(len(r) for r in rows) <= 1:
            for row in rows:  # a one-column layout table: its cells are ordinary body text
                for tc in row:
                    self._container(tc)
            return
        lines = []
        for row in rows:
            cells = [self._cell_text(tc) for tc in row]
            line = TABLE_CELL_SEP.join(c for c in cells if c)
            if line:
                lines.append(line)
        if lines:
            self.builder.add_block("\n".join(lines), "table")

    def _cell_text(self, tc: etree._Element) -> str:
        pieces: list[str] = []
        for c in tc:
            name = local_name(c.tag)
            if name == "p":
                info = _Inline()
                self._inline(c, info)
                while self._fields and self._fields[-1] == "instr":
                    self._fields.pop()
                label = self._list_label(child(c, "pPr"), val(child(c, "pPr"), "pStyle"))
                text = _clean("".join(info.parts)).replace("\n", " ")
                for box in info.floats:
                    text += " " + self._cell_text(box)
                if text.strip():
                    pieces.append(f"{label.text}{label.separator}{text}" if label else text)
            elif name == "tbl":
                rows = [
                    TABLE_CELL_SEP.join(
                        t for t in (self._cell_text(x) for x in self._cells(tr)) if t
                    )
                    for tr in self._rows(c)
                ]
                pieces.append("; ".join(r for r in rows if r))
            elif name in ("sdt", "customXml", "ins", "moveTo", "sdtContent", "AlternateContent"):
                inner = (
                    self._choice(c)
                    if name == "AlternateContent"
                    else (child(c, "sdtContent") if name == "sdt" else c)
                )
                if inner is not None:
                    pieces.append(self._cell_text(inner))
        return " ".join(p.strip() for p in pieces if p and p.strip())

    # embedded content ----------------------------------------------------------------------
    def _alt_chunk(self, el: etree._Element) -> None:
        rel = self.package.target(self.part, attr(el, "id") or "")
        if rel is None or rel.external:
            self.warnings.append("an altChunk points to nothing readable; skipped")
            return
        data = self.package.zip.read(rel.target)
        if data is None:
            self.warnings.append(f"the altChunk part {rel.target} is missing; skipped")
            return
        ctype = self.package.content_type(rel.target).lower()
        target = rel.target.lower()
        paragraphs: list[tuple[str, int | None]] = []
        if "wordprocessingml" in ctype or target.endswith((".docx", ".docm")):
            self._embedded_docx(data, rel.target)
            return
        if "html" in ctype or target.endswith((".htm", ".html", ".xhtml")):
            paragraphs = html_paragraphs(data)
        elif "rfc822" in ctype or "mhtml" in ctype or target.endswith((".mht", ".mhtml")):
            markup = mht_html(data)
            paragraphs = html_paragraphs(markup) if markup else []
        elif ctype.startswith("text/plain") or target.endswith(".txt"):
            text, _ = decode_text(data)
            paragraphs = [(chunk, None) for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
        else:
            self.warnings.append(f"an altChunk of type {ctype or target!r} was skipped")
            return
        for text, level in paragraphs:
            self._tick()
            label = parse_label(text)
            kind, lvl = ("heading", level) if level else classify(text, label)
            self.builder.add_block(text, kind, level=lvl, label=label.text if label else None)

    def _embedded_docx(self, data: bytes, part: str) -> None:
        if self.depth + 1 > self.settings.max_embedded_depth:
            self.warnings.append(f"the embedded document {part} is nested too deeply; skipped")
            return
        try:
            package = Package(SafeZip(data, self.source, self.settings), self.source)
            DocxReader(
                package,
                self.source,
                self.settings,
                self.deadline,
                self.builder,
                self.warnings,
                self.depth + 1,
            ).read()
        except (CorruptDocument, DocumentTooLarge) as exc:
            self.warnings.append(f"the embedded document {part} was skipped: {exc.cause}")

    # notes, headers, footers ---------------------------------------------------------------
    def _notes(self, rel_type: str, tag: str) -> None:
        root = self._related_xml(rel_type)
        if root is None:
            return
        n = 0
        for note in children(root, tag):
            if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            self._tick()
            text = self._cell_text(note)
            if text:
                n += 1
                self.builder.add_block(f"{n} {text}", "paragraph", style=tag)

    def _end_section(self, sect: etree._Element) -> None:
        self._sections.append((sect, self._section_start, self.builder.length))
        self._section_start = self.builder.length
        if not self.rendered_pages and (val(sect, "type") or "nextPage") != "continuous":
            self._page_pending = True

    def _furniture(self) -> None:
        seen: set[tuple[str, str, int]] = set()
        for sect, start, end in self._sections:
            for ref in sect:
                name = local_name(ref.tag)
                if name not in _HEADER_TYPES:
                    continue
                rel = self.package.target(self.part, attr(ref, "id") or "")
                if rel is None or rel.external:
                    continue
                try:
                    root = self.package.xml(rel.target)
                except ContractAnalyzerError as exc:
                    self.warnings.append(f"a header or footer was skipped: {exc.cause}")
                    continue
                if root is None:
                    continue
                text = self._cell_text(root)
                kind = "header" if name == "headerReference" else "footer"
                if kind == "header":  # where the section's first block starts
                    offset = min(start + len(PARAGRAPH_SEP), self.builder.length) if start else 0
                else:
                    offset = end
                if text and (kind, text, offset) not in seen:
                    seen.add((kind, text, offset))
                    self.builder.add_furniture_at(kind, text, offset)


def docx_to_document(
    package: Package,
    source: Source,
    settings: Settings,
    deadline: Deadline,
    warnings: list[str],
) -> Document:
    """Read a Word package into a Document."""
    builder = DocumentBuilder()
    label = source.path or "<bytes>"
    reader = DocxReader(package, label, settings, deadline, builder, warnings)
    reader.read()
    warnings.extend(package.zip.warnings)
    warnings.extend(package.warnings)
    return builder.build(source, warnings)
