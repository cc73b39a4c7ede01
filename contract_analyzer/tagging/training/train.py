"""Rebuild the shipped clause tagger from ../shared data, reproducibly.

Steps: split CUAD by contract into a tuning and an evaluation part (``regions.cuad_part``) and
hold out one LEDGAR provision in five (by a hash of its text); assemble the training examples
of the tuning part (CUAD units and spans, and LEDGAR, ACORD, CLAUDETTE, templates except what
comes from an evaluation contract or a held-out provision); cross-validate by contract within
them for out-of-fold scores; fit the decision rule on those (``tune``: isotonic calibration,
per-type thresholds for precision at a recall floor); fit on all the tuning examples; save
the model (skops), convert it with skops's validation into the plain-data artefact read at
run time (``convert``), and its figures in ``metrics.json``. The evaluation part is measured by
``bench/eval_tagging.py``, never here.
"""

from __future__ import annotations

import json
import platform
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contract_analyzer.resources import models_dir
from contract_analyzer.tagging.classifier import ClauseTagger, model_file
from contract_analyzer.tagging.convert import convert
from contract_analyzer.tagging.training import evaluate as EV
from contract_analyzer.tagging.training import tune as T
from contract_analyzer.tagging.training.cuad import load_cuad
from contract_analyzer.tagging.training.data import (
    ContractIndex,
    Example,
    cuad_examples,
    external_examples,
)
from contract_analyzer.tagging.training.regions import REGION_CATEGORIES, split_contracts
from contract_analyzer.tagging.training.unit_cache import contract_units
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

METRICS_FILE = "metrics.json"
LEDGAR_HELD_OUT = 5  # one LEDGAR provision in five (crc32 of its text) is held out


@dataclass(frozen=True)
class Recipe:
    """Everything that decides a shipped model (kept in its metadata)."""

    features: str = "tfidf"
    C: float = 0.5
    max_tfidf_features: int = 100_000
    solver: str = "sgd"
    # None: per region type, the decision point with the best F1 of region precision and span
    # recall on the tuning contracts (out of fold); a number: the best precision keeping span
    # recall at that floor (tune.choose_thresholds; models/README.md shows the trade-off)
    recall_floor: float | None = None
    # weight of hand-labelled texts (CUAD expert spans, LEDGAR, ACORD, CLAUDETTE, templates)
    # against the units harvested from CUAD contracts, whose labels are partly inferred
    labelled_weight: float = 3.0
    n_folds: int = 3
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
    "static": Recipe(features="tfidf+static"),
    "accurate": Recipe(features="tfidf+minilm"),  # not shipped: see models/README.md
}


def ledgar_held_out(example: Example) -> bool:
    """A LEDGAR provision kept out of training and tuning (for the held-out accuracy)."""
    return example.source == "ledgar" and not zlib.crc32(example.text.encode()) % LEDGAR_HELD_OUT


def dense_embeddings(
    texts: list[str], features: str, cache_dir: Path | None = None
) -> dict[str, np.ndarray]:
    """Each text embedded once per dense feature kind of ``features``."""
    return {k: EV.embed(texts, k, cache_dir) for k in ("static", "minilm") if k in features}


@dataclass
class TrainingSet:
    """Tuning-part examples, the tuning contracts' units, and the held-out LEDGAR provisions."""

    corpus: EV.Corpus
    tune: T.TuneSet
    ledgar_held: list[Example]


def training_set(
    limit: int | None = None,
    external_every: int = 1,
    unit_cache: Path | None = None,
    log: Callable[[str], None] = print,
) -> TrainingSet:
    """Examples of the tuning part only (``limit``: first N tuning contracts, quick checks)."""
    contracts = load_cuad()
    tune_c, held_c = split_contracts(contracts)
    tune_c = tune_c[:limit] if limit is not None else tune_c
    held_names = {c.name for c in held_c}
    cu = contract_units(tune_c, unit_cache, log)
    examples: list[Example] = []
    rows: dict[str, np.ndarray] = {}
    for c in tune_c:
        first = len(examples)
        examples += cuad_examples([c], units=lambda c: (cu[c.name].units, cu[c.name].defining))
        rows[c.name] = np.arange(first, first + len(cu[c.name].units))
    held: list[Example] = []
    ledgar_rows = []
    for ex in external_examples(ContractIndex(contracts)):
        if zlib.crc32(ex.text.encode("utf-8")) % external_every:
            continue
        if ex.group in held_names or ledgar_held_out(ex):
            if ex.source == "ledgar" and ex.labels:
                held.append(ex)
            continue
        if ex.source == "ledgar" and ex.labels:
            ledgar_rows.append(len(examples))
        examples.append(ex)
    units = {c.name: cu[c.name].units for c in tune_c}
    corpus = EV.Corpus(examples, tuple(tune_c), units, rows, np.array(ledgar_rows, int))
    tune = T.TuneSet(tune_c, units, {c.name: cu[c.name].defining for c in tune_c}, rows)
    log(
        f"{len(examples)} training examples from {len(tune_c)} tuning contracts and others; "
        f"{len(held_c)} evaluation contracts and {len(held)} LEDGAR provisions held out"
    )
    return TrainingSet(corpus, tune, held)


