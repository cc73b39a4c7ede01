"""Every file of ../shared/corpus (119 hostile or malformed PDF/DOCX files) against its expected
outcome: a Document that satisfies the invariants, or one ContractAnalyzerError subclass whose
message names the file and the cause. Any other exception fails the test.

The four slow files run under small limits so the suite stays fast while still proving the
limits bound the work: three pathological PDFs (26-40 s in plain pdfplumber) with a 3 s
time limit, and the 179-page file against ``max_pages=100``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import check_document

import contract_analyzer as ca
from contract_analyzer.settings import Settings

# file (relative to ../shared/corpus)                                      expected outcome
EXPECTED = """
docx/poi__54764_xlsx.docx                                                    UnsupportedFormat
docx/poi__60316b.dotx                                                        Document
docx/poi__ContentTypeHasEntities_ooxml.docx                                  Document
docx/poi__ContentTypeHasParameters_ooxml.docx                                UnsupportedFormat
docx/poi__CorePropertiesHasEntities_ooxml.docx                               Document
docx/poi__ExternalEntityInText.docx                                          Document
docx/poi__FldSimple.docx                                                     Document
docx/poi__OPCCompliance_CoreProperties_OnlyOneCorePropertiesPartFAIL.docx    Document
docx/poi__OPCCompliance_DerivedPartNameFAIL.docx                             Document
docx/poi__PackageRelsHasEntities_ooxml.docx                                  Document
docx/poi__bug53475-password-is-pass.docx                                     EncryptedDocument
docx/poi__checkboxes.docx                                                    Document
docx/poi__clusterfuzz-POIFuzzer-6709287337197568.docx                        CorruptDocument
docx/poi__clusterfuzz-POIXWPFFuzzer-5313273089884160.docx                    CorruptDocument
docx/poi__clusterfuzz-POIXWPFFuzzer-6442791109263360.docx                    CorruptDocument
docx/poi__clusterfuzz-POIXWPFFuzzer-6733884933668864.docx                    Document
docx/poi__crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx                CorruptDocument
docx/poi__delins.docx                                                        Document
docx/poi__documentProtection_readonly_no_password.docx                       Document
docx/poi__footnotes.docx                                                     Document
docx/poi__invalid_xlsx.docx                                                  UnsupportedFormat
docx/poi__poc-xmlbomb_xlsx.docx                                              UnsupportedFormat
docx/poi__protected_agile.docx                                               EncryptedDocument
docx/poi__stress025.docx                                                     UnsupportedFormat
docx/poi__test.dotx                                                          Document
docx/poi__truncated62886.docx                                                CorruptDocument
docx/poi__zero-length.docx                                                   EmptyDocument
docx/pythondocx__doc-no-coreprops.docx                                       EmptyDocument
docx/pythondocx__sty-having-no-styles-part.docx                              EmptyDocument
docx/tika__NullHeader.docx                                                   Document
docx/tika__testAltChunkHTML.docx                                             Document
docx/tika__testAltChunkMHT.docx                                              Document
docx/tika__testExternalRefs.docx                                             Document
docx/tika__testSubdocument.docx                                              Document
docx/tika__testWORD.doc                                                      Document
docx/tika__testWORD_macros.docm                                              Document
docx/tika__testWORD_missing_ooxml_bean1.docx                                 EmptyDocument
docx/tika__testWORD_protected_passtika.docx                                  EncryptedDocument
docx/tika__testWORD_text_box.docx                                            Document
docx/tika__testWORD_truncated.docx                                           CorruptDocument
docx/tika__testZip_overlappingNames_zip.docx                                 UnsupportedFormat
docx/tika__test_recursive_embedded.docx                                      Document
pdf/formatcorpus__T01_006_header-invalid-syntax-no-pdf.pdf                   Document
pdf/formatcorpus__T02-02_002_page-tree-kids-links-recursive.pdf              Document
pdf/formatcorpus__T02-03_008_page-object-mediabox-missing.pdf                Document
pdf/formatcorpus__T02-03_009_page-object-mediabox-not-rectangle.pdf          Document
pdf/formatcorpus__T02-05-01_014_endstream-keyword-missing.pdf                Document
pdf/formatcorpus__T03_001_no-cross-reference-table.pdf                       Document
pdf/formatcorpus__T04_017_trailer-no-startxref-keyword.pdf                   Document
pdf/formatcorpus__corruptionOneByteMissing.pdf                               Document
pdf/formatcorpus__encryption_notextaccess.pdf                                Document
pdf/formatcorpus__encryption_openpassword.pdf                                EncryptedDocument
pdf/formatcorpus__javascript.pdf                                             Document
pdf/formatcorpus__minimal_test.pdf                                           CorruptDocument
pdf/govdocs1__020747.pdf                                                     Document
pdf/govdocs1__020806.pdf                                                     ProcessingTimeout
pdf/govdocs1__219789.pdf                                                     ProcessingTimeout
pdf/govdocs1__379049.pdf                                                     DocumentTooLarge
pdf/govdocs1__455746.pdf                                                     ProcessingTimeout
pdf/pdfjs__GHOSTSCRIPT-698804-1-fuzzed.pdf                                   CorruptDocument
pdf/pdfjs__Pages-tree-refs.pdf                                               Document
pdf/pdfjs__REDHAT-1531897-0.pdf                                              CorruptDocument
pdf/pdfjs__bomb_giant.pdf                                                    Document
pdf/pdfjs__bug1020226.pdf                                                    CorruptDocument
pdf/pdfjs__bug1606566.pdf                                                    Document
pdf/pdfjs__hello_world_rotated.pdf                                           Document
pdf/pdfjs__issue6010_2.pdf                                                   EncryptedDocument
pdf/pdfjs__issue7665.pdf                                                     Document
pdf/pdfjs__operator_list_cycle.pdf                                           NoTextLayer
pdf/pdfjs__poppler-67295-0.pdf                                               Document
pdf/pdfjs__poppler-85140-0.pdf                                               NoTextLayer
pdf/pdfjs__poppler-90-0-fuzzed.pdf                                           Document
pdf/pdfjs__poppler-91414-0-53.pdf                                            Document
pdf/pdfminer__aes-256-r6.pdf                                                 EncryptedDocument
pdf/pdfminer__encrypted_doc_no_id.pdf                                        Document
pdf/pdfminer__issue-1113-evil-xobjects.pdf                                   Document
pdf/pdfminer__issue-886-xref-stream-widths.pdf                               Document
pdf/pdfminer__zen_of_python_corrupted.pdf                                    Document
pdf/pdfplumber__empty.pdf                                                    EmptyDocument
pdf/pdfplumber__issue-297-example.pdf                                        CorruptDocument
pdf/pdfplumber__malformed-from-issue-932.pdf                                 Document
pdf/pdfplumber__nics-background-checks-2015-11-rotated.pdf                   Document
pdf/pdfplumber__password-example.pdf                                         EncryptedDocument
pdf/pypdf__Seige_of_Vicksburg_Sample_OCR.pdf                                 Document
pdf/pypdf__crazyones-encrypted-256.pdf                                       EncryptedDocument
pdf/pypdf__indirect-rotation.pdf                                             Document
pdf/qpdf-ossfuzz__15316.pdf                                                  CorruptDocument
pdf/qpdf-ossfuzz__394463491.pdf                                              CorruptDocument
pdf/qpdf-ossfuzz__69977e.pdf                                                 CorruptDocument
pdf/qpdf__append-xref-loop.pdf                                               Document
pdf/qpdf__bad1.pdf                                                           Document
pdf/qpdf__bad14.pdf                                                          Document
pdf/qpdf__bad2.pdf                                                           Document
pdf/qpdf__bad31.pdf                                                          Document
pdf/qpdf__bad39.pdf                                                          Document
pdf/qpdf__broken-lzw.pdf                                                     CorruptDocument
pdf/qpdf__deep-pages.pdf                                                     NoTextLayer
pdf/qpdf__issue-100.pdf                                                      CorruptDocument
pdf/qpdf__issue-101.pdf                                                      CorruptDocument
pdf/qpdf__issue-117.pdf                                                      EmptyDocument
pdf/qpdf__issue-120.pdf                                                      CorruptDocument
pdf/qpdf__issue-146.pdf                                                      CorruptDocument
pdf/qpdf__issue-149.pdf                                                      Document
pdf/qpdf__issue-150.pdf                                                      CorruptDocument
pdf/qpdf__issue-202.pdf                                                      Document
pdf/qpdf__issue-449.pdf                                                      NoTextLayer
pdf/qpdf__issue-99.pdf                                                       CorruptDocument
pdf/qpdf__outlines-with-loop.pdf                                             Document
pdf/qpdf__pages-loop.pdf                                                     Document
pdf/samplefiles__habibi-rotated.pdf                                          Document
pdf/samplefiles__imagemagick-CCITTFaxDecode.pdf                              EmptyDocument
pdf/samplefiles__libreoffice-writer-password.pdf                             EncryptedDocument
pdf/samplefiles__multicolumn.pdf                                             Document
pdf/tika__file7_badJson.pdf                                                  Document
pdf/tika__testMicrosoftIRMServices.pdf                                       Document
pdf/tika__testOCR.pdf                                                        Document
pdf/tika__testPDF_malformedXFA.pdf                                           NoTextLayer
pdf/tika__testPDF_no_extract_no_accessibility_owner_user.pdf                 EncryptedDocument
pdf/tika__testPDF_rotated.pdf                                                Document
"""
TABLE = [tuple(line.split()) for line in EXPECTED.strip().splitlines()]
BASE = Settings(seconds_per_document=60.0)  # OCR of scanned pages on a busy machine
LIMITS = {
    "pdf/govdocs1__020806.pdf": BASE.replace(seconds_per_document=3.0),
    "pdf/govdocs1__219789.pdf": BASE.replace(seconds_per_document=3.0),
    "pdf/govdocs1__455746.pdf": BASE.replace(seconds_per_document=3.0),
    "pdf/govdocs1__379049.pdf": BASE.replace(max_pages=100),
}


def test_the_table_covers_the_whole_corpus(shared: Path) -> None:
    manifest = (shared / "corpus/MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    listed = {row.split("\t", 1)[0] for row in manifest}
    on_disk = {
        p.relative_to(shared / "corpus").as_posix()
        for p in (shared / "corpus").rglob("*")
        if p.is_file() and p.name not in ("README.md", "MANIFEST.tsv")
    }
    assert len(TABLE) == len(listed) == len(on_disk) == 119
    assert {name for name, _ in TABLE} == listed == on_disk


@pytest.mark.parametrize(("name", "expected"), TABLE, ids=[name for name, _ in TABLE])
def test_corpus_file(shared: Path, name: str, expected: str) -> None:
    path = shared / "corpus" / name
    try:
        doc = ca.load_document(path, settings=LIMITS.get(name, BASE))
    except ca.ContractAnalyzerError as exc:
        outcome = type(exc).__name__
        assert str(exc) == f"{path}: {exc.cause}", "the message names the file"
        assert len(exc.cause) > 15 and "Traceback" not in exc.cause
    else:
        outcome = "Document"
        check_document(doc)
        assert doc.source.path == str(path)
    assert outcome == expected
