"""Build the sample contracts (PDF and DOCX) from their source text in ``source/``.

Each source file is a small Markdown-like markup with a YAML front-matter block (see
``source/README.md``).  The builder renders it with reportlab (PDF: running headers and footers,
page numbers, tables, soft hyphenation, two-column pages, an image letterhead) and with
python-docx plus raw WordprocessingML (DOCX: real automatic numbering in ``numbering.xml``, heading
styles, tables, header/footer fields, tracked insertions and deletions).

Both outputs are deterministic: reportlab runs with ``invariant=1`` and the DOCX zip is rewritten
with fixed timestamps, so rebuilding gives identical bytes.

Usage::

    python data/sample_contracts/build.py                 # every contract into data/sample_contracts/
    python data/sample_contracts/build.py c05_mutual_nda  # one contract
    python data/sample_contracts/build.py --out build_out    # elsewhere
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "source"
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_DOCX_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


class SourceError(ValueError):
    """A source file does not follow the markup; the message names the file and line."""


# --------------------------------------------------------------------------------------------
# Source model
# --------------------------------------------------------------------------------------------


@dataclass
class Block:
    """One block of the source: a heading, a numbered or plain paragraph, a table or a directive."""

    # heading | para | bullet | center | table | signatures | pagebreak | restart | layout
    kind: str
    text: str = ""
    level: int = 0  # 1-4 for numbered items, 0 for plain
    numbered: bool = False
    label: str | None = None
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    arg: str = ""
    number: str = ""  # filled by assign_numbers
    line: int = 0


@dataclass
class Contract:
    """A parsed source file: front matter and blocks."""

    id: str
    meta: dict[str, Any]
    blocks: list[Block]
    path: Path

    @property
    def formats(self) -> list[str]:
        return list(self.meta.get("formats", ["pdf"]))


_LABEL = re.compile(r"^\{#([a-z0-9_:-]+)\}\s*")


def parse_source(path: Path) -> Contract:
    """Parse one source file into a :class:`Contract`."""
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---\n"):
        raise SourceError(f"{path}: missing front matter (first line must be ---)")
    end = raw.find("\n---\n", 4)
    if end < 0:
        raise SourceError(f"{path}: front matter is not closed by a --- line")
    meta = yaml.safe_load(raw[4:end]) or {}
    body_start_line = raw[: end + 5].count("\n") + 1
    lines = raw[end + 5 :].split("\n")
    blocks: list[Block] = []
    chunk: list[tuple[int, str]] = []

    def flush() -> None:
        if chunk:
            blocks.append(_parse_block(chunk, path))
            chunk.clear()

    for i, line in enumerate(lines):
        if line.strip() == "":
            flush()
        elif line.startswith("%%"):
            continue  # comment
        else:
            chunk.append((body_start_line + i, line.rstrip()))
    flush()
    return Contract(id=meta.get("id", path.stem), meta=meta, blocks=blocks, path=path)


def _parse_block(chunk: list[tuple[int, str]], path: Path) -> Block:
    line_no, first = chunk[0]
    texts = [t for _, t in chunk]
    if first.startswith("::"):
        directive, _, arg = first[2:].partition(" ")
        if directive in ("table", "signatures"):
            rows = [_split_row(t) for t in texts[1:]]
            widths = [float(w) for w in arg.split(",")] if arg.strip() else []
            if not rows:
                raise SourceError(f"{path}:{line_no}: empty table")
            return Block(kind=directive, rows=rows, widths=widths, line=line_no)
        if directive in ("pagebreak", "restart", "layout"):
            return Block(kind=directive, arg=arg.strip(), line=line_no)
        raise SourceError(f"{path}:{line_no}: unknown directive {first!r}")
    if first.startswith("|"):
        return Block(kind="table", rows=[_split_row(t) for t in texts], line=line_no)
    joined = " ".join(t.strip() for t in texts)
    m = re.match(r"^(#{1,4})(!?)\s+(.*)$", joined)
    if m:
        hashes, bang, rest = m.groups()
        label = None
        lm = _LABEL.match(rest)
        if lm:
            label, rest = lm.group(1), rest[lm.end() :]
        level = len(hashes)
        if bang:
            return Block(kind="heading", text=rest, level=level, numbered=False, line=line_no)
        kind = "heading" if level == 1 else "para"
        return Block(kind=kind, text=rest, level=level, numbered=True, label=label, line=line_no)
    if joined.startswith("- "):
        return Block(kind="bullet", text=joined[2:], line=line_no)
    if joined.startswith("^ "):
        return Block(kind="center", text=joined[2:], line=line_no)
    if joined.startswith("> "):
        return Block(kind="para", text=joined[2:], level=2, numbered=False, line=line_no)
    return Block(kind="para", text=joined, line=line_no)


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


# --------------------------------------------------------------------------------------------
# Numbering and cross references
# --------------------------------------------------------------------------------------------


def _letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def _roman(n: int) -> str:
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def assign_numbers(contract: Contract) -> dict[str, str]:
    """Number the blocks the way Word's multilevel list does and return label -> number."""
    counters = [0, 0, 0, 0]
    labels: dict[str, str] = {}
    flat = contract.meta.get("numbering") == "flat"  # clauses numbered 1., 2., ... without headings
    for b in contract.blocks:
        if b.kind == "restart":
            counters = [0, 0, 0, 0]
            continue
        if not b.numbered:
            continue
        i = b.level - 1
        counters[i] += 1
        for j in range(i + 1, 4):
            counters[j] = 0
        if i == 0:
            b.number = f"{counters[0]}."
            ref = str(counters[0])
        elif i == 1 and flat:
            b.number = f"{counters[1]}."
            ref = str(counters[1])
        elif i == 1:
            b.number = f"{counters[0]}.{counters[1]}"
            ref = b.number
        elif i == 2:
            b.number = f"({_letters(counters[2])})"
            ref = f"{counters[0]}.{counters[1]}{b.number}" if counters[1] else b.number
        else:
            b.number = f"({_roman(counters[3])})"
            ref = b.number
        if b.label:
            if b.label in labels:
                raise SourceError(f"{contract.path}:{b.line}: duplicate label {b.label}")
            labels[b.label] = ref
    return labels


