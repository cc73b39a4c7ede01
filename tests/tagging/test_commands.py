"""The train and evaluate sub-commands, through the real CLI entry point."""

from __future__ import annotations

import json

from contract_analyzer.cli import main


def test_unknown_variant_is_refused(capsys) -> None:
    assert main(["train", "--variant", "nonsense"]) == 2
    assert "unknown variant" in capsys.readouterr().err
    assert main(["evaluate", "--variant", "nonsense"]) == 2


def test_evaluate_saved_prints_every_figure(capsys) -> None:
    assert main(["evaluate", "--saved"]) == 0
    out = capsys.readouterr().out
    for label in ("reg.prec", "span.rec", "pres.F1", "regions per contract", "LEDGAR accuracy"):
        assert label in out
    assert main(["evaluate", "--saved", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    tune = metrics["tune_out_of_fold"]
    assert 0.0 < tune["region_precision_macro"] <= 1.0
    assert 0.0 < tune["span_recall_macro"] <= 1.0
    assert metrics["ledgar_provisions_held_out"] > 50


def test_evaluate_without_saved_metrics_fails_clearly(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CONTRACT_ANALYZER_MODELS", str(tmp_path))
    assert main(["evaluate", "--saved"]) == 1
    assert str(tmp_path / "metrics.json") in capsys.readouterr().err


def test_train_quick_check_writes_a_loadable_model(tmp_path, shared, capsys) -> None:
    """`train` end to end on a few real contracts: model, metrics.json, loadable, predicts."""
    from contract_analyzer.tagging.classifier import ClauseTagger

    argv = ["train", "--contracts", "6", "--external-every", "25", "--out", str(tmp_path)]
    assert main(argv) == 0
    assert "span.rec" in capsys.readouterr().out
    saved = json.loads((tmp_path / "metrics.json").read_text())
    assert saved["default"]["evaluation"].startswith("tuning part of CUAD")
    tagger = ClauseTagger.load(tmp_path)
    assert tagger.predict(["Notices shall be sent in writing to the addresses above."])[0]
