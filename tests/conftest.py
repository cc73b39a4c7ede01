"""Shared fixtures: the ../shared development data and corpus, skipped with a reason when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_analyzer.resources import PROJECT_DIR, shared_dir

SHARED = shared_dir()
SKIP_REASON = "../shared (development data and corpus) is not beside the project; CI always has it"


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path of ../shared; skips the test with a clear reason when it is absent."""
    if SHARED is None:
        pytest.skip(SKIP_REASON)
    return SHARED


@pytest.fixture(scope="session")
def project_dir() -> Path:
    return PROJECT_DIR


needs_shared = pytest.mark.skipif(SHARED is None, reason=SKIP_REASON)
