"""Which pages need OCR, reading them several at once, and tying OCR words to the text.

A PDF page goes to OCR when its text layer is empty or unusable (a few stray characters, or
glyphs without a Unicode mapping) and the page holds an image; other pages keep their text.
Pages are rendered at the resolution of their scan (no finer than ``ocr_dpi``; rendering a
200 dpi scan at 300 dpi cost 1.2x the time for no better words) one at a time in the calling thread (PDFium is not thread-safe) and read
by up to ``workers`` Tesseract processes at once; at most ``2 x workers`` rendered pages wait
in memory, so a 500-page scan costs the memory of a few pages and ends at the time limit.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from contract_analyzer.document import Document, OcrPage, OcrWord
from contract_analyzer.errors import DocumentTooLarge
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.lines import PageLines
from contract_analyzer.ingest.ocr import PageText, ocr_image
from contract_analyzer.settings import Settings

if TYPE_CHECKING:
    from PIL.Image import Image

MIN_DPI = 150.0  # a scan coarser than this is still rendered at 150 dpi for OCR
MIN_TEXT_CHARS = 20  # a page with fewer usable characters than this has no real text layer
LOW_CONFIDENCE = 0.80  # below this mean word confidence a page's OCR is flagged to the user
_THREAD_BUDGET = ("OMP_NUM_THREADS",)  # set by the batch for each worker process


def ocr_workers(settings: Settings) -> int:
    """Tesseract processes to run at once: the setting, the batch worker's thread budget, or
    the number of cores (a batch of N workers gives each a share of the cores)."""
    if settings.ocr_workers > 0:
        return settings.ocr_workers
    for name in _THREAD_BUDGET:
        raw = os.environ.get(name, "")
        if raw.isdigit() and int(raw) > 0:
            return int(raw)
    return max(os.cpu_count() or 1, 1)


def usable_chars(page: PageLines) -> int:
    """Letters and digits of a page's text layer (unmapped glyphs and symbols do not count)."""
    # (the replacement character U+FFFD is not alphanumeric, so it never counts)
    return sum(map(str.isalnum, "".join(line.text for line in page.lines)))


def needs_ocr(page: PageLines) -> bool:
    """Whether a readable page's text layer is too thin to be the page's text."""
    if page.error:
        return False
    text = "".join(line.text for line in page.lines)
    if "(cid:" in text and text.count("(cid:") * 6 > len(text) / 2:
        return True  # glyphs without a Unicode mapping
    return usable_chars(page) < MIN_TEXT_CHARS


def check_pixels(width: int, height: int, label: str, settings: Settings, what: str) -> None:
    """Refuse an image over ``max_image_pixels`` before it is decoded or read."""
    if width * height > settings.max_image_pixels:
        raise DocumentTooLarge(
            label,
            f"{what} is {width:,} x {height:,} pixels, over the limit of "
            f"{settings.max_image_pixels:,} pixels (setting max_image_pixels)",
        )


def read_images(
    images: Iterable[tuple[int, Image, float]],
    settings: Settings,
    deadline: Deadline,
    on_page: Callable[[int, PageText], None] | None = None,
) -> dict[int, PageText]:
    """OCR ``(page number, image, dpi)`` triples, several at once; page number -> PageText."""
    workers = ocr_workers(settings)
    results: dict[int, PageText] = {}
    pending: list[tuple[int, Future[PageText]]] = []
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr")

    def collect(block: bool) -> None:
        while pending and (block or pending[0][1].done()):
            number, future = pending.pop(0)
            results[number] = future.result()
            if on_page is not None:
                on_page(number, results[number])

    try:
        for number, image, dpi in images:
            deadline.check()
            pending.append(
                (
                    number,
                    pool.submit(ocr_image, image, dpi, deadline, language=settings.ocr_language),
                )  # fmt: skip
            )
            collect(False)
            while len(pending) >= 2 * workers:
                pending[0][1].result()
                collect(False)
        collect(True)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def scan_dpi(page) -> float | None:
    """The resolution of the largest image on a PDF page, as placed there (None if no image)."""
    import pypdfium2.raw as raw

    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            px_w, _ = obj.get_px_size()
            left, _, right, _ = obj.get_bounds()
        except Exception:  # noqa: BLE001 - a damaged image object: judge by the others
            continue
        points = right - left
        if points > 0 and px_w > 0 and (best is None or points > best[0]):
            best = (points, px_w * 72.0 / points)
    return best[1] if best else None


