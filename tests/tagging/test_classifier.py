"""ClauseTagger: scikit-learn conventions, persistence, offline loading, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from contract_analyzer.errors import ModelNotFound
from contract_analyzer.tagging.classifier import ClauseTagger, model_file
from contract_analyzer.taxonomy import CLAUSE_TYPES


def test_missing_model_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound) as err:
        ClauseTagger.load(tmp_path)
    assert str(tmp_path / model_file()) in str(err.value)
    with pytest.raises(ModelNotFound, match="nowhere.skops"):
        ClauseTagger.load(tmp_path / "nowhere.skops")


def test_missing_model_folder_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONTRACT_ANALYZER_MODELS", str(tmp_path / "empty"))
    with pytest.raises(ModelNotFound, match="empty"):
        ClauseTagger.load()


def test_fit_predict_on_a_tiny_real_subset(tmp_path: Path, shared: Path) -> None:
    """Real LEDGAR and Common Paper clauses; sklearn conventions; save/load round trip."""
    from contract_analyzer.tagging.training.data import ledgar_examples, template_examples

    examples = ledgar_examples() + template_examples()
    texts = [e.text for e in examples]
    labels = [sorted(e.labels) for e in examples]
    tagger = ClauseTagger(features="tfidf", min_positives=4)
    assert clone(tagger).get_params() == tagger.get_params()
    assert tagger.fit(texts, labels) is tagger
    assert set(tagger.classes_) <= set(CLAUSE_TYPES)
    assert {"governing_law", "notices", "general"} <= set(tagger.classes_)
    proba = tagger.predict_proba(texts[:5])
    assert proba.shape == (5, len(tagger.classes_))
    assert np.all((proba >= 0) & (proba <= 1))
    queries = [
        "This Agreement shall be governed by and construed in accordance with the laws of the "
        "State of Delaware, without regard to its conflict of laws principles.",
        "All notices under this Agreement shall be in writing and delivered by hand, courier or "
        "certified mail to the addresses set out above.",
    ]
    predictions = tagger.predict(queries)
    assert predictions[0][0][0] == "governing_law"
    assert predictions[1][0][0] == "notices"
    for row in predictions:
        scores = [s for _, s in row]
        assert scores == sorted(scores, reverse=True)
    path = tagger.save(tmp_path / "tiny.skops")
    again = ClauseTagger.load(path)
    assert np.array_equal(again.predict_proba(queries), tagger.predict_proba(queries))
    assert again.predict(queries) == predictions
    # a calibrator (here: every score halved) and relative shares survive the skops file
    tagger.calibration_ = {"notices": (np.array([0.0, 1.0]), np.array([0.0, 0.5]))}
    tagger.relative_ = np.full(len(tagger.classes_), 0.5)
    again = ClauseTagger.load(tagger.save(tmp_path / "calibrated.skops"))
    j = list(again.classes_).index("notices")
    raw = again.predict_proba(queries)[:, j]
    assert np.allclose(again.confidence(queries)[:, j], raw / 2)
    assert np.array_equal(again.decision_rule().relative, tagger.relative_)


def test_unknown_label_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown clause type"):
        ClauseTagger(features="tfidf").fit(["a text"] * 10, [["not_a_type"]] * 10)


def test_shipped_model_loads_and_predicts_without_network(tmp_path: Path) -> None:
    """A fresh process with sockets disabled and the hub offline loads and predicts."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from contract_analyzer.tagging.classifier import ClauseTagger
        tagger = ClauseTagger.load()
        print(tagger.predict(["Each party shall keep the other party's Confidential "
                              "Information secret and use it only for this Agreement."]))
        """
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "confidentiality" in done.stdout


def test_shipped_model_is_deterministic() -> None:
    texts = [
        "Licensee shall maintain commercial general liability insurance of at least $1,000,000.",
        "Neither party may assign this Agreement without the prior written consent of the other.",
    ]
    first = ClauseTagger.load()
    second = ClauseTagger.load()
    assert first.predict(texts) == second.predict(texts) == first.predict(texts)
    assert np.array_equal(first.predict_proba(texts), second.predict_proba(texts))
    assert first.predict(texts)[0][0][0] == "insurance"
    assert first.predict(texts)[1][0][0] == "assignment"


def test_loading_the_skops_model_imports_neither_torch_nor_dask() -> None:
    """skops is imported with a lighter estimator discovery that trusts exactly the same types
    (the skops file is read when converting it and for models trained before the artefact)."""
    script = textwrap.dedent(
        """
        import sys
        from contract_analyzer.resources import models_dir
        from contract_analyzer.tagging.classifier import ClauseTagger, model_file
        ClauseTagger.load(models_dir() / model_file()).predict(["Neither party may assign."])
        assert "skops.io" in sys.modules
        heavy = sorted(m for m in ("torch", "dask", "pytest") if m in sys.modules)
        from skops.io._trusted_types import SKLEARN_ESTIMATOR_TYPE_NAMES as ours
        from skops.io._utils import get_type_name
        from sklearn.utils import all_estimators
        theirs = [get_type_name(c) for _, c in all_estimators()]
        same = sorted(ours) == sorted(t for t in theirs if t.startswith("sklearn."))
        print(heavy, same, len(ours))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    heavy, same, n = done.stdout.strip().rsplit(" ", 2)
    assert heavy == "[]", f"loading the model imported {heavy}"
    assert same == "True" and int(n) > 100