_INLINE = re.compile(r"(\*\*|\*|\{\+|\+\}|\{-|-\}|\[\[[a-z0-9_:-]+\]\])")


def inline_runs(text: str, labels: dict[str, str], where: str) -> list[tuple[str, str]]:
    """Split inline markup into (text, flags) runs; flags hold b (bold), i, + (ins), - (del)."""
    runs: list[tuple[str, str]] = []
    bold = ital = False
    change = ""
    for tok in _INLINE.split(text):
        if tok == "":
            continue
        if tok == "**":
            bold = not bold
        elif tok == "*":
            ital = not ital
        elif tok in ("{+", "{-"):
            change = tok[1]
        elif tok in ("+}", "-}"):
            change = ""
        elif tok.startswith("[["):
            name = tok[2:-2]
            if name not in labels:
                raise SourceError(f"{where}: unknown cross reference [[{name}]]")
            runs.append((labels[name], ("b" if bold else "") + ("i" if ital else "") + change))
        else:
            runs.append((tok, ("b" if bold else "") + ("i" if ital else "") + change))
    if bold or ital or change:
        raise SourceError(f"{where}: unbalanced inline markup in {text[:60]!r}")
    return runs


# --------------------------------------------------------------------------------------------
# PDF (reportlab)
# --------------------------------------------------------------------------------------------

_VOWELS = set("aeiouy")


def soft_hyphenate(word: str) -> str:
    """Insert soft hyphens into a long word at vowel-consonant boundaries (deterministic)."""
    if len(word) < 9 or not word.isalpha():
        return word
    cuts = []
    lower = word.lower()
    for k in range(3, len(word) - 3):
        before, here, after = lower[k - 1] in _VOWELS, lower[k] in _VOWELS, lower[k + 1] in _VOWELS
        v_cv = before and not here and after  # "de|ve"
        vc_c = not before and not here and lower[k - 2] in _VOWELS  # "ver|sion"
        if v_cv or vc_c:
            cuts.append(k)
    out, prev = [], 0
    for k in cuts:
        if k - prev >= 2:
            out.append(word[prev:k])
            prev = k
    out.append(word[prev:])
    return "\xad".join(out)


