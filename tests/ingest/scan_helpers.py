"""Scans made at test time from the sample PDFs: rendered grey, slightly turned, image only."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample_contracts"


def page_images(pdf: bytes, pages: list[int], dpi: int = 200, angle: float = 0.0) -> list[Image.Image]:
    """Grey renderings of 1-based ``pages``, turned by ``angle`` degrees (white corners)."""
    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for number in pages:
            page = doc[number - 1]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if angle:
                image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
            out.append(image)
    finally:
        doc.close()
    return out


def image_pdf(images: list[Image.Image], dpi: int = 200) -> bytes:
    """An image-only PDF (no text layer) of the given page images."""
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buf.getvalue()


def sample_pdf(name: str = "c01_msa_meridian_kestrel.pdf") -> bytes:
    return (SAMPLES / name).read_bytes()
