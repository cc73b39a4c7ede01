"""Printing the tagger's bar metrics as a short table."""

from __future__ import annotations

BARS = {
    "cuad_span_recall_macro": (">=", 0.90, "CUAD span recall, macro over mapped types"),
    "presence_f1_macro": (">=", 0.90, "presence F1, macro over exhaustive types"),
    "ledgar_accuracy": (">=", 0.90, "LEDGAR accuracy (top type = mapped type)"),
    "mean_words_per_clause": ("<", 250.0, "mean words per tagged clause"),
}


def print_metrics(metrics: dict) -> None:
    """One line per bar (value, bar, pass/FAIL), then the per-type parts."""
    for key, (op, bar, label) in BARS.items():
        value = float(metrics.get(key, 0.0))
        ok = value >= bar if op == ">=" else value < bar
        print(f"{label:48s} {value:8.3f}  bar {op} {bar:<6}  {'pass' if ok else 'FAIL'}")
    print(
        f"{'LEDGAR hit rate (mapped type among predicted)':48s} {metrics.get('ledgar_hit_rate', 0):8.3f}"
    )
    print(
        f"{'unit precision, macro over CUAD types (info)':48s} {metrics.get('unit_precision_macro', 0):8.3f}"
    )
    for part in ("cuad_span_recall", "presence_f1", "unit_precision_cuad_types"):
        values = metrics.get(part) or {}
        if values:
            print(f"{part}: " + ", ".join(f"{k} {v:.3f}" for k, v in values.items()))
