"""Fixtures for segmentation tests: real CUAD contracts and DOCX templates read once."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def load():
    """``load(path)`` -> Document through the real ingest stage, cached per path."""
    from contract_analyzer.ingest import load_document

    cache: dict[Path, object] = {}

    def _load(path: Path):
        if path not in cache:
            cache[path] = load_document(path)
        return cache[path]

    return _load
