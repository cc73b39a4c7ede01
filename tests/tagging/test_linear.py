"""The scikit-learn-free runtime tagger gives the estimator's outputs bit for bit (issue 17)."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from contract_analyzer.resources import models_dir
from contract_analyzer.tagging.classifier import ClauseTagger, model_file
from contract_analyzer.tagging.linear import LinearTagger, load_tagger

CONTRACTS = 6  # CUAD contracts whose paragraphs are compared (about 800 texts)


@pytest.fixture(scope="module")
def paragraphs(shared: Path) -> list[str]:
    """Paragraphs of real CUAD contracts, and a few edge cases (accents, ligature, empty)."""
    files = sorted((shared / "data" / "cuad" / "txt").iterdir())[::40][:CONTRACTS]
    out = [
        p
        for f in files
        for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8", errors="replace"))
        if p.strip()
    ]
    return [*out, "", "Señor Müller's ﬁnancing café", "a b c", "x " * 600]


def test_runtime_tagger_equals_the_estimator_bit_for_bit(paragraphs: list[str]) -> None:
    estimator = ClauseTagger.load(models_dir() / model_file())  # skops, sklearn's arithmetic
    runtime = load_tagger()
    assert isinstance(runtime, LinearTagger)
    assert len(paragraphs) > 300
    assert np.array_equal(
        runtime.decision_function(paragraphs), estimator.decision_function(paragraphs)
    )
    assert np.array_equal(runtime.predict_proba(paragraphs), estimator.predict_proba(paragraphs))
    assert runtime.predict(paragraphs) == estimator.predict(paragraphs)
    assert runtime.decision_rule().classes == estimator.decision_rule().classes
    assert runtime.get_params() == estimator.get_params()
    assert runtime.predict_proba([]).shape == (0, len(runtime.classes_))


def test_a_skops_file_loads_as_the_estimator(tmp_path: Path) -> None:
    assert isinstance(load_tagger(models_dir() / model_file()), ClauseTagger)


def test_analyze_imports_neither_sklearn_nor_scipy(project_dir: Path) -> None:
    """``ca.analyze`` of a real contract loads the runtime tagger only."""
    sample = sorted((project_dir / "data" / "sample_contracts").glob("*.docx"))[0]
    script = textwrap.dedent(
        f"""
        import sys
        import contract_analyzer as ca
        report = ca.analyze({str(sample)!r})
        print(len(report.clauses) > 0)
        print(sorted(m for m in ("sklearn", "scipy", "skops") if m in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["True", "[]"]
