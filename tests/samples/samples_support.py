"""Helpers shared by the sample-contract tests: paths, the ground truth, the builder module."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from contract_analyzer.resources import PROJECT_DIR

SAMPLES_DIR = PROJECT_DIR / "data" / "sample_contracts"
GROUND_TRUTH = SAMPLES_DIR / "ground_truth.yaml"


@functools.cache
def ground_truth() -> dict[str, Any]:
    """The parsed ground_truth.yaml."""
    return yaml.safe_load(GROUND_TRUTH.read_text(encoding="utf-8"))


def contracts() -> list[dict[str, Any]]:
    """One ground-truth entry per contract."""
    return list(ground_truth()["contracts"])


def files() -> list[tuple[str, dict[str, Any]]]:
    """(file name, contract entry) for every listed file."""
    return [(name, c) for c in contracts() for name in c["files"]]


def files_with(suffix: str) -> list[tuple[str, dict[str, Any]]]:
    return [(n, c) for n, c in files() if n.endswith(suffix)]


@functools.cache
def builder() -> ModuleType:
    """data/sample_contracts/build.py imported as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "sample_contracts_build", SAMPLES_DIR / "build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@functools.cache
def accepted_text(contract_id: str) -> str:
    """Final wording of a contract's source (tracked deletions dropped), whitespace collapsed."""
    build = builder()
    text = build.accepted_text(build.parse_source(SAMPLES_DIR / "source" / f"{contract_id}.md"))
    return " ".join(text.split())


@functools.cache
def pdf_page_texts(path: Path) -> tuple[str, ...]:
    """Text of each page of a PDF read with pypdfium2 (fast; pdfplumber takes ~0.3 s a page).

    PDFium joins soft-hyphenated line breaks itself (it marks them U+FFFE), so tests about
    hyphenation read the pages they need with pdfplumber instead.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return tuple(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