def accepted_text(contract: Contract) -> str:
    """The final wording, one block per line: markup and tracked deletions removed, insertions kept.

    Tests compare ground-truth evidence with it; numbered blocks start with their number.
    """
    labels = assign_numbers(contract)
    lines = [contract.meta.get("title", "")] + list(contract.meta.get("subtitle", []) or [])
    for b in contract.blocks:
        where = f"{contract.path}:{b.line}"
        cells = [b.text] if b.text else [c for row in b.rows for c in row]
        texts = [
            "".join(t for t, f in inline_runs(c, labels, where) if "-" not in f) for c in cells
        ]
        line = " ".join(t.strip() for t in texts if t.strip())
        if line:
            lines.append(f"{b.number} {line}" if b.number else line)
    return "\n".join(lines)


def fully_deleted(runs: list[tuple[str, str]]) -> bool:
    """True when every non-blank run is a tracked deletion (the whole paragraph was deleted)."""
    return all("-" in flags for text, flags in runs if text.strip())


def runs_to_rl(runs: list[tuple[str, str]], hyphenate: bool) -> str:
    """reportlab paragraph markup of the final (accepted) text of some runs."""
    parts = []
    for text, flags in runs:
        if "-" in flags:
            continue  # a tracked deletion is not part of the final text
        t = html.escape(text, quote=False)
        if hyphenate:
            t = re.sub(r"[A-Za-z]{9,}", lambda m: soft_hyphenate(m.group(0)), t)
        if "b" in flags:
            t = f"<b>{t}</b>"
        if "i" in flags:
            t = f"<i>{t}</i>"
        parts.append(t)
    return "".join(parts)


