"""Compare clause classifiers by the issue's bars and by speed; prints one table.

Candidates: TF-IDF + linear model; static embeddings (model2vec distilled from the packaged
all-MiniLM-L6-v2, models/static-minilm); all-MiniLM-L6-v2 itself (sentence-transformers);
and combinations: concatenated features ("a+b") and averaged out-of-fold probabilities
("avg(a,b)"). Every candidate is cross-validated the same way (5 folds by contract, thresholds
chosen on the other folds, held-out contracts tagged end to end with the heading rules).
Speed is clauses per second of ``predict_proba`` on the units of real CUAD contracts, models
warm, embedding included.

    .venv/bin/python bench/compare_classifiers.py                  # all CUAD contracts
    .venv/bin/python bench/compare_classifiers.py --contracts 120  # quicker, fewer contracts
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contract_analyzer.tagging import HEADING_FACTOR  # noqa: E402
from contract_analyzer.tagging.training import evaluate as EV  # noqa: E402
from contract_analyzer.tagging.training.cuad import load_cuad  # noqa: E402
from contract_analyzer.tagging.training.train import Recipe  # noqa: E402

CANDIDATES = [
    "tfidf",
    "static",
    "minilm",
    "tfidf+static",
    "static+minilm",
    "tfidf+minilm",
    "tfidf+static+minilm",
]
AVERAGED = [("tfidf", "static"), ("tfidf", "minilm"), ("tfidf+static", "minilm")]


def speed(features: str, corpus: EV.Corpus, n_units: int = 400, repeat: int = 2) -> float:
    """Clauses per second of a fitted tagger on CUAD units (embedding included, models warm)."""
    texts = []
    for c in corpus.contracts:
        texts += [c.document.text[u.start : u.end] for u in corpus.units[c.name]]
        if len(texts) >= n_units:
            break
    texts = texts[:n_units]
    ex = corpus.examples[:4000]
    tagger = Recipe(features=features).make()
    tagger.fit([e.text for e in ex], [e.labels for e in ex], [e.known for e in ex])  # speed only
    tagger.predict_proba(texts[:50])  # warm up (models load once)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        tagger.predict_proba(texts)
        best = min(best, time.perf_counter() - t0)
    return len(texts) / best


def scored(corpus: EV.Corpus, P: np.ndarray, fold: np.ndarray, Y, K, recipe: Recipe) -> dict:
    """Bar metrics of out-of-fold scores, thresholds as the shipped recipe chooses them."""
    thresholds = EV.fold_thresholds(P, Y, K, fold, recipe.beta)
    context = EV.fold_thresholds(P, Y, K, fold, recipe.context_beta)
    return EV.score(corpus, P, fold, thresholds, HEADING_FACTOR, context).summary()


def row(name: str, m: dict, rate: float | None) -> str:
    r = f"{rate:10.0f}" if rate is not None else f"{'-':>10}"
    return (
        f"{name:24s} {m['cuad_span_recall_macro']:7.3f} {m['presence_f1_macro']:7.3f} "
        f"{m['ledgar_accuracy']:7.3f} {m['unit_precision_macro']:7.3f} "
        f"{m['mean_words_per_clause']:6.0f} {r}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=None, help="first N CUAD contracts")
    parser.add_argument(
        "--external-every", type=int, default=1, help="keep 1 in N non-CUAD examples"
    )
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / "out" / "embeddings")
    parser.add_argument("--only", default=None, help="comma-separated candidates to run")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()

    corpus = EV.build_corpus(load_cuad(args.contracts), external_every=args.external_every)
    texts = [e.text for e in corpus.examples]
    print(f"{len(corpus.examples)} examples, {len(corpus.contracts)} CUAD contracts", flush=True)
    candidates = args.only.split(",") if args.only else CANDIDATES
    needed = {k for c in candidates for k in ("static", "minilm") if k in c}
    embeddings = {}
    for kind in sorted(needed):
        t0 = time.perf_counter()
        embeddings[kind] = EV.embed(texts, kind, args.cache)
        print(f"embedded {kind} in {time.perf_counter() - t0:.0f}s", flush=True)
    Y, K = EV.label_matrices(corpus.examples)
    recipe = Recipe()
    weights = recipe.weights(corpus.examples)
    oof: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    lines = []
    header = (
        f"{'classifier':24s} {'recall':>7s} {'presF1':>7s} {'ledgar':>7s} {'uprec':>7s} "
        f"{'words':>6s} {'clauses/s':>10s}"
    )
    for name in candidates:
        emb = {k: v for k, v in embeddings.items() if k in name}
        P, fold, _ = EV.oof_proba(
            corpus,
            lambda n=name: Recipe(features=n).make(),
            recipe.n_folds,
            emb,
            sample_weight=weights,
        )
        oof[name] = (P, fold)
        metrics = scored(corpus, P, fold, Y, K, recipe)
        rate = None if args.no_speed else speed(name, corpus)
        lines.append(row(name, metrics, rate))
        print(lines[-1], flush=True)
    for a, b in AVERAGED:
        if a in oof and b in oof:
            P = (oof[a][0] + oof[b][0]) / 2
            metrics = scored(corpus, P, oof[a][1], Y, K, recipe)
            lines.append(row(f"avg({a},{b})", metrics, None))
            print(lines[-1], flush=True)
    print()
    print("recall: CUAD span recall (macro); presF1: contract presence F1 (exhaustive types);")
    print("ledgar: LEDGAR top-1 accuracy; uprec: unit precision on CUAD types (info);")
    print(
        "words: mean words per tagged clause; clauses/s: predict_proba speed (avg(): sum of parts)"
    )
    print(header)
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
