"""OCR: scanned PDF pages and images read into Documents whose words keep page, box, confidence.

Scans are made at test time from the sample PDFs (rendered at 200 dpi grey, turned slightly,
saved image-only), and compared with the born-digital text of the same page. Tesseract is a
test requirement (.ci/run installs it), so none of these is skipped.
"""

from __future__ import annotations

import difflib
import io
import time

import pypdfium2 as pdfium
import pytest
from ingest_helpers import check_document
from PIL import Image
from scan_helpers import image_pdf, page_images, sample_pdf

from contract_analyzer import load_document
from contract_analyzer.errors import (
    DocumentTooLarge,
    EmptyDocument,
    NoTextLayer,
    OcrNotAvailable,
    ProcessingTimeout,
)
from contract_analyzer.ingest import ocr
from contract_analyzer.settings import Settings


def words_of(text: str) -> list[str]:
    return text.split()


def fidelity(ocr_text: str, truth: str) -> float:
    return difflib.SequenceMatcher(None, words_of(truth), words_of(ocr_text), autojunk=False).ratio()


def found_share(ocr_text: str, truth: str) -> float:
    """Share of the OCR's words (4+ characters) that are words of the truth (for crops)."""
    known = set(words_of(truth))
    got = [w for w in words_of(ocr_text) if len(w) >= 4]
    return sum(w in known for w in got) / max(len(got), 1)


def top_of(image: Image.Image, share: float) -> Image.Image:
    """About the top ``share`` of a page image, cut between two lines of text (a few lines
    keep the OCR tests fast)."""
    row = int(image.height * share)
    while row < image.height - 1 and image.crop((0, row, image.width, row + 1)).getextrema()[0] < 200:
        row += 1
    return image.crop((0, 0, image.width, row + 1))


def layer_text(number: int) -> str:
    """The sample page's own text layer, headers and page numbers included (what a scan shows)."""
    doc = pdfium.PdfDocument(sample_pdf())
    try:
        return doc[number - 1].get_textpage().get_text_range()
    finally:
        doc.close()


def page_text(doc, number: int) -> str:
    page = doc.pages[number - 1]
    return doc.text[page.start : page.end]


@pytest.fixture(scope="module")
def born() -> object:
    return load_document(sample_pdf())


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> object:
    path = tmp_path_factory.mktemp("scan") / "c01_scan.pdf"
    path.write_bytes(image_pdf(page_images(sample_pdf(), [1, 2], angle=0.6)))
    return load_document(path)


def test_scanned_pdf_is_read_by_ocr_with_high_fidelity(scanned, born) -> None:
    check_document(scanned)
    assert [p.number for p in scanned.ocr_pages] == [1, 2]
    assert scanned.source.engine.endswith("+tesseract")
    for number in (1, 2):
        score = fidelity(page_text(scanned, number), page_text(born, number))
        assert score >= 0.95, (number, score)
    assert 0.85 <= scanned.ocr_confidence <= 1.0
    assert all(p.words > 100 and p.rotation == 0 for p in scanned.ocr_pages)


def test_ocr_words_point_into_the_text_with_page_box_and_confidence(scanned) -> None:
    words = scanned.ocr_words
    assert len(words) >= 0.9 * sum(p.words for p in scanned.ocr_pages)
    assert [w.start for w in words] == sorted(w.start for w in words)
    for w in words:
        assert scanned.text[w.start : w.end].strip() == scanned.text[w.start : w.end]
        assert scanned.page_at(w.start) == w.page
        page = scanned.pages[w.page - 1]
        assert 0 <= w.x0 < w.x1 <= page.width + 1 and 0 <= w.top < w.bottom <= page.height + 1
        assert 0.0 <= w.confidence <= 1.0
    at = scanned.text.index("Agreement")
    assert any(w.start <= at < w.end for w in scanned.ocr_words_in(at, at + 9))


def test_pages_with_text_keep_it_and_only_scanned_pages_are_ocrd(tmp_path, born) -> None:
    digital = pdfium.PdfDocument(sample_pdf())
    scan = pdfium.PdfDocument(image_pdf(page_images(sample_pdf(), [2])))
    merged = pdfium.PdfDocument.new()
    merged.import_pages(digital, [0])
    merged.import_pages(scan, [0])
    buf = io.BytesIO()
    merged.save(buf)
    doc = load_document(buf.getvalue())
    assert [p.number for p in doc.ocr_pages] == [2]
    assert page_text(doc, 1) == page_text(born, 1)
    assert fidelity(page_text(doc, 2), page_text(born, 2)) >= 0.95
    assert all(w.page == 2 for w in doc.ocr_words)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_single_image_files(tmp_path, born, fmt) -> None:
    image = top_of(page_images(sample_pdf(), [1], angle=-0.4)[0], 0.4)
    path = tmp_path / f"page.{fmt.lower()}"
    image.save(path, format=fmt, dpi=(200, 200))
    doc = load_document(path)
    check_document(doc)
    assert doc.source.format == "image" and doc.source.page_count == 1
    assert doc.word_count >= 80
    assert found_share(doc.text, layer_text(1)) >= 0.95
    assert doc.pages[0].width == pytest.approx(image.width * 72 / 200, rel=0.01)


def test_multipage_tiff(tmp_path, born) -> None:
    first, second = (top_of(im, 0.3) for im in page_images(sample_pdf(), [1, 2]))
    path = tmp_path / "scan.tif"
    first.save(path, format="TIFF", save_all=True, append_images=[second], compression="tiff_lzw")
    doc = load_document(path)
    assert [p.number for p in doc.ocr_pages] == [1, 2]
    assert found_share(page_text(doc, 2), layer_text(2)) >= 0.95


