"""Portfolio pages built once per session by the real command on real contracts.

The sample folder's analyses go to the project's cache (``.contract_analyzer_cache``, the
same one notebooks/02_portfolio.ipynb uses), so whichever runs first pays for them.
"""

from __future__ import annotations

import pytest
from portfolio_support import (
    AS_OF,
    BROKEN_NAME,
    CACHE,
    HOSTILE_NAME,
    HOSTILE_TEXT,
    SAMPLES,
    Built,
    build_report,
)


@pytest.fixture(scope="session")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The report of data/sample_contracts."""
    built = build_report(SAMPLES, tmp_path_factory.mktemp("report") / "portfolio.html")
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="session")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The report of a folder holding one contract with HTML and script in its name and text,
    and one damaged PDF (an error row: the command exits 1 and lists it on the page)."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / BROKEN_NAME).write_bytes(b"%PDF-1.4\n this is not a PDF body")
    built = build_report(folder, tmp_path_factory.mktemp("hostile-out") / "portfolio.html", jobs=1)
    assert built.returncode == 1, built.stderr
    return built


@pytest.fixture(scope="session")
def sample_portfolio(sample_page: Built):
    """The sample folder as a Portfolio (served from the cache the report filled)."""
    from contract_analyzer.portfolio import load_portfolio

    return load_portfolio(SAMPLES, as_of=AS_OF, jobs=2, cache=CACHE, progress=False)
