"""Printing the tagger's training-time figures as a short table."""

from __future__ import annotations

from contract_analyzer.tagging.training.regions import format_table


def print_metrics(metrics: dict) -> None:
    """The tuning part's out-of-fold region figures, thresholds and held-out LEDGAR accuracy."""
    tune = metrics.get("tune_out_of_fold")
    if tune:
        print(
            format_table(
                tune, "CUAD tuning part, out of fold (what the thresholds were chosen on):"
            )
        )
    acc = metrics.get("ledgar_accuracy_held_out", 0.0)
    n = metrics.get("ledgar_provisions_held_out", 0)
    print(f"LEDGAR accuracy (top type = mapped type), {n} held-out provisions: {acc:.3f}")
    print(
        "LEDGAR accuracy, tuning provisions out of fold: "
        f"{metrics.get('ledgar_tune_out_of_fold_accuracy', 0.0):.3f}"
    )
    thresholds = metrics.get("thresholds") or {}
    if thresholds:
        print(
            "thresholds: " + ", ".join(f"{t} {v['threshold']:.2f}" for t, v in thresholds.items())
        )
