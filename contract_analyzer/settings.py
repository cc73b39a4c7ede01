"""Limits and tunables, in one place, overridable per call or by environment variable.

Limits protect a batch from hostile files: a file over ``max_file_bytes``, a PDF over
``max_pages`` or a DOCX that would inflate past ``max_inflated_bytes`` is refused with a
clear error before it costs memory; ``seconds_per_document`` bounds the work on one file.
Environment variables ``CONTRACT_ANALYZER_<FIELD>`` (upper case) override the defaults.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import os
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from contract_analyzer.errors import InvalidArgument

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

    def __post_init__(self) -> None:
        _check(self)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (an unknown field is an InvalidArgument)."""
        _refuse_unknown(changes)
        return dataclasses.replace(self, **changes)


_CHOICES: dict[str, tuple[str, ...]] = {
    "pdf_engine": ("pdfplumber", "pdfium"),
    "date_order": ("MDY", "DMY"),
}
# limits that may be 0 (0 embedded documents: altChunks are not followed)
_ZERO_OK = frozenset({"max_embedded_depth", "zip_ratio_check_min_bytes", "ocr_workers"})


def _check(settings: Settings) -> None:
    """Refuse impossible settings (a negative limit, a bool where a number goes, an unknown
    engine) when the Settings is made, naming the field and the value."""
    for f in fields(Settings):
        value = getattr(settings, f.name)
        default = f.default
        where = f"settings.{f.name}"
        if f.name == "extra":
            if not isinstance(value, dict):
                raise InvalidArgument(where, f"expected a dict, got {type(value).__name__}")
        elif f.name in _CHOICES:
            if value not in _CHOICES[f.name]:
                raise InvalidArgument(
                    where, f"{value!r} is not one of {', '.join(map(repr, _CHOICES[f.name]))}"
                )
        elif isinstance(default, bool):
            if not isinstance(value, bool):
                raise InvalidArgument(where, f"expected True or False, got {value!r}")
        elif isinstance(default, (int, float)):
            kinds = (int,) if isinstance(default, int) else (int, float)
            if isinstance(value, bool) or not isinstance(value, kinds):
                kind = "an int" if kinds == (int,) else "a number"
                raise InvalidArgument(
                    where, f"expected {kind}, got {type(value).__name__} {value!r}"
                )
            low_ok = value >= 0 if f.name in _ZERO_OK else value > 0
            if not (low_ok and math.isfinite(value)):
                bound = "0 or more" if f.name in _ZERO_OK else "more than 0"
                raise InvalidArgument(where, f"must be a finite number {bound}, not {value!r}")


_NAMES = tuple(f.name for f in fields(Settings))


def _refuse_unknown(names: Any) -> None:
    """An :class:`InvalidArgument` naming the first unknown setting and listing the known ones
    (instead of the dataclass's bare ``TypeError`` on an unexpected keyword)."""
    unknown = sorted(set(names) - set(_NAMES))
    if unknown:
        raise InvalidArgument(
            f"settings.{unknown[0]}", f"no such setting; known: {', '.join(_NAMES)}"
        )


def _checked_init(init: Any) -> Any:
    @functools.wraps(init)
    def __init__(self: Settings, *args: Any, **kwargs: Any) -> None:  # noqa: N807
        _refuse_unknown(kwargs)
        if len(args) > len(_NAMES):
            raise InvalidArgument(
                "settings", f"takes at most {len(_NAMES)} positional values, got {len(args)}"
            )
        init(self, *args, **kwargs)

    return __init__


Settings.__init__ = _checked_init(Settings.__init__)  # type: ignore[method-assign]


def _from_env() -> Settings:
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name == "extra":
            continue
        raw = os.environ.get(f"CONTRACT_ANALYZER_{f.name.upper()}")
        if raw is None:
            continue
        default = getattr(Settings, f.name)
        try:
            if isinstance(default, bool):
                values[f.name] = raw.lower() in {"1", "true", "yes"}
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        except ValueError:
            raise InvalidArgument(
                f"CONTRACT_ANALYZER_{f.name.upper()}", f"not a number: {raw!r}"
            ) from None
    return Settings(**values)


def default_settings() -> Settings:
    """The defaults, with any ``CONTRACT_ANALYZER_*`` environment overrides applied."""
    return _from_env()
