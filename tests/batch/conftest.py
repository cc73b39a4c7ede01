"""A small real portfolio for the batch tests, built in a temporary folder from ../shared."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from batch_fixtures import (
    CUAD_TEXTS,
    ENCRYPTED_PDF,
    FORMULA_HEAD,
    FORMULA_NAME,
    ODD_FILES,
    TEMPLATE_DOCX,
)


@pytest.fixture(scope="session")
def portfolio(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two CUAD contracts (text), a DOCX template, an encrypted PDF from the corpus, a CUAD
    contract whose first line is a formula, and the odd but readable corpus files in odd/.

    Every real analysis here is cheap (small files); what costs time is a worker loading the
    model, so the whole session analyses this folder twice: once by the CLI (``scored``) and
    once on Dask (test_batch_dask.py). Every other batch test uses light work functions."""
    folder = tmp_path_factory.mktemp("portfolio")
    cuad = shared / "data" / "cuad" / "txt"
    for name in CUAD_TEXTS:
        shutil.copy(cuad / name, folder / name)
    (folder / "templates").mkdir()
    shutil.copy(shared / "data" / "templates" / "docx" / TEMPLATE_DOCX, folder / "templates")
    shutil.copy(shared / "corpus" / "pdf" / ENCRYPTED_PDF, folder / ENCRYPTED_PDF)
    body = (cuad / CUAD_TEXTS[0]).read_text(encoding="utf-8")
    (folder / FORMULA_NAME).write_text(FORMULA_HEAD + body, encoding="utf-8")
    (folder / "odd").mkdir()
    for rel in ODD_FILES:
        shutil.copy(shared / "corpus" / rel, folder / "odd")
    return folder


@pytest.fixture(scope="session")
def scored(portfolio: Path, tmp_path_factory: pytest.TempPathFactory):
    """One real `contract-analyzer score` run in a subprocess (two workers, own cache):
    (the finished process, the output folder, the cache folder)."""
    out = tmp_path_factory.mktemp("out")
    cache = out / "cache"
    proc = subprocess.run(
        [sys.executable, "-m", "contract_analyzer.cli", "score", str(portfolio),
         "-o", str(out / "results.csv"), "--jobs", "2", "--cache-dir", str(cache),
         "--as-of", "2020-01-01", "--timeout", "300"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return proc, out, cache
