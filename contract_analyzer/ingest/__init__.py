"""Ingestion: a PDF, DOCX, plain-text, image or legacy word-processor file (or its bytes) to one faithful :class:`Document`.

Modules, one job each:

* :mod:`.loader` - ``load_document``: input, limits, time limit, dispatch, the error contract
* :mod:`.detect` - the format from the content (and what unsupported files really are)
* :mod:`.pdf` / :mod:`.pdfium` - PDF pages to lines (pdfplumber, or PDFium for speed)
* :mod:`.columns` - reading order on two-column pages
* :mod:`.layout` - lines to paragraphs: furniture removed, hyphenation mended, headings
* :mod:`.docx`, :mod:`.docx_numbering`, :mod:`.docx_styles`, :mod:`.wordml`, :mod:`.opc`,
  :mod:`.htmltext` - WordprocessingML as Word displays it
* :mod:`.text` - plain text: decoding and line structure
* :mod:`.ocr`, :mod:`.ocr_pages`, :mod:`.image` - OCR (Tesseract) of scanned pages and images
* :mod:`.convert` - .doc, .rtf, .odt, .wpd to DOCX with LibreOffice
* :mod:`.headings`, :mod:`.reflow`, :mod:`.builder` - shared by all formats
* :mod:`.safexml`, :mod:`.safezip`, :mod:`.deadline` - the guards against hostile files
"""

from __future__ import annotations

from contract_analyzer.ingest.loader import load_document
from contract_analyzer.validate import check_optional, check_settings, check_source, checked

# checked at the boundary: a bad argument is an InvalidArgument naming it
load_document = checked(
    load_document,
    {
        "path_or_bytes": check_source,
        "settings": check_settings,
        "password": lambda v, name: check_optional(v, name, (str, bytes), "a str or None"),
    },
)

__all__ = ["load_document"]
