"""``load_document``: any supported file (or bytes) to a :class:`Document`, or a clear error.

The contract with callers: for any input whatsoever, within ``seconds_per_document`` and the
size limits of :class:`Settings`, either a Document with non-empty text is returned or a
:class:`ContractAnalyzerError` subclass is raised whose message names the file and the cause
in plain words. Nothing else escapes (a last-resort net turns an unexpected library failure
into :class:`CorruptDocument`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from contract_analyzer.document import Document, Source
from contract_analyzer.errors import (
    ContractAnalyzerError,
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    FileNotReadable,
    NoTextLayer,
    ProcessingTimeout,
)
from contract_analyzer.ingest.convert import LEGACY_KINDS, convert_to_docx
from contract_analyzer.ingest.deadline import Deadline, enforced
from contract_analyzer.ingest.detect import sniff
from contract_analyzer.ingest.docx import docx_to_document
from contract_analyzer.ingest.image import image_to_document
from contract_analyzer.ingest.layout import pages_to_document
from contract_analyzer.ingest.lines import PageLines
from contract_analyzer.ingest.ocr import INSTALL_HINT, PageText, require_engine, tesseract_path
from contract_analyzer.ingest.ocr_pages import (
    apply_ocr,
    attach_ocr,
    low_confidence_note,
    needs_ocr,
    read_images,
    render_pages,
    with_images,
)
from contract_analyzer.ingest.pdf import captured_library_warnings, summarize_warnings
from contract_analyzer.ingest.text import decode_text, text_to_document
from contract_analyzer.settings import Settings, default_settings

PathOrBytes = str | os.PathLike | bytes | bytearray | memoryview | BinaryIO
_SUFFIX_FORMATS = {
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".txt": "txt",
    ".text": "txt", ".doc": "doc", ".rtf": "rtf", ".odt": "odt", ".wpd": "wpd", ".png": "image", ".jpg": "image", ".jpeg": "image",
    ".tif": "image", ".tiff": "image",
}  # fmt: skip


def _read_input(obj: PathOrBytes, settings: Settings) -> tuple[bytes, str | None]:
    limit = settings.max_file_bytes
    if isinstance(obj, (bytes, bytearray, memoryview)):
        data = bytes(obj)
        if len(data) > limit:
            raise DocumentTooLarge(None, _too_big(len(data), limit))
        return data, None
    if isinstance(obj, (str, os.PathLike)):
        path = os.fspath(obj)
        label = str(path)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise FileNotReadable(label, "no such file") from None
        except OSError as exc:
            raise FileNotReadable(label, f"cannot be opened ({exc.strerror or exc})") from None
        if os.path.isdir(path):
            raise FileNotReadable(label, "this is a folder, not a file")
        if st.st_size > limit:
            raise DocumentTooLarge(label, _too_big(st.st_size, limit))
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise FileNotReadable(label, f"cannot be read ({exc.strerror or exc})") from None
        if len(data) > limit:
            raise DocumentTooLarge(label, _too_big(len(data), limit))
        return data, label
    if hasattr(obj, "read"):
        name = getattr(obj, "name", None)
        label = name if isinstance(name, str) else None
        try:
            data = obj.read(limit + 1)
        except OSError as exc:
            raise FileNotReadable(label, f"cannot be read ({exc})") from None
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("load_document needs a binary file object (opened with 'rb')")
        if len(data) > limit:
            raise DocumentTooLarge(label, _too_big(len(data), limit))
        return bytes(data), label
    raise TypeError(f"load_document takes a path, bytes or a binary file, not {type(obj).__name__}")


def _too_big(size: int, limit: int) -> str:
    return (
        f"the file is {size / 2**20:,.1f} MB, over the limit of {limit / 2**20:,.1f} MB "
        "(setting max_file_bytes)"
    )


def load_document(
    path_or_bytes: PathOrBytes,
    *,
    settings: Settings | None = None,
    password: str | None = None,
) -> Document:
    """Read a PDF, DOCX, plain-text, image or legacy word-processor contract into a Document.

    Scanned pages and images are read by OCR (Tesseract); .doc, .rtf, .odt and .wpd files
    are converted to DOCX by LibreOffice when it is installed.

    The format is detected from the content. ``password`` opens encrypted PDFs. Limits
    (file size, pages, inflated size, seconds) come from ``settings`` (defaults:
    :func:`default_settings`). Raises a :class:`ContractAnalyzerError` subclass naming the
    file and the cause when the file cannot be read as a contract.
    """
    settings = settings or default_settings()
    data, path = _read_input(path_or_bytes, settings)
    label = path or "<bytes>"
    deadline = Deadline(settings.seconds_per_document, label)
    try:
        with enforced(deadline, preemptive=settings.preemptive_timeout):
            doc = _load(data, path, label, settings, password, deadline)
    except ProcessingTimeout:
        raise
    except ContractAnalyzerError:
        if deadline.expired:
            raise deadline.error() from None
        raise
    except RecursionError:
        raise CorruptDocument(label, "the file's structure is nested too deeply to read") from None
    except MemoryError:
        raise DocumentTooLarge(
            label, "reading the file needs more memory than is available"
        ) from None
    except Exception as exc:  # noqa: BLE001 - the last-resort net: nothing but our errors escapes
        if deadline.expired:
            raise deadline.error() from None
        raise CorruptDocument(
            label, f"the file could not be read ({type(exc).__name__}: {str(exc)[:160]})"
        ) from None
    if len(doc.text) > settings.max_text_chars:
        raise DocumentTooLarge(
            label,
            f"the text has {len(doc.text):,} characters, over the limit of "
            f"{settings.max_text_chars:,} (setting max_text_chars)",
        )
    return doc


def _load(
    data: bytes,
    path: str | None,
    label: str,
    settings: Settings,
    password: str | None,
    deadline: Deadline,
) -> Document:
    sniffed = sniff(data, label, settings)
    warnings = list(sniffed.warnings)
    suffix = Path(path).suffix.lower() if path else ""
    named = _SUFFIX_FORMATS.get(suffix)
    if named and named != sniffed.format:
        warnings.append(f"named {suffix} but the content is {sniffed.format.upper()}")
    source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format=sniffed.format,
        size_bytes=len(data),
        page_count=0,
    )
    if sniffed.format == "pdf":
        doc = _load_pdf(data, label, source, settings, password, deadline, warnings)
    elif sniffed.format == "docx":
        assert sniffed.package is not None
        doc = docx_to_document(
            sniffed.package,
            dataclasses.replace(source, engine="wordml"),
            settings,
            deadline,
            warnings,
        )
    elif sniffed.format in LEGACY_KINDS:
        converted = convert_to_docx(data, sniffed.format, label, deadline, settings.max_file_bytes)
        package = sniff(converted, label, settings).package
        if package is None:
            raise CorruptDocument(label, "LibreOffice did not produce a Word document")
        warnings.append(f"converted from .{sniffed.format} to DOCX with LibreOffice")
        doc = docx_to_document(
            package, dataclasses.replace(source, engine="soffice+wordml"), settings, deadline,
            warnings,
        )  # fmt: skip
    elif sniffed.format == "image":
        doc = image_to_document(data, source, settings, deadline, warnings)
    else:
        text, encoding = decode_text(data)
        doc = text_to_document(
            text, dataclasses.replace(source, engine=f"text/{encoding}"), warnings, deadline
        )
    if not doc.text.strip():
        raise EmptyDocument(label, "the document contains no text")
    return dataclasses.replace(
        doc, source=dataclasses.replace(doc.source, page_count=len(doc.pages))
    )


def _recoverable(exc: ContractAnalyzerError) -> bool:
    """Damage (or an unreadable security handler) that the other PDF engine may get past."""
    if isinstance(exc, CorruptDocument):
        return True
    return isinstance(exc, EncryptedDocument) and "password" not in exc.cause


def _load_pdf(
    data: bytes,
    label: str,
    source: Source,
    settings: Settings,
    password: str | None,
    deadline: Deadline,
    warnings: list[str],
) -> Document:
    engine = "pdfium" if settings.pdf_engine == "pdfium" else "pdfplumber"
    try:
        return _load_pdf_with(engine, data, label, source, settings, password, deadline, warnings)
    except ContractAnalyzerError as exc:
        if not settings.pdf_fallback or not _recoverable(exc):
            raise
        other = "pdfplumber" if engine == "pdfium" else "pdfium"
        retry = [*warnings, f"{engine} could not read it ({exc.cause}); read with {other} instead"]
        try:
            return _load_pdf_with(other, data, label, source, settings, password, deadline, retry)
        except ContractAnalyzerError as second:
            if isinstance(second, ProcessingTimeout):
                raise
            raise exc from None


def _load_pdf_with(
    engine: str,
    data: bytes,
    label: str,
    source: Source,
    settings: Settings,
    password: str | None,
    deadline: Deadline,
    warnings: list[str],
) -> Document:
    warnings = list(warnings)
    if engine == "pdfium":
        from contract_analyzer.ingest.pdfium import read_pdfium_pages as read_pages
    else:
        from contract_analyzer.ingest.pdf import read_pdf_pages as read_pages
    with captured_library_warnings() as logged:
        pages, encrypted = read_pages(data, label, settings, password, deadline, warnings)
    warnings.extend(summarize_warnings(logged))
    if not pages:
        raise CorruptDocument(
            label, "damaged PDF: no pages could be found (the page tree is missing or broken)"
        )
    failed = [p for p in pages if p.error]
    if len(failed) == len(pages):
        raise CorruptDocument(
            label,
            f"damaged PDF: none of its {len(pages)} page(s) could be read ({failed[0].error})",
        )
    for page in failed[:10]:
        warnings.append(f"page {page.number} could not be read, its text is missing: {page.error}")
    if len(failed) > 10:
        warnings.append(f"{len(failed) - 10} more pages could not be read, their text is missing")
    pages, ocr = _ocr_pages(data, pages, label, settings, password, deadline, warnings)
    if not any(line.text.strip() for p in pages for line in p.lines):
        if encrypted:
            raise EncryptedDocument(label, "encrypted PDF whose text could not be decrypted")
        if ocr is not None:
            raise EmptyDocument(
                label, f"OCR found no text on any of its {len(pages)} page(s) (blank scans?)"
            )
        raise NoTextLayer(
            label,
            f"no text layer: none of its {len(pages)} page(s) has extractable text "
            "(scanned images or blank pages)"
            + ("" if settings.ocr == "off" else ", and none holds an image to OCR"),
        )
    blank = [p.number for p in pages if not p.error and not p.char_count]
    if blank:
        shown = ", ".join(map(str, blank[:10])) + (" ..." if len(blank) > 10 else "")
        warnings.append(f"{len(blank)} page(s) without text (scanned images?): {shown}")
    engine_name = engine if not ocr else f"{engine}+tesseract"
    doc = pages_to_document(
        pages, dataclasses.replace(source, engine=engine_name), warnings, deadline
    )
    if not doc.text.strip():
        raise EmptyDocument(
            label, "the PDF holds only page headers, footers or numbers, no body text"
        )
    return _with_ocr(doc, ocr)


def _ocr_pages(
    data: bytes,
    pages: list[PageLines],
    label: str,
    settings: Settings,
    password: str | None,
    deadline: Deadline,
    warnings: list[str],
) -> tuple[list[PageLines], dict[int, PageText] | None]:
    """Pages with OCR text where the text layer is empty or unusable and the page is an image.

    Returns the pages and the OCR results (None when no page was a candidate). Without an
    engine, a PDF that is all scan raises :class:`OcrNotAvailable`; a PDF with some text
    keeps it and notes the pages it could not read.
    """
    thin = [p.number for p in pages if needs_ocr(p)]
    if settings.ocr == "off" or not thin:
        return pages, None
    import pypdfium2 as pdfium

    try:
        scanned = with_images(data, thin, password)
    except pdfium.PdfiumError as exc:  # pdfplumber read it, PDFium cannot render it
        warnings.append(
            f"PDFium cannot open this PDF ({exc}): its {len(thin)} page(s) without text "
            "were not checked for scanned images to OCR"
        )
        return pages, None
    if not scanned:
        return pages, None
    if tesseract_path() is None:
        if len(scanned) == len([p for p in pages if not p.error]):
            require_engine(label, f"this PDF is a scan ({len(scanned)} page(s) without text)")
        warnings.append(f"{len(scanned)} scanned page(s) left unread: {INSTALL_HINT}")
        return pages, None
    try:
        results = read_images(render_pages(data, scanned, label, settings, password),
                              settings, deadline)  # fmt: skip
    except pdfium.PdfiumError as exc:
        warnings.append(f"{len(scanned)} scanned page(s) could not be rendered for OCR ({exc})")
        return pages, None
    return apply_ocr(pages, results), results


def _with_ocr(doc: Document, ocr: dict[int, PageText] | None) -> Document:
    if not ocr:
        return doc
    doc = attach_ocr(doc, ocr)
    note = low_confidence_note(doc)
    if note:
        doc = dataclasses.replace(doc, warnings=(*doc.warnings, note))
    return doc