def letterhead_png(spec: dict[str, Any]) -> bytes:
    """Draw a letterhead as a slightly skewed, speckled greyscale image (a 'scanned' look)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    w, h = 1700, 300
    img = Image.new("L", (w, h), 246)
    d = ImageDraw.Draw(img)
    rng = random.Random(spec.get("seed", 7))
    # logo: a ring with a bar
    d.ellipse((40, 45, 230, 235), outline=40, width=16)
    d.rectangle((118, 20, 152, 260), fill=40)
    d.text((270, 40), spec["name"], fill=25, font=ImageFont.load_default(size=72))
    small = ImageFont.load_default(size=30)
    for k, line in enumerate(spec.get("lines", [])):
        d.text((274, 140 + 40 * k), line, fill=60, font=small)
    d.line((20, 280, w - 20, 280), fill=70, width=5)
    for _ in range(2500):  # scanner speckle
        x, y = rng.randrange(w), rng.randrange(h)
        d.point((x, y), fill=rng.choice((120, 160, 200)))
    img = img.rotate(0.7, resample=Image.BICUBIC, fillcolor=246).filter(
        ImageFilter.GaussianBlur(0.8)
    )
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def build_pdf(contract: Contract, out_path: Path) -> int:
    """Render the contract to PDF; returns the number of pages."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    m = contract.meta
    labels = assign_numbers(contract)
    pagesize = A4 if m.get("page", "letter") == "a4" else LETTER
    serif = m.get("font", "serif") == "serif"
    base = "Times-Roman" if serif else "Helvetica"
    bold = "Times-Bold" if serif else "Helvetica-Bold"
    size = float(m.get("font_size", 11))
    lead = size * 1.32
    hyph = bool(m.get("hyphenate", False))
    justify = TA_JUSTIFY if m.get("justify", True) else TA_LEFT
    margin = float(m.get("margin_in", 1.0)) * inch
    pw, ph = pagesize
    common = dict(
        fontName=base,
        bulletFontName=base,
        fontSize=size,
        leading=lead,
        embeddedHyphenation=1 if hyph else 0,
    )
    styles = {
        "title": ParagraphStyle(
            "title",
            fontName=bold,
            fontSize=size + 5,
            leading=size + 9,
            alignment=TA_CENTER,
            spaceAfter=6,
        ),
        "subtitle": ParagraphStyle("subtitle", **common, alignment=TA_CENTER, spaceAfter=4),
        "h1": ParagraphStyle(
            "h1", **{**common, "fontName": bold}, spaceBefore=10, spaceAfter=5, keepWithNext=1
        ),
        "h1u": ParagraphStyle(
            "h1u",
            **{**common, "fontName": bold, "fontSize": size + 1},
            alignment=TA_CENTER,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2u": ParagraphStyle(
            "h2u", **{**common, "fontName": bold}, spaceBefore=6, spaceAfter=4, keepWithNext=1
        ),
        "p0": ParagraphStyle("p0", **common, alignment=justify, spaceAfter=size * 0.55),
        "center": ParagraphStyle("center", **common, alignment=TA_CENTER, spaceAfter=size * 0.55),
        "cell": ParagraphStyle(
            "cell", **{**common, "fontSize": size - 1.5, "leading": (size - 1.5) * 1.25}
        ),
        "cellh": ParagraphStyle(
            "cellh",
            **{**common, "fontName": bold, "fontSize": size - 1.5, "leading": (size - 1.5) * 1.25},
        ),
    }
    indent = size * float(m.get("indent_factor", 3.2))
    for lvl in (1, 2, 3, 4):
        styles[f"p{lvl}"] = ParagraphStyle(
            f"p{lvl}",
            **common,
            alignment=justify,
            spaceAfter=size * 0.55,
            leftIndent=indent * max(lvl - 1, 1) if lvl > 1 else indent,
            bulletIndent=indent * max(lvl - 2, 0) if lvl > 1 else 0,
            firstLineIndent=0,
        )
    styles["bullet"] = ParagraphStyle(
        "bullet",
        **common,
        alignment=justify,
        spaceAfter=size * 0.4,
        leftIndent=indent * 1.5,
        bulletIndent=indent,
    )
    styles["indent2"] = ParagraphStyle(
        "indent2", **common, alignment=justify, spaceAfter=size * 0.55, leftIndent=indent
    )
    article = m.get("numbering", "decimal") == "article"

    def rl(text: str, where: str) -> str:
        return runs_to_rl(inline_runs(text, labels, where), hyph)

    def make_story() -> list[Any]:
        """Fresh flowables: platypus mutates them while laying out, so each pass needs its own."""
        story: list[Any] = []
        if m.get("title"):
            story.append(Paragraph(rl(m["title"], "title"), styles["title"]))
            for sub in m.get("subtitle", []) or []:
                story.append(Paragraph(rl(sub, "subtitle"), styles["subtitle"]))
            story.append(Spacer(1, size))
        for b in contract.blocks:
            where = f"{contract.path}:{b.line}"
            if b.text and fully_deleted(inline_runs(b.text, labels, where)):
                continue  # a tracked deletion of a whole paragraph is not in the final text
            if b.kind == "heading":
                if b.numbered:
                    num = (
                        f"ARTICLE {b.number.rstrip('.')} \u2013 "
                        if article
                        else b.number + "\u00a0\u00a0"
                    )
                    story.append(Paragraph(num + rl(b.text, where), styles["h1"]))
                else:
                    story.append(
                        Paragraph(rl(b.text, where), styles["h1u" if b.level == 1 else "h2u"])
                    )
            elif b.kind == "para":
                if b.numbered:
                    story.append(
                        Paragraph(rl(b.text, where), styles[f"p{b.level}"], bulletText=b.number)
                    )
                elif b.level == 2:
                    story.append(Paragraph(rl(b.text, where), styles["indent2"]))
                else:
                    story.append(Paragraph(rl(b.text, where), styles["p0"]))
            elif b.kind == "bullet":
                story.append(Paragraph(rl(b.text, where), styles["bullet"], bulletText="\u2022"))
            elif b.kind == "center":
                story.append(Paragraph(rl(b.text, where), styles["center"]))
            elif b.kind in ("table", "signatures"):
                story.append(_rl_table(b, rl, where, styles))
                story.append(Spacer(1, size * 0.6))
            elif b.kind == "pagebreak":
                story.append(PageBreak())
            elif b.kind == "layout":
                story.append(NextPageTemplate(b.arg))
                story.append(PageBreak())
        return story

    header_l = m.get("header_left", "")
    header_r = m.get("header_right", "")
    footer_l = m.get("footer_left", "")
    page_fmt = m.get("page_numbers", "Page {page} of {pages}")
    first_header = m.get("header_first_page", True)
    letter = m.get("letterhead")
    lh_img = ImageReader(io.BytesIO(letterhead_png(letter))) if letter else None
    lh_height = 0.75 * inch if letter else 0

    def decorate(canvas: Any, doc: Any, total: list[int]) -> None:
        canvas.saveState()
        hs = size - 2.5
        page = doc.page
        if lh_img is not None and page == 1:
            iw = pw - 2 * margin * 0.6
            canvas.drawImage(
                lh_img, margin * 0.6, ph - 0.25 * inch - iw * 300 / 1700, iw, iw * 300 / 1700
            )
        if (header_l or header_r) and (page > 1 or first_header):
            canvas.setFont(base, hs)
            canvas.drawString(margin, ph - margin * 0.55, header_l)
            canvas.drawRightString(pw - margin, ph - margin * 0.55, header_r)
            canvas.setLineWidth(0.4)
            canvas.line(margin, ph - margin * 0.55 - 4, pw - margin, ph - margin * 0.55 - 4)
        canvas.setFont(base, hs)
        if footer_l:
            canvas.drawString(margin, margin * 0.5, footer_l)
        if page_fmt:
            canvas.drawRightString(
                pw - margin, margin * 0.5, page_fmt.format(page=page, pages=total[0])
            )
        canvas.restoreState()

    def make_doc(buf: io.BytesIO, total: list[int]) -> Any:
        doc = BaseDocTemplate(
            buf,
            pagesize=pagesize,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            title=m.get("pdf_title", m.get("title", contract.id)),
            author=m.get("author", ""),
            subject=m.get("subject", ""),
            creator="sample_contracts/build.py",
            invariant=1,
        )
        fw, fh = pw - 2 * margin, ph - 2 * margin
        first = Frame(margin, margin, fw, fh - lh_height, id="first", showBoundary=0)
        one = Frame(margin, margin, fw, fh, id="one")
        gap = 0.3 * inch
        cw = (fw - gap) / 2
        left = Frame(margin, margin, cw, fh, id="left")
        right = Frame(margin + cw + gap, margin, cw, fh, id="right")

        def on_page(c: Any, d: Any) -> None:
            decorate(c, d, total)

        doc.addPageTemplates(
            [
                PageTemplate(
                    id="first", frames=[first], onPage=on_page, autoNextPageTemplate="onecol"
                ),
                PageTemplate(id="onecol", frames=[one], onPage=on_page),
                PageTemplate(id="twocol", frames=[left, right], onPage=on_page),
            ]
        )
        return doc

    total = [0]
    buf = io.BytesIO()
    doc = make_doc(buf, total)
    doc.build(make_story())
    total[0] = doc.page
    buf = io.BytesIO()
    doc = make_doc(buf, total)
    doc.build(make_story())
    out_path.write_bytes(buf.getvalue())
    return total[0]