@pytest.mark.parametrize("angle", [90, 180])
def test_pages_turned_sideways_or_upside_down_are_turned_back(tmp_path, born, angle) -> None:
    upright = top_of(page_images(sample_pdf(), [2])[0], 0.35)
    path = tmp_path / "turned.png"
    upright.rotate(angle, expand=True).save(path, dpi=(200, 200))
    doc = load_document(path)
    assert doc.ocr_pages[0].rotation in (angle, 360 - angle)
    assert doc.word_count >= 80
    assert found_share(doc.text, layer_text(2)) >= 0.95
    page = doc.pages[0]
    assert page.width > page.height  # the strip is upright again: wider than high


def test_an_image_without_text_is_empty(tmp_path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (1700, 2200), 255).save(path)
    with pytest.raises(EmptyDocument, match="blank.png"):
        load_document(path)


def test_a_huge_image_is_refused_before_decoding(tmp_path) -> None:
    path = tmp_path / "huge.png"
    Image.new("1", (10_000, 10_000), 1).save(path)
    with pytest.raises(DocumentTooLarge, match="10,000 x 10,000 pixels"):
        load_document(path)


def test_a_500_page_scan_stops_at_the_time_limit(tmp_path) -> None:
    one = pdfium.PdfDocument(image_pdf([top_of(page_images(sample_pdf(), [1])[0], 0.5)]))
    long = pdfium.PdfDocument.new()
    for _ in range(500):
        long.import_pages(one, [0])
    path = tmp_path / "long.pdf"
    long.save(str(path))
    started = time.monotonic()
    with pytest.raises(ProcessingTimeout, match="long.pdf"):
        load_document(path, settings=Settings(seconds_per_document=3))
    assert time.monotonic() - started < 10


def test_no_engine_installed_says_how_to_install(tmp_path, monkeypatch) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf(page_images(sample_pdf(), [1], dpi=100)))
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr.tesseract_path.cache_clear()
    try:
        with pytest.raises(OcrNotAvailable, match=r"apt-get install tesseract-ocr.*\[ocr\]"):
            load_document(path)
    finally:
        monkeypatch.undo()
        ocr.tesseract_path.cache_clear()
    assert issubclass(OcrNotAvailable, NoTextLayer)


def test_ocr_off_keeps_no_text_layer_error(tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf(page_images(sample_pdf(), [1], dpi=100)))
    with pytest.raises(NoTextLayer, match="no text layer"):
        load_document(path, settings=Settings(ocr="off"))


def _page(conf: float) -> ocr.PageText:
    words = [[ocr.Word("word", 0.0, 0.0, 10.0, 5.0, conf)]]
    return ocr.PageText(ocr.words_to_lines(words), words)


@pytest.mark.parametrize(
    ("first", "second", "psms", "kept"),
    [
        (0.96, 0.99, [], 0.96),  # confident enough: read once
        (0.90, 0.95, [ocr.RETRY_PSM], 0.95),  # low: read again, the better reading kept
        (0.90, 0.85, [ocr.RETRY_PSM], 0.90),  # the retry is worse: the first reading stays
        (0.30, 0.99, [], 0.30),  # noise (the orientation check's case): no retry
    ],
)
def test_low_confidence_pages_are_read_again_with_automatic_segmentation(
    first: float, second: float, psms: list[int], kept: float
) -> None:
    asked: list[int] = []

    def read(image, psm: int) -> list[list[ocr.Word]]:
        asked.append(psm)
        return _page(second).words

    page = ocr._retry_segmented(_page(first), Image.new("L", (8, 8)), read)
    assert asked == psms
    assert page.confidence == pytest.approx(kept)


def test_a_two_column_page_reads_column_by_column_born_digital_and_scanned(tmp_path) -> None:
    """Sample c05 (an NDA set in two columns from page 2): the text layer's lines do not line up
    across the gutter, and Tesseract's one-block mode reads each line across both columns;
    either way the reading is column by column, so clause 1.1 runs on into its own item (a)
    instead of into clause 2.1 of the right-hand column."""
    pdf = sample_pdf("c05_nda_orchardlane_vantagecrest.pdf")
    born = load_document(pdf)
    path = tmp_path / "c05_p2.pdf"
    path.write_bytes(image_pdf(page_images(pdf, [2], angle=0.4)))
    scan = load_document(path)
    for doc in (born, scan):
        text = " ".join(page_text(doc, 2 if doc is born else 1).split())
        start = text.index("In this Agreement:")
        assert "2.1" not in text[start : start + 120], text[start : start + 200]
        assert text.index("means, in relation to a party") < text.index("Confidentiality obligations")
    truth = " ".join(page_text(born, 2).split())
    assert fidelity(" ".join(page_text(scan, 1).split()), truth) >= 0.95


def test_in_columns_splits_lines_that_run_across_a_gutter() -> None:
    left = [f"left{i} words of the first column here" for i in range(10)]
    right = [f"right{i} words of the second column here" for i in range(10)]
    lines = []
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        words = [ocr.Word(w, 50 + 28 * k, 100 + 14 * i, 74 + 28 * k, 110 + 14 * i, 0.9)
                 for k, w in enumerate(a.split())]  # fmt: skip
        words += [ocr.Word(w, 320 + 28 * k, 100 + 14 * i, 344 + 28 * k, 110 + 14 * i, 0.9)
                  for k, w in enumerate(b.split())]  # fmt: skip
        lines.append(words)
    ordered = ocr.in_columns(lines, 595.0)
    assert [" ".join(w.text for w in line) for line in ordered] == left + right
    single = [[ocr.Word(f"w{k}", 50 + 40 * k, 100 + 14 * i, 80 + 40 * k, 110 + 14 * i, 0.9)
               for k in range(12)] for i in range(10)]  # fmt: skip
    assert ocr.in_columns(single, 595.0) == single
