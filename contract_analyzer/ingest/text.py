"""Plain-text contracts: decoding, and paragraphs and headings from the line structure.

Encodings: a byte-order mark wins (UTF-8, UTF-16, UTF-32); then UTF-16 without a BOM is
recognised by its zero bytes; then strict UTF-8; then Windows-1252 (a superset of Latin-1 for
printable text), and Latin-1 as the last resort, which decodes anything.

Paragraphs are separated by blank lines. Inside a block of consecutive lines, a new paragraph
starts at a numbering label after a finished sentence, around an all-capitals title, or after
a short line; lines of a hard-wrapped paragraph are joined (mending hyphenated words). Form
feeds separate pages.
"""

from __future__ import annotations

import re
import unicodedata

from contract_analyzer.document import Document, Source
from contract_analyzer.ingest.builder import DocumentBuilder
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.headings import classify, parse_label
from contract_analyzer.ingest.reflow import join_lines, vocabulary
from contract_analyzer.text.sentences import ends_sentence

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")
_BROKEN_WORD = re.compile(r"[^\W\d_][-\u00ad\u2010]$")
_BLANK = re.compile(r"\n[ \t\v]*\n")


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def looks_like_text(sample: bytes) -> bool:
    """Whether bytes read as human text in some common encoding (few control characters)."""
    if not sample:
        return False
    for bom, _ in _BOMS:
        if sample.startswith(bom):
            return True
    if _utf16_without_bom(sample[:4096]):
        text, _ = decode_text(sample[: len(sample) // 2 * 2])
    elif b"\x00" in sample:
        return False
    else:
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start >= len(sample) - 3:  # a character cut at the end of the sample
                text = sample[: exc.start].decode("utf-8", errors="replace")
            else:
                text = sample.decode("cp1252", errors="replace")
    if not text:
        return False
    controls = sum(
        1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cs")
    )
    replaced = text.count("\ufffd")
    return (controls + replaced) <= 0.01 * len(text)


def _is_caps_title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(line.split()) <= 12


def _split_chunk(lines: list[str]) -> list[list[str]]:
    """Paragraphs inside a block of consecutive non-blank lines."""
    if len(lines) == 1:
        return [lines]
    width = max(len(line) for line in lines)
    if min(len(line) for line in lines) > 120:
        return [[line] for line in lines]  # one paragraph per line, no blank lines between
    paragraphs: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:], strict=False):
        if _BROKEN_WORD.search(prev[-3:]) and line[:1].islower():
            paragraphs[-1].append(line)  # a word hyphenated across the line break
            continue
        label = parse_label(line)
        short = len(prev) < 0.6 * max(width, 40)
        ends = ends_sentence(prev)
        new = (
            (
                label is not None
                and (ends or short or label.kind in ("article", "exhibit", "bullet"))
            )
            or _is_caps_title(prev) != _is_caps_title(line)
            or short
        )
        if new:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


_NUMBER_ONLY = re.compile(r"^(?:page\s+)?[-–—]?\s*(\d{1,4})\s*[-–—]?\.?$", re.I)


def _page_numbers(items: list[tuple[str, str]]) -> set[int]:
    """Indexes of lone-number paragraphs that continue a sequence (old page numbers)."""
    found = [
        (i, int(m.group(1)))
        for i, (kind, text) in enumerate(items)
        if kind == "para" and (m := _NUMBER_ONLY.match(text))
    ]
    out = set()
    for k, (i, value) in enumerate(found):
        before = found[k - 1][1] if k > 0 else None
        after = found[k + 1][1] if k + 1 < len(found) else None
        if before == value - 1 or after == value + 1:
            out.add(i)
    return out


def text_to_document(
    text: str, source: Source, warnings: list[str], deadline: Deadline | None = None
) -> Document:
    """A Document from plain text (pages split at form feeds, old page numbers set aside)."""
    text = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").lstrip("\ufeff").rstrip()
    )
    vocab = vocabulary(text.splitlines())
    items: list[tuple[str, str]] = []  # ("page", "") or ("para", text)
    for page_text in text.split("\f"):
        items.append(("page", ""))
        for i, chunk in enumerate(_BLANK.split(page_text)):
            if deadline is not None and not i % 256:
                deadline.check()
            lines = [line.strip() for line in chunk.split("\n") if line.strip()]
            for para_lines in _split_chunk(lines) if lines else ():
                items.append(("para", join_lines(para_lines, vocab)[0]))
    numbers = _page_numbers(items)
    # each paragraph: its text pieces, with page breaks and page numbers met between them
    paragraphs: list[list[str | tuple[str, str]]] = []
    pending: list[tuple[str, str]] = []
    page = 0
    for i, (kind, body) in enumerate(items):
        if kind == "page":
            page += 1
            pending.append(("page", str(page)))
        elif i in numbers:
            pending.append(("number", body))
        else:
            last = (
                next((x for x in reversed(paragraphs[-1]) if isinstance(x, str)), "")
                if paragraphs
                else ""
            )
            crosses_number = any(kind_ == "number" for kind_, _ in pending)
            if crosses_number and last and not ends_sentence(last) and body[:1].islower():
                paragraphs[-1].extend(pending)  # the clause runs on across an old page number
                paragraphs[-1].append(body)
            else:
                paragraphs.append([*pending, body])
            pending = []
    builder = DocumentBuilder()
    for pieces in [*paragraphs, pending]:
        started = False
        joined = " ".join(p for p in pieces if isinstance(p, str))
        for piece in pieces:
            if isinstance(piece, str):
                if not started:
                    builder.begin_block()
                    started = True
                    builder.write(piece)
                else:
                    builder.write(" " + piece)
            elif piece[0] == "page":
                builder.begin_page(int(piece[1]))
            else:
                builder.add_furniture_at("page_number", piece[1], builder.length)
        if started:
            label = parse_label(joined)
            kind, level = classify(joined, label)
            builder.end_block(kind, level=level, label=label.text if label else None)
    return builder.build(source, warnings)
