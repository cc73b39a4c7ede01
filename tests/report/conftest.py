"""Reports built once per session by the real pipeline (ingest, segment, tag, facts, check)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from contract_analyzer.resources import PROJECT_DIR

AS_OF = dt.date(2026, 11, 26)
SAMPLES = PROJECT_DIR / "data" / "sample_contracts"


@cache
def analyzed(path: str, playbook: str | None = None):
    from contract_analyzer.pipeline import analyze

    return analyze(Path(path), playbook=playbook, as_of=AS_OF)


@pytest.fixture(scope="session")
def tagger():
    """The shipped clause tagger, loaded once for the session."""
    from contract_analyzer.tagging import default_tagger

    return default_tagger()


@pytest.fixture(scope="session")
def csa_report(shared: Path, tagger):
    """Common Paper Cloud Service Agreement (DOCX) analysed with the detected playbook."""
    return analyzed(
        str(shared / "data" / "templates" / "docx" / "common-paper-cloud-service-agreement.docx")
    )


@pytest.fixture(scope="session")
def msa_report(tagger):
    """The sample MSA (DOCX): auto-renewal with a 90-day notice, so a notice deadline exists."""
    path = SAMPLES / "c01_msa_meridian_kestrel.docx"
    if not path.is_file():
        pytest.fail(f"sample contract {path.name} is missing")
    return analyzed(str(path))


@pytest.fixture(scope="session")
def draft_report(tagger):
    """The badly drafted sample MSA (DOCX): placeholders, inconsistent numbers."""
    path = SAMPLES / "c12_msa_tessellate_draft.docx"
    if not path.is_file():
        pytest.fail(f"sample contract {path.name} is missing")
    return analyzed(str(path))
