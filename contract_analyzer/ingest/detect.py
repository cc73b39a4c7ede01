"""What a file really is, judged from its bytes, never from its name.

Order matters: OLE2 and ZIP signatures are checked at offset 0 before looking for a PDF
header (a stored PDF inside a ZIP has ``%PDF-`` in its first kilobyte), and a legacy Word
file that happens to embed a ZIP is still an OLE2 file. Anything we cannot read is refused
with :class:`UnsupportedFormat` naming what it is (a spreadsheet, a legacy .doc, an image...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contract_analyzer.document import Format
from contract_analyzer.errors import EmptyDocument, EncryptedDocument, UnsupportedFormat
from contract_analyzer.ingest.opc import WORD_MAIN_TYPES, Package
from contract_analyzer.ingest.safezip import SafeZip
from contract_analyzer.ingest.text import looks_like_text
from contract_analyzer.settings import Settings

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
SAVE_AS = "save it as PDF or DOCX"

# leading bytes -> what the file is
_BINARY_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
)
# scans read by OCR (ingest/image.py)
_IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_OLE_STREAMS: tuple[tuple[str, str], ...] = (
    ("WordDocument", "a legacy Word 97-2003 document (.doc), not .docx"),
    ("Workbook", "a legacy Excel spreadsheet (.xls)"),
    ("Book", "a legacy Excel spreadsheet (.xls)"),
    ("PowerPoint Document", "a legacy PowerPoint presentation (.ppt)"),
    ("__substg1.0_", "an Outlook message (.msg)"),
)
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/", "an Excel spreadsheet (.xlsx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
    ("visio/", "a Visio drawing (.vsdx)"),
    ("META-INF/container.xml", "an e-book (.epub)"),
    ("META-INF/MANIFEST.MF", "a Java archive (.jar)"),
    ("AndroidManifest.xml", "an Android package (.apk)"),
)
_ODF = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text file (.odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
}


@dataclass
class Sniffed:
    """The detected format, with the opened package for DOCX and notes for the Document."""

    format: Format
    package: Package | None = None
    warnings: list[str] = field(default_factory=list)


def sniff(data: bytes, source: str, settings: Settings) -> Sniffed:
    """Classify ``data`` as pdf, docx, image (PNG, JPEG, TIFF) or txt, or raise naming what it is."""
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise EmptyDocument(
            source, "the file is empty" if not data else "the file holds only blank space"
        )
    head = data[:1024]
    if data.startswith(OLE2_MAGIC):
        error = _ole_error(data, source)
        if error is None:
            return Sniffed("doc")  # converted by LibreOffice (ingest/convert.py)
        raise error
    if data.startswith(ZIP_MAGICS):
        return _sniff_zip(data, source, settings)
    if b"%PDF-" in head:
        return Sniffed("pdf")
    if data.startswith(_IMAGE_MAGICS):
        return Sniffed("image")
    if data.startswith(b"{\\rtf"):
        return Sniffed("rtf")
    if data.startswith(b"\xffWPC"):
        return Sniffed("wpd")
    for magic, what in _BINARY_MAGICS:
        if data.startswith(magic):
            raise UnsupportedFormat(source, f"this is {what}, not a PDF, DOCX or text; {SAVE_AS}")
    sample = data[:65536]
    if _PDF_OBJECT.search(sample) and (b"endobj" in sample or b"trailer" in sample):
        return Sniffed("pdf", warnings=["the PDF has no %PDF header; read it anyway"])
    if looks_like_text(sample):
        lowered = sample[:512].lstrip().lower()
        if lowered.startswith((b"<!doctype html", b"<html")):
            raise UnsupportedFormat(source, f"this is an HTML page, not a PDF or DOCX; {SAVE_AS}")
        if lowered.startswith(b"<?xml"):
            raise UnsupportedFormat(source, f"this is an XML file, not a PDF or DOCX; {SAVE_AS}")
        return Sniffed("txt")
    raise UnsupportedFormat(
        source, "unrecognised binary content: not a PDF, DOCX or plain-text document"
    )


def _ole_error(data: bytes, source: str) -> Exception | None:
    """OLE2 compound files: encrypted Office documents or legacy binary formats (None for a
    legacy Word document, which LibreOffice converts)."""

    def holds(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if holds("EncryptedPackage") or holds("EncryptionInfo"):
        return EncryptedDocument(
            source,
            "this is a password-protected (encrypted) Office document; encrypted Office "
            "files cannot be opened here: remove the password in Word and save again",
        )
    if holds("WordDocument"):
        return None
    for stream, what in _OLE_STREAMS:
        if holds(stream):
            return UnsupportedFormat(source, f"this is {what}; {SAVE_AS}")
    return UnsupportedFormat(
        source, f"this is an OLE2 compound file (a legacy Office format); {SAVE_AS}"
    )


def _sniff_zip(data: bytes, source: str, settings: Settings) -> Sniffed:
    zip_ = SafeZip(data, source, settings)
    names = zip_.names()
    if not names:
        raise UnsupportedFormat(source, "this is an empty ZIP archive, not a Word document")
    package = Package(zip_, source)
    main = package.main_part()
    if main is not None and main.lower().startswith("word/") or _word_type(package, main):
        note = WORD_MAIN_TYPES.get(package.content_type(main or ""), "")
        return Sniffed("docx", package, warnings=[f"this is {note}"] if note else [])
    mimetype = zip_.read("mimetype") if zip_.has("mimetype") else None
    if mimetype:
        kind = mimetype.decode("ascii", "replace").strip()
        if kind == "application/vnd.oasis.opendocument.text":
            return Sniffed("odt")
        what = _ODF.get(kind, f"an OpenDocument file ({kind})")
        raise UnsupportedFormat(source, f"this is {what}, not a Word document; {SAVE_AS}")
    for prefix, what in _ZIP_KINDS:
        if any(name.startswith(prefix) for name in names):
            raise UnsupportedFormat(source, f"this is {what}, not a Word document")
    if main is None and not zip_.has("[Content_Types].xml"):
        raise UnsupportedFormat(source, "this is a ZIP archive, not a Word document")
    raise UnsupportedFormat(
        source, "this is an Office package without a Word document part (no word/document.xml)"
    )


def _word_type(package: Package, main: str | None) -> bool:
    return main is not None and package.content_type(main) in WORD_MAIN_TYPES