def whole_page_scan(page, settings: Settings) -> tuple[Image, float] | None:
    """The page's scan itself, when the page is one upright image covering it: the pixels as
    scanned, at their own resolution, read without resampling (None otherwise).

    A coarse rendering guards against images whose stored pixels are not what is shown
    (inverted by a decode array or a mask): their mean brightness must agree.
    """
    import pypdfium2.raw as raw
    from PIL import ImageStat

    objects = list(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    if len(objects) != 1:
        return None
    obj = objects[0]
    try:
        a, b, c, d, _, _ = obj.get_matrix().get()
        px_w, px_h = obj.get_px_size()
        left, bottom, right, top = obj.get_bounds()
    except Exception:  # noqa: BLE001 - a damaged image object: render the page instead
        return None
    width, height = page.get_size()
    covers = (right - left) * (top - bottom) >= 0.9 * width * height
    if b or c or a <= 0 or d <= 0 or not covers or px_w * px_h > settings.max_image_pixels:
        return None
    dpi = px_w * 72.0 / a
    if not MIN_DPI <= dpi <= settings.ocr_dpi * 1.05:
        return None
    try:
        image = obj.get_bitmap(render=False).to_pil().convert("L")  # copied out of PDFium
    except Exception:  # noqa: BLE001 - an image PDFium cannot hand over raw: render it
        return None
    preview = page.render(scale=12 / 72, grayscale=True).to_pil().convert("L")
    shown = ImageStat.Stat(preview).mean[0]
    stored = ImageStat.Stat(image.resize(preview.size)).mean[0]
    if abs(shown - stored) > 40:
        return None
    return image, dpi


def render_pages(
    data: bytes,
    numbers: list[int],
    label: str,
    settings: Settings,
    password: str | None,
) -> Iterator[tuple[int, Image, float]]:
    """Grey renderings of the given 1-based pages at ``ocr_dpi`` (lower for huge pages)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data, password=password or None)
    try:
        for number in numbers:
            page = doc[number - 1]
            try:
                width, height = page.get_size()
                dpi = float(settings.ocr_dpi)
                raw_scan = whole_page_scan(page, settings)
                if raw_scan is not None:
                    image, dpi = raw_scan
                else:
                    native = scan_dpi(page)
                    if native:  # no finer than the scan itself: upsampling costs, adds nothing
                        dpi = min(dpi, max(native, MIN_DPI))
                    pixels = (width * dpi / 72) * (height * dpi / 72)
                    if pixels > settings.max_image_pixels:  # a poster-sized page: coarser
                        dpi *= (settings.max_image_pixels / pixels) ** 0.5
                    bitmap = page.render(scale=dpi / 72, grayscale=True)
                    image = bitmap.to_pil().convert("L")
                    bitmap.close()
            finally:
                page.close()
            yield number, image, dpi
    finally:
        doc.close()


def with_images(data: bytes, numbers: list[int], password: str | None) -> list[int]:
    """The pages among ``numbers`` that hold an image object (a blank page needs no OCR)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data, password=password or None)
    found: list[int] = []
    try:
        for number in numbers:
            page = doc[number - 1]
            try:
                objects = page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)
                if next(iter(objects), None) is not None:
                    found.append(number)
            finally:
                page.close()
    finally:
        doc.close()
    return found


def apply_ocr(pages: list[PageLines], results: dict[int, PageText]) -> list[PageLines]:
    """The pages with OCR lines in place of the empty text layers (sizes turned if rotated)."""
    out: list[PageLines] = []
    for page in pages:
        text = results.get(page.number)
        if text is None:
            out.append(page)
            continue
        width, height = page.width, page.height
        if text.rotation in (90, 270):
            width, height = height, width
        out.append(PageLines(page.number, width, height, list(text.lines)))
    return out


def attach_ocr(doc: Document, results: dict[int, PageText], engine: str = "tesseract") -> Document:
    """The Document with its OCR pages and each OCR word located in ``doc.text``.

    Words are found in order within their page's span of the text; a word the layout stage
    changed (a hyphenated word mended, page furniture removed) is skipped, not guessed.
    """
    import dataclasses

    spans = {p.number: (p.start, p.end) for p in doc.pages}
    words: list[OcrWord] = []
    ocr_pages: list[OcrPage] = []
    text = doc.text
    for number in sorted(results):
        page = results[number]
        conf = page.confidence
        ocr_pages.append(
            OcrPage(
                number,
                round(conf, 4) if conf is not None else 0.0,
                page.word_count,
                engine,
                page.rotation,
            )  # fmt: skip
        )
        start, end = spans.get(number, (0, 0))
        pos = start
        for line in page.words:
            for word in line:
                at = text.find(word.text, pos, min(end, pos + len(word.text) + 40))
                if at < 0:
                    continue
                stop = at + len(word.text)
                words.append(OcrWord(at, stop, number, round(word.x0, 2), round(word.top, 2),
                                     round(word.x1, 2), round(word.bottom, 2),
                                     round(word.confidence, 3)))  # fmt: skip
                pos = stop
    return dataclasses.replace(doc, ocr_pages=tuple(ocr_pages), ocr_words=tuple(words))


def low_confidence_note(doc: Document) -> str | None:
    """A warning naming the OCR pages read with low confidence (None when all read well)."""
    low = [p.number for p in doc.ocr_pages if p.words and p.confidence < LOW_CONFIDENCE]
    if not low:
        return None
    shown = ", ".join(map(str, low[:10])) + (" ..." if len(low) > 10 else "")
    return (
        f"OCR read {len(low)} page(s) with low confidence (under {LOW_CONFIDENCE:.0%}): {shown}; "
        "check their text against the scan"
    )
