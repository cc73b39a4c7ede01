"""Plain text and format detection: CUAD transcripts, encodings, files that lie about their type."""

from __future__ import annotations

import io
import textwrap
import zipfile
from pathlib import Path

import pytest
from ingest_helpers import check_document

import contract_analyzer as ca
from contract_analyzer.errors import EmptyDocument, FileNotReadable
from contract_analyzer.ingest.detect import sniff
from contract_analyzer.settings import Settings

RESELLER_TXT = "data/cuad/txt/ADIANUTRITION,INC_04_01_2005-EX-10.D2-RESELLER AGREEMENT.txt"


@pytest.fixture(scope="module")
def reseller(shared: Path) -> ca.Document:
    return ca.load_document(shared / RESELLER_TXT)


def test_cuad_transcript_paragraphs_and_headings(reseller: ca.Document) -> None:
    check_document(reseller)
    assert reseller.source.format == "txt" and reseller.source.engine == "text/utf-8"
    by_label = {b.label: b for b in reseller.body_blocks() if b.label}
    assert reseller.span(by_label["1"].start, by_label["1"].end) == "1. GRANT OF RIGHTS"
    assert by_label["1"].kind == "heading" and by_label["1"].level == 1
    assert by_label["2.11"].level == 2 and by_label["2.11"].kind == "paragraph"
    caps = [
        reseller.span(b.start, b.end)
        for b in reseller.blocks
        if b.kind == "heading" and not b.label
    ]
    assert "RESELLER AGREEMENT" in caps


def test_old_page_numbers_are_set_aside_and_clauses_rejoined(reseller: ca.Document) -> None:
    numbers = [b.content for b in reseller.furniture() if b.kind == "page_number"]
    assert numbers[:5] == ["1", "2", "3", "4", "5"]
    assert "and all such use shall be for PivX's benefit" in reseller.text


def test_every_cuad_transcript_reads(shared: Path) -> None:
    """All 402 CUAD texts: a Document with the invariants, nearly every word kept."""
    paths = sorted((shared / "data/cuad/txt").glob("*.txt"))
    assert len(paths) == 402
    for path in paths[::8]:  # a spread sample keeps the suite fast; the bench reads them all
        doc = ca.load_document(path)
        check_document(doc)
        source_words = path.read_text(encoding="utf-8", errors="replace").split()
        assert doc.word_count >= 0.98 * len(source_words) - 50, path.name


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_common_encodings(tmp_path: Path, encoding: str) -> None:
    text = "Café Agreement\n\n1. FEES\n\nThe “Customer” shall pay €100 – net 30.\n"
    path = tmp_path / "contract.txt"
    path.write_bytes(text.encode(encoding))
    doc = ca.load_document(path)
    check_document(doc)
    assert doc.text == "Café Agreement\n\n1. FEES\n\nThe “Customer” shall pay €100 – net 30."


def test_hard_wrapped_text_is_reflowed_and_hyphens_mended(reseller: ca.Document) -> None:
    clause = reseller.span(*next((b.start, b.end) for b in reseller.blocks if b.label == "1.2"))
    wrapped = textwrap.fill(clause, width=60, break_on_hyphens=False)
    lines = wrapped.split("\n")
    words = lines[2].split()
    # break a long word of line 3 across lines with a hyphen, as typesetters do
    long_word = max(words, key=len)
    cut = len(long_word) // 2
    lines[2] = lines[2].replace(long_word, long_word[:cut] + "-\n" + long_word[cut:], 1)
    doc = ca.load_document(("\n".join(lines) + "\n\n2. NEXT\n\nMore text.").encode())
    check_document(doc)
    assert doc.text.split("\n\n")[0] == clause


def test_form_feeds_split_pages() -> None:
    doc = ca.load_document(b"First page text.\n\x0c1. TERM\n\nSecond page text.\n\x0c")
    check_document(doc)
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.page_at(doc.text.index("Second")) == 2


def test_text_named_pdf_is_read_as_text(shared: Path) -> None:
    doc = ca.load_document(shared / "corpus/pdf/tika__file7_badJson.pdf")
    check_document(doc)
    assert doc.source.format == "txt"
    assert any("named .pdf but the content is TXT" in w for w in doc.warnings)
    assert "Apache License" in doc.text


def test_legacy_doc_holding_a_zip_is_named_for_what_it_is(shared: Path) -> None:
    path = shared / "corpus/docx/tika__testWORD.doc"
    assert zipfile.is_zipfile(path)  # the trap: a zip signature inside an OLE2 file
    assert sniff(path.read_bytes(), str(path), Settings()).format == "doc"  # for LibreOffice


def test_encrypted_office_file_asks_for_the_password(shared: Path) -> None:
    with pytest.raises(ca.EncryptedDocument, match="password-protected"):
        ca.load_document(shared / "corpus/docx/poi__protected_agile.docx")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyDocument, "empty"),
        (b"   \n\n  ", EmptyDocument, "blank"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), ca.CorruptDocument, "damaged image"),
        (b"GIF89a" + bytes(64), ca.UnsupportedFormat, "GIF image"),
        (b"<!DOCTYPE html><html><body>x</body></html>", ca.UnsupportedFormat, "HTML page"),
        (bytes(range(256)) * 8, ca.UnsupportedFormat, "unrecognised binary"),
        (b"PK\x05\x06" + bytes(18), ca.UnsupportedFormat, "empty ZIP"),
        (b"PK\x03\x04" + bytes(40), ca.CorruptDocument, "damaged ZIP"),
        (b"%PDF-1.7\n%%EOF", ca.CorruptDocument, "damaged PDF"),
    ],
)
def test_detection_from_content(data: bytes, error: type, words: str) -> None:
    with pytest.raises(error, match=words) as err:
        ca.load_document(data)
    assert str(err.value).startswith("<bytes>: ")


def test_pptx_renamed_docx(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="x"/>')
        zf.writestr("ppt/presentation.xml", "<p/>")
    path = tmp_path / "deck.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ca.UnsupportedFormat, match=r"PowerPoint presentation \(\.pptx\)"):
        ca.load_document(path)


def test_files_that_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(FileNotReadable, match="no such file"):
        ca.load_document(tmp_path / "missing.pdf")
    with pytest.raises(FileNotReadable, match="folder"):
        ca.load_document(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(ca.DocumentTooLarge, match="max_file_bytes"):
        ca.load_document(big, settings=ca.Settings(max_file_bytes=1024))


def test_file_objects_and_bytes_give_the_same_document(shared: Path) -> None:
    path = shared / RESELLER_TXT
    from_path = ca.load_document(path)
    with open(path, "rb") as fh:
        from_file = ca.load_document(fh)
    from_bytes = ca.load_document(path.read_bytes())
    assert from_path.text == from_file.text == from_bytes.text
    assert from_bytes.source.path is None and from_bytes.source.name == "<bytes>"
    assert from_path.source.sha256 == from_bytes.source.sha256
