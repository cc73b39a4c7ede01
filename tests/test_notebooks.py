"""The notebooks in notebooks/ run top to bottom in a fresh kernel, and are committed clean.

Executed with nbclient (what nbmake runs) so ``make test`` covers them; each notebook runs
from its own folder, as a user who opens it in Jupyter would. ``pytest --nbmake notebooks``
runs the same notebooks.
"""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from contract_analyzer.resources import PROJECT_DIR

NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
NOTEBOOKS = ("01_quickstart.ipynb", "02_portfolio.ipynb", "03_model_evaluation.ipynb")
CELL_TIMEOUT_S = 300


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb")) == sorted(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    nbformat.validate(nb)
    dirty = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{name}: cells {dirty} hold outputs; clear them before committing"
    text = (NOTEBOOK_DIR / name).read_text(encoding="utf-8")
    home = str(PROJECT_DIR.parent)  # the folder the project was checked out in
    assert home not in text, f"{name}: absolute path; use paths relative to the project"


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name: str) -> None:
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"{name} failed:\n{exc}", pytrace=False)
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.get("output_type") == "error"
    ]
    assert not errors
