"""Rebuild the shipped clause tagger from ../shared data, reproducibly.

Steps: assemble the examples (CUAD units and spans, LEDGAR, ACORD, CLAUDETTE, templates);
cross-validate by contract to get out-of-fold scores; measure the bars with thresholds chosen
on the other folds; choose the final per-type thresholds on all out-of-fold scores; fit on
everything; save the model (skops) and merge its metrics into ``metrics.json``.
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contract_analyzer.resources import models_dir
from contract_analyzer.tagging.classifier import ClauseTagger, model_file
from contract_analyzer.tagging.training import evaluate as EV
from contract_analyzer.tagging.training import labels as L
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

METRICS_FILE = "metrics.json"


@dataclass(frozen=True)
class Recipe:
    """Everything that decides a shipped model (kept in its metadata)."""

    features: str = "tfidf+static"
    C: float = 0.5
    max_tfidf_features: int = 100_000
    solver: str = "sgd"
    # per-type thresholds maximise F-beta on out-of-fold scores: ``beta`` for a unit to be
    # tagged on its own (it also decides whether a document holds the type at all), the larger
    # ``context_beta`` for further units of a type the document holds (recall first)
    beta: float = 1.5
    context_beta: float = 4.0
    # weight of hand-labelled texts (CUAD expert spans, LEDGAR, ACORD, CLAUDETTE, templates)
    # against the units harvested from CUAD contracts, whose labels are partly inferred
    labelled_weight: float = 3.0
    n_folds: int = 5
    seed: int = 0

    def make(self) -> ClauseTagger:
        """A fresh, unfitted tagger with this recipe's parameters."""
        return ClauseTagger(
            features=self.features,
            C=self.C,
            max_tfidf_features=self.max_tfidf_features,
            solver=self.solver,
            random_state=self.seed,
        )

    def weights(self, examples) -> np.ndarray:
        """Sample weight of each example: 1 for harvested CUAD units, ``labelled_weight`` else."""
        return np.array(
            [1.0 if e.source == "cuad-unit" else self.labelled_weight for e in examples]
        )


RECIPES: dict[str, Recipe] = {
    "default": Recipe(),
    "accurate": Recipe(features="tfidf+minilm"),  # not shipped: see models/README.md
}


def dense_embeddings(
    texts: list[str], features: str, cache_dir: Path | None = None
) -> dict[str, np.ndarray]:
    """Each text embedded once per dense feature kind of ``features``."""
    return {k: EV.embed(texts, k, cache_dir) for k in ("static", "minilm") if k in features}


def cross_validated(
    recipe: Recipe,
    corpus: EV.Corpus | None = None,
    cache_dir: Path | None = None,
    log: Callable[[str], None] = print,
) -> tuple[dict, np.ndarray, EV.Corpus, dict[str, np.ndarray]]:
    """(bar metrics, out-of-fold scores, corpus, embeddings) for a recipe."""
    from contract_analyzer.tagging import HEADING_FACTOR

    corpus = corpus if corpus is not None else EV.build_corpus()
    log(f"{len(corpus.examples)} examples from {len(corpus.contracts)} CUAD contracts and others")
    texts = [e.text for e in corpus.examples]
    t0 = time.perf_counter()
    embeddings = dense_embeddings(texts, recipe.features, cache_dir)
    log(f"embedded in {time.perf_counter() - t0:.0f}s")
    weights = recipe.weights(corpus.examples)
    P, fold, seconds = EV.oof_proba(
        corpus, recipe.make, recipe.n_folds, embeddings, log, sample_weight=weights
    )
    Y, K = EV.label_matrices(corpus.examples)
    thresholds = EV.fold_thresholds(P, Y, K, fold, recipe.beta)
    context = {
        k: measured_context(c, thresholds[k])
        for k, c in EV.fold_thresholds(P, Y, K, fold, recipe.context_beta).items()
    }
    metrics = EV.score(corpus, P, fold, thresholds, HEADING_FACTOR, context).summary()
    metrics["seconds"] = seconds
    return metrics, P, corpus, embeddings


def measured_context(context: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Context thresholds kept only for types with CUAD spans, where span recall measures what
    they add (and unit precision what they cost); other types keep their threshold: their
    labels come from headings, and a low bar there tags unrelated units of the document."""
    measured = set(L.cuad_mapped_types())
    keep = np.array([t in measured for t in CLAUSE_TYPE_IDS])
    return np.where(keep, context, thresholds)


def train(
    variant: str = "default",
    out_dir: Path | None = None,
    recipe: Recipe | None = None,
    cache_dir: Path | None = None,
    log: Callable[[str], None] = print,
    corpus: EV.Corpus | None = None,
) -> dict:
    """Cross-validate, fit on all data, save ``clause_tagger[-variant].skops``; return metrics.

    ``corpus`` defaults to every source in full (what the shipped model is built from).
    """
    recipe = recipe or RECIPES[variant]
    out = Path(out_dir) if out_dir is not None else models_dir()
    metrics, P, corpus, embeddings = cross_validated(recipe, corpus, cache_dir=cache_dir, log=log)
    Y, K = EV.label_matrices(corpus.examples)
    every = np.arange(len(P))
    all_thresholds = EV.choose_thresholds(P, Y, K, every, recipe.beta)
    all_context = measured_context(
        EV.choose_thresholds(P, Y, K, every, recipe.context_beta), all_thresholds
    )
    ex = corpus.examples
    tagger = recipe.make()
    tagger.fit(
        [e.text for e in ex],
        [e.labels for e in ex],
        [e.known for e in ex],
        embeddings,
        sample_weight=recipe.weights(ex),
    )
    col = [CLAUSE_TYPE_IDS.index(str(c)) for c in tagger.classes_]
    tagger.thresholds_ = np.asarray(all_thresholds[col], dtype=np.float32)
    tagger.context_thresholds_ = np.asarray(all_context[col], dtype=np.float32)
    tagger.meta_ = {
        "variant": variant,
        "recipe": recipe.__dict__,
        "examples": len(ex),
        "sources": _source_counts(ex),
        "python": platform.python_version(),
    }
    path = tagger.save(out / model_file(variant))
    log(f"saved {path}")
    write_metrics(out, variant, recipe, metrics, len(ex))
    return metrics


def _source_counts(examples) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in examples:
        counts[e.source] = counts.get(e.source, 0) + 1
    return dict(sorted(counts.items()))


def write_metrics(out: Path, variant: str, recipe: Recipe, metrics: dict, n: int) -> Path:
    """Merge one variant's cross-validated metrics into ``metrics.json``."""
    path = out / METRICS_FILE
    data = json.loads(path.read_text()) if path.is_file() else {}
    data[variant] = {
        "model_file": model_file(variant),
        "recipe": recipe.__dict__,
        "training_examples": n,
        "evaluation": f"{recipe.n_folds}-fold cross-validation split by contract",
        "metrics": _rounded(metrics),
    }
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    return path


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value