def ledgar_accuracy(tagger: ClauseTagger, provisions: list[Example]) -> dict:
    """Top-1 accuracy on provisions: the highest-scoring type is one of the mapped types."""
    if not provisions:
        return {"ledgar_accuracy": 0.0, "ledgar_provisions": 0}
    proba = tagger.predict_proba([e.text for e in provisions])
    top = [str(tagger.classes_[int(np.argmax(p))]) for p in proba]
    hits = sum(t in e.labels for t, e in zip(top, provisions, strict=True))
    return {"ledgar_accuracy": hits / len(provisions), "ledgar_provisions": len(provisions)}


def train(
    variant: str = "default",
    out_dir: Path | None = None,
    recipe: Recipe | None = None,
    cache_dir: Path | None = None,
    log: Callable[[str], None] = print,
    limit: int | None = None,
    external_every: int = 1,
    save: bool = True,
) -> dict:
    """Fit on the tuning part, choose the decision rule out of fold, save; return figures.

    ``cache_dir`` keeps embeddings and CUAD units between runs; ``limit``/``external_every``
    make quick checks (the shipped model uses every tuning contract and example).
    """
    recipe = recipe or RECIPES[variant]
    out = Path(out_dir) if out_dir is not None else models_dir()
    units_dir = cache_dir / "units" if cache_dir is not None else None
    ts = training_set(limit, external_every, units_dir, log)
    ex = ts.corpus.examples
    texts = [e.text for e in ex]
    t0 = time.perf_counter()
    embeddings = dense_embeddings(texts, recipe.features, cache_dir)
    if embeddings:
        log(f"embedded in {time.perf_counter() - t0:.0f}s")
    weights = recipe.weights(ex)
    P, seconds = _oof_cached(ts.corpus, recipe, embeddings, weights, cache_dir, log)
    Y, K = EV.label_matrices(ex)
    plain, named = T.fit_calibrators(P, Y, K, ex)
    thresholds, relative, chosen = T.choose_thresholds(
        ts.tune, P, Y, K, plain, named, recipe.recall_floor, log
    )
    rule = T.DecisionRule(tuple(CLAUSE_TYPE_IDS), thresholds, plain, named, relative)
    tune_figures = T.tally_at(ts.tune, P, rule, REGION_CATEGORIES).summary()
    oof_ledgar = [i for i in ts.corpus.ledgar_rows]
    oof_acc = (
        float(np.mean([CLAUSE_TYPE_IDS[int(np.argmax(P[i]))] in ex[i].labels for i in oof_ledgar]))
        if oof_ledgar
        else 0.0
    )
    t0 = time.perf_counter()
    tagger = recipe.make()
    tagger.fit(texts, [e.labels for e in ex], [e.known for e in ex], embeddings, weights)
    seconds["final_fit"] = time.perf_counter() - t0
    col = [CLAUSE_TYPE_IDS.index(str(c)) for c in tagger.classes_]
    tagger.thresholds_ = np.asarray(thresholds[col], dtype=np.float32)
    tagger.relative_ = np.asarray(relative[col], dtype=np.float64)
    kept = {str(c) for c in tagger.classes_}
    tagger.calibration_ = {t: (c.x, c.y) for t, c in plain.items() if t in kept}
    tagger.calibration_named_ = {t: (c.x, c.y) for t, c in named.items() if t in kept}
    metrics = {
        "tune_out_of_fold": tune_figures,
        "thresholds": chosen,
        "ledgar_tune_out_of_fold_accuracy": oof_acc,
        **{f"{k}_held_out": v for k, v in ledgar_accuracy(tagger, ts.ledgar_held).items()},
        "seconds": seconds,
    }
    tagger.meta_ = {
        "variant": variant,
        "recipe": recipe.__dict__,
        "examples": len(ex),
        "sources": _source_counts(ex),
        "python": platform.python_version(),
    }
    if save:
        path = tagger.save(out / model_file(variant))
        log(f"saved {path}")
        # validate with skops once, here, and ship the arrays it let through (issue 17)
        log(f"saved {convert(path)} (the artefact read at run time)")
        write_metrics(out, variant, recipe, metrics, len(ex))
    return metrics


def _oof_cached(corpus, recipe, embeddings, weights, cache_dir, log):
    """Out-of-fold scores, kept in ``cache_dir`` by recipe and texts (decision-rule work
    re-runs without refitting the folds)."""
    import hashlib

    fit_params = {k: v for k, v in recipe.__dict__.items() if k != "recall_floor"}
    h = hashlib.sha256(json.dumps(fit_params, sort_keys=True).encode())
    for e in corpus.examples:
        h.update(e.text.encode("utf-8"))
        h.update(",".join(sorted(e.labels)).encode())
    path = cache_dir / f"oof-{h.hexdigest()[:16]}.npy" if cache_dir is not None else None
    if path is not None and path.is_file():
        log(f"out-of-fold scores from {path}")
        return np.load(path), {"fit": 0.0, "predict": 0.0}
    P, _fold, seconds = EV.oof_proba(
        corpus, recipe.make, recipe.n_folds, embeddings, log, sample_weight=weights
    )
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, P)
    return P, seconds


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
        "evaluation": (
            f"tuning part of CUAD, {recipe.n_folds}-fold out-of-fold by contract; the "
            "evaluation part: bench/eval_tagging.py"
        ),
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
