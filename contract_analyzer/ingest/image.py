"""Images as contracts: a PNG, JPEG or (multi-page) TIFF scan read by OCR into a Document.

Each frame is one page. Sizes are checked from the image header before any pixel is
decoded (``max_image_pixels`` per frame, ``max_pages`` frames), frames are decoded one at a
time as the OCR workers take them, so a huge or very long scan is refused or stopped by the
limits rather than filling memory. A page's size in points comes from the image's resolution
(300 dpi assumed when the file does not say).
"""

from __future__ import annotations

import dataclasses
import io
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contract_analyzer.document import Document, Source
from contract_analyzer.errors import CorruptDocument, DocumentTooLarge, EmptyDocument
from contract_analyzer.ingest.deadline import Deadline
from contract_analyzer.ingest.layout import pages_to_document
from contract_analyzer.ingest.lines import PageLines
from contract_analyzer.ingest.ocr import require_engine
from contract_analyzer.ingest.ocr_pages import (
    apply_ocr,
    attach_ocr,
    check_pixels,
    low_confidence_note,
    read_images,
)
from contract_analyzer.settings import Settings

if TYPE_CHECKING:
    from PIL.Image import Image

DEFAULT_DPI = 300.0
IMAGE_KINDS = ("PNG", "JPEG", "TIFF")


def _dpi(image: Image) -> float:
    raw = image.info.get("dpi")
    try:
        value = float(raw[0]) if raw else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50.0 <= value <= 2400.0 else DEFAULT_DPI


def _open(data: bytes, label: str, settings: Settings) -> Image:
    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():  # pixels are checked against max_image_pixels instead
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
    except PILImage.DecompressionBombError:
        raise DocumentTooLarge(label, "the image is too large to decode safely") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise CorruptDocument(label, f"damaged image ({exc})") from None
    if image.format not in IMAGE_KINDS:
        raise CorruptDocument(label, f"unexpected image format {image.format}")
    return image


def _frames(
    image: Image, label: str, settings: Settings, sizes: list[tuple[float, float]]
) -> Iterator[tuple[int, Image, float]]:
    """Each frame decoded in turn, grey, with its resolution; ``sizes`` gets its size in points."""
    count = int(getattr(image, "n_frames", 1) or 1)
    if count > settings.max_pages:
        raise DocumentTooLarge(
            label, f"the image has {count:,} pages, over the limit of {settings.max_pages:,} "
            "(setting max_pages)"
        )  # fmt: skip
    for index in range(count):
        image.seek(index)
        width, height = image.size
        what = "the image" if count == 1 else f"page {index + 1} of the image"
        check_pixels(width, height, label, settings, what)
        dpi = _dpi(image)
        try:
            grey = image.convert("L")
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptDocument(label, f"damaged image, page {index + 1} ({exc})") from None
        sizes.append((width * 72.0 / dpi, height * 72.0 / dpi))
        yield index + 1, grey, dpi


def image_to_document(
    data: bytes, source: Source, settings: Settings, deadline: Deadline, warnings: list[str]
) -> Document:
    """OCR every page of an image file into a Document (EmptyDocument when none has text)."""
    label = source.path or "<bytes>"
    require_engine(label, "an image")
    image = _open(data, label, settings)
    sizes: list[tuple[float, float]] = []
    try:
        results = read_images(_frames(image, label, settings, sizes), settings, deadline)
    except (OSError, SyntaxError) as exc:
        raise CorruptDocument(label, f"damaged image ({exc})") from None
    pages = [PageLines(n, w, h) for n, (w, h) in enumerate(sizes, start=1)]
    pages = apply_ocr(pages, results)
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise EmptyDocument(label, "OCR found no text in the image")
    source = dataclasses.replace(source, engine="tesseract")
    doc = pages_to_document(pages, source, warnings, deadline)
    if not doc.text.strip():
        raise EmptyDocument(label, "OCR found only page numbers or headers in the image")
    doc = attach_ocr(doc, results)
    note = low_confidence_note(doc)
    return dataclasses.replace(doc, warnings=(*doc.warnings, note)) if note else doc