def _rl_table(b: Block, rl: Any, where: str, styles: dict[str, Any]) -> Any:
    """A reportlab table of Paragraph cells: ruled with a shaded header, or borderless signatures."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    sig = b.kind == "signatures"
    rows = []
    for r, row in enumerate(b.rows):
        st = styles["cellh"] if (r == 0 and not sig) else styles["cell"]
        rows.append([Paragraph(rl(c, where), st) for c in row])
    ncols = max(len(r) for r in rows)
    for r in rows:
        while len(r) < ncols:
            r.append("")
    widths = None
    if b.widths:
        total = sum(b.widths)
        widths = [f"{w / total * 100:.2f}%" for w in b.widths]
    t = Table(rows, colWidths=widths, repeatRows=0 if sig else 1, hAlign="LEFT")
    if sig:
        t.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3)])
        )
    else:
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
    return t


# --------------------------------------------------------------------------------------------
# DOCX (python-docx + raw WordprocessingML)
# --------------------------------------------------------------------------------------------


def _abstract_num_xml(abstract_id: int, article: bool, flat: bool = False) -> str:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    lvl0_text = "Article %1" if article else "%1."
    levels = [
        (0, "decimal", lvl0_text, 0, 567, "<w:rPr><w:b/></w:rPr>"),
        (1, "decimal", "%2." if flat else "%1.%2", 567, 567, ""),
        (2, "lowerLetter", "(%3)", 1134, 567, ""),
        (3, "lowerRoman", "(%4)", 1701, 567, ""),
    ]
    lv = []
    for ilvl, fmt, text, left, hang, rpr in levels:
        ind_left = left + hang
        if ilvl == 0 and article:
            ind_left, hang = 1418, 1418
        lv.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{ind_left}" w:hanging="{hang}"/></w:pPr>{rpr}</w:lvl>'
        )
    return (
        f'<w:abstractNum {w} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(lv)}</w:abstractNum>'
    )


def _num_xml(num_id: int, abstract_id: int, restart: bool) -> str:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    over = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    )
    return f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>'


def build_docx(contract: Contract, out_path: Path) -> None:
    """Render the contract to DOCX with real Word numbering and tracked changes."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Inches, Mm, Pt, RGBColor

    m = contract.meta
    labels = assign_numbers(contract)
    article = m.get("numbering", "decimal") == "article"
    d = docx.Document()
    sec = d.sections[0]
    if m.get("page", "letter") == "a4":
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    else:
        sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Inches(float(m.get("margin_in", 1.0))))
    font_name = m.get("docx_font", "Calibri")
    size = Pt(float(m.get("docx_font_size", 11)))
    normal = d.styles["Normal"]
    normal.font.name = font_name
    normal.font.size = size
    normal.paragraph_format.space_after = Pt(6)
    for name, pt in (("Title", 20), ("Heading 1", 12), ("Heading 2", 11)):
        st = d.styles[name]
        st.font.name = font_name
        st.font.size = Pt(pt)
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.bold = True
        rfonts = st.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)

    numbering = d.part.numbering_part.element
    abstract_id = 90
    existing = numbering.findall(qn("w:abstractNum"))
    anchor = existing[-1] if existing else None
    absnum = parse_xml(_abstract_num_xml(abstract_id, article, m.get("numbering") == "flat"))
    if anchor is not None:
        anchor.addnext(absnum)
    else:
        numbering.insert(0, absnum)
    num_ids: list[int] = []

    def new_num(restart: bool) -> int:
        num_id = 90 + len(num_ids)
        numbering.append(parse_xml(_num_xml(num_id, abstract_id, restart)))
        num_ids.append(num_id)
        return num_id

    current_num = new_num(False)
    change_id = [100]
    author = m.get("tracked_author", "Reviewer")
    when = str(m.get("tracked_date", "2024-01-01T09:00:00Z"))

    def add_runs(p: Any, text: str, where: str) -> None:
        for t, flags in inline_runs(text, labels, where):
            if "+" in flags or "-" in flags:
                change_id[0] += 1
                wrap = OxmlElement("w:ins" if "+" in flags else "w:del")
                wrap.set(qn("w:id"), str(change_id[0]))
                wrap.set(qn("w:author"), author)
                wrap.set(qn("w:date"), when)
                r = OxmlElement("w:r")
                if "b" in flags or "i" in flags:
                    rpr = OxmlElement("w:rPr")
                    if "b" in flags:
                        rpr.append(OxmlElement("w:b"))
                    if "i" in flags:
                        rpr.append(OxmlElement("w:i"))
                    r.append(rpr)
                tt = OxmlElement("w:delText" if "-" in flags else "w:t")
                tt.set(qn("xml:space"), "preserve")
                tt.text = t
                r.append(tt)
                wrap.append(r)
                p._p.append(wrap)
            else:
                run = p.add_run(t)
                run.bold = "b" in flags or None
                run.italic = "i" in flags or None

    def mark_deleted(p: Any) -> None:
        """Mark the paragraph mark itself as deleted, as Word does when a whole paragraph is cut."""
        change_id[0] += 1
        rpr = OxmlElement("w:rPr")
        mark = OxmlElement("w:del")
        mark.set(qn("w:id"), str(change_id[0]))
        mark.set(qn("w:author"), author)
        mark.set(qn("w:date"), when)
        rpr.append(mark)
        p._p.get_or_add_pPr().append(rpr)

    def set_num(p: Any, level: int) -> None:
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = current_num

    if m.get("title"):
        d.add_paragraph(m["title"], style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
        for sub in m.get("subtitle", []) or []:
            p = d.add_paragraph()
            add_runs(p, sub, "subtitle")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for b in contract.blocks:
        where = f"{contract.path}:{b.line}"
        if b.kind == "heading":
            p = d.add_paragraph(style="Heading 1" if b.level == 1 else "Heading 2")
            add_runs(p, b.text, where)
            if b.numbered:
                set_num(p, 0)
            elif b.level == 1:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind == "para":
            p = d.add_paragraph()
            add_runs(p, b.text, where)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if b.numbered:
                set_num(p, b.level - 1)
            elif b.level == 2:
                p.paragraph_format.left_indent = Inches(0.79)
            if fully_deleted(inline_runs(b.text, labels, where)):
                mark_deleted(p)
        elif b.kind == "bullet":
            p = d.add_paragraph(style="List Bullet")
            add_runs(p, b.text, where)
        elif b.kind == "center":
            p = d.add_paragraph()
            add_runs(p, b.text, where)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind in ("table", "signatures"):
            ncols = max(len(r) for r in b.rows)
            t = d.add_table(rows=len(b.rows), cols=ncols)
            t.alignment = WD_TABLE_ALIGNMENT.LEFT
            if b.kind == "table":
                t.style = d.styles["Table Grid"]
            for r, row in enumerate(b.rows):
                for c in range(ncols):
                    cell = t.cell(r, c)
                    para = cell.paragraphs[0]
                    add_runs(para, row[c] if c < len(row) else "", where)
                    if r == 0 and b.kind == "table":
                        for run in para.runs:
                            run.bold = True
            if b.widths:
                total_w = sum(b.widths)
                avail = sec.page_width - sec.left_margin - sec.right_margin
                for c, wv in enumerate(b.widths[:ncols]):
                    for cell in t.columns[c].cells:
                        cell.width = int(avail * wv / total_w)
            d.add_paragraph()
        elif b.kind == "pagebreak":
            d.add_page_break()
        elif b.kind == "restart":
            current_num = new_num(True)
        elif b.kind == "layout":
            d.add_page_break()

    header_text = " \u2014 ".join(x for x in (m.get("header_left"), m.get("header_right")) if x)
    if header_text:
        hp = sec.header.paragraphs[0]
        hp.text = header_text
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    if m.get("footer_left"):
        fp.add_run(m["footer_left"] + "\t\t")
    fp.add_run("Page ")
    fp._p.append(_field("PAGE"))
    fp.add_run(" of ")
    fp._p.append(_field("NUMPAGES"))

    cp = d.core_properties
    cp.title = m.get("pdf_title", m.get("title", contract.id))
    cp.author = m.get("author", "")
    cp.subject = m.get("subject", "")
    cp.last_modified_by = m.get("author", "")
    cp.revision = 1
    cp.created = FIXED_DOCX_TIME
    cp.modified = FIXED_DOCX_TIME
    cp.last_printed = FIXED_DOCX_TIME
    cp.comments = ""
    cp.keywords = ""
    buf = io.BytesIO()
    d.save(buf)
    out_path.write_bytes(_normalise_zip(buf.getvalue()))


def _field(instr: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'w:instr="{instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and stable order so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def source_files() -> list[Path]:
    """All contract source files, sorted."""
    return sorted(p for p in SOURCE_DIR.glob("*.md") if p.name != "README.md")


def build_contract(path: Path, out_dir: Path, formats: list[str] | None = None) -> list[Path]:
    """Build one source file into ``out_dir``; returns the written files."""
    contract = parse_source(path)
    written = []
    for fmt in formats or contract.formats:
        out = out_dir / f"{contract.id}.{fmt}"
        if fmt == "pdf":
            build_pdf(contract, out)
        elif fmt == "docx":
            build_docx(contract, out)
        else:
            raise SourceError(f"{path}: unknown format {fmt}")
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("ids", nargs="*", help="contract ids (source file stems); default: all")
    ap.add_argument(
        "--out", type=Path, default=HERE, help="output folder (default: beside this script)"
    )
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    paths = source_files()
    if args.ids:
        wanted = set(args.ids)
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            print(f"unknown contract ids: {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    for p in paths:
        for out in build_contract(p, args.out):
            print(f"{out.name}  {out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
