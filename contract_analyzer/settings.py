"""Limits and tunables, in one place, overridable per call or by environment variable.

Limits protect a batch from hostile files: a file over ``max_file_bytes``, a PDF over
``max_pages`` or a DOCX that would inflate past ``max_inflated_bytes`` is refused with a
clear error before it costs memory; ``seconds_per_document`` bounds the work on one file.
Environment variables ``CONTRACT_ANALYZER_<FIELD>`` (upper case) override the defaults.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from typing import Any, Literal

DateOrder = Literal["MDY", "DMY"]


@dataclass(frozen=True)
class Settings:
    """Run-time limits and choices; all fields have safe defaults."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    seconds_per_document: float = 120.0
    max_inflated_bytes: int = 500 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_zip_members: int = 10_000
    max_text_chars: int = 20_000_000
    max_worker_memory_mb: int = 4096  # batch: resident memory a worker may reach on one file
    pdf_engine: Literal["pdfplumber", "pdfium"] = "pdfplumber"
    # ingest: also interrupt long library calls with a SIGALRM timer (main thread, Unix only)
    preemptive_timeout: bool = True
    # ingest: compression ratio is checked on ZIP members inflating to at least this many bytes
    zip_ratio_check_min_bytes: int = 1024 * 1024
    # ingest: how deep documents embedded in documents (DOCX altChunk) are followed
    max_embedded_depth: int = 2
    # ingest: when one PDF engine finds a PDF damaged beyond reading, try the other one
    pdf_fallback: bool = True
    # ingest: OCR of pages without a usable text layer and of images ("off": never OCR)
    ocr: Literal["auto", "off"] = "auto"
    ocr_dpi: int = 300  # pages of a PDF are rendered at this resolution for OCR
    ocr_language: str = "eng"  # Tesseract language(s), e.g. "eng+deu"
    ocr_workers: int = 0  # pages read at once (0: the worker's thread budget, else the cores)
    max_image_pixels: int = 60_000_000  # an image (or rendered page) larger than this is refused
    date_order: DateOrder = "MDY"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def _from_env() -> Settings:
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name == "extra":
            continue
        raw = os.environ.get(f"CONTRACT_ANALYZER_{f.name.upper()}")
        if raw is None:
            continue
        default = getattr(Settings, f.name)
        if isinstance(default, bool):
            values[f.name] = raw.lower() in {"1", "true", "yes"}
        elif isinstance(default, int):
            values[f.name] = int(raw)
        elif isinstance(default, float):
            values[f.name] = float(raw)
        else:
            values[f.name] = raw
    return Settings(**values)


def default_settings() -> Settings:
    """The defaults, with any ``CONTRACT_ANALYZER_*`` environment overrides applied."""
    return _from_env()
