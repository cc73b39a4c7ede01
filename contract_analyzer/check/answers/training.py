"""Train the learned answers (:mod:`.learned`) on the tuning half of CUAD only.

    python -m contract_analyzer.check.answers.training [--out models/cuad_answers.json]

Reads ``../shared/data/cuad`` in place (never copies it). Sentences are the answers' own
(``sentence_spans(text, items=True)``); a sentence is a positive of a category when it overlaps
an expert span of that category, every other sentence of the tuning contracts is a negative.
One TF-IDF vectoriser and one logistic regression per category, each sentence read with the
sentences before it (:data:`SETTINGS`: context width and C, cross-validated). 5-fold cross-
validation grouped by contract gives out-of-fold best-sentence scores per contract; per
category each mode (``cue`` / ``clf`` / ``or`` / ``and``) is scored by nested F1 (the threshold
chosen on the other folds only) and the best kept (``cue`` unless beaten by :data:`MARGIN`),
its threshold then chosen on all out-of-fold scores. Choices and figures go in the JSON. Fixed folds
and solvers: the same data gives the same model. scikit-learn is imported here only.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from contract_analyzer.check.answers.extract import DATE_KINDS, cue_spans, sentences_of
from contract_analyzer.check.answers.learned import (
    MODES,
    Decision,
    answer_model_path,
    windows,
    write_answer_model,
)
from contract_analyzer.check.answers.model import CATEGORIES, VALUE_ONLY
from contract_analyzer.tagging.training.cuad import CuadContract, file_key, load_cuad

# Read by the checker (liability, governing law) or shared with its findings through
# ``check.statements`` (assignment, exit assistance): never learned, so answers and findings agree.
CHECKER_READ = (
    "governing_law",
    "cap_on_liability",
    "uncapped_liability",
    "post_termination_services",
    "anti_assignment",
)
LEARNED = tuple(
    c for c in CATEGORIES if c not in VALUE_ONLY and c not in DATE_KINDS and c not in CHECKER_READ
)
FOLDS = 5
MARGIN = 0.02  # out-of-fold F1 another mode must gain over the lexicon alone
TFIDF = {"ngram_range": (1, 2), "min_df": 3, "max_features": 40000, "sublinear_tf": True}
# (sentences read before each sentence, inverse L2 strength C): cross-validated, best kept
SETTINGS: tuple[tuple[int, float], ...] = ((0, 1.0), (1, 1.0), (2, 1.0), (1, 0.3), (1, 3.0))


def snake(category: str) -> str:
    """CUAD's column name in snake_case ("Cap On Liability" -> "cap_on_liability")."""
    return re.sub(r"[^a-z0-9]+", "_", category.lower()).strip("_")


def part_of(name: str) -> str:
    """``tuning`` or ``held-out``: a fixed hash of the contract's file key (half each); the
    split of ``bench/findings_vs_experts.py``."""
    return "held-out" if hashlib.sha256(file_key(name).encode()).digest()[0] % 2 else "tuning"


def expert_yes(contract: CuadContract) -> dict[str, bool]:
    """Per category: the experts answered Yes or gave a non-empty normalised answer."""
    out = {}
    for k, v in contract.answers.items():
        a = (v or "").strip()
        out[snake(k)] = bool(a) and a.lower() != "no"
    return out


@dataclass
class ContractRows:
    """One contract's sentences, their labels per learned category, cue and expert presence."""

    name: str
    texts: list[str]
    labels: np.ndarray  # sentences x LEARNED, bool
    cue: np.ndarray  # LEARNED, bool
    gold: np.ndarray  # LEARNED, bool


def contract_rows(contract: CuadContract) -> ContractRows:
    """The training rows of one contract."""
    text = contract.document.text
    sents = sentences_of(text)
    index = {c: j for j, c in enumerate(LEARNED)}
    labels = np.zeros((len(sents), len(LEARNED)), dtype=bool)
    starts = np.array([s for s, _, _ in sents] or [0])
    ends = np.array([e for _, e, _ in sents] or [0])
    for sp in contract.spans:
        j = index.get(snake(sp.category))
        if j is not None and sents:
            labels[(starts < sp.end) & (ends > sp.start), j] = True
    cues = cue_spans(sents)
    gold = expert_yes(contract)
    return ContractRows(
        contract.name,
        [flat for _, _, flat in sents],
        labels,
        np.array([bool(cues.get(c)) for c in LEARNED]),
        np.array([gold.get(c, False) for c in LEARNED]),
    )


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    tp = int(np.sum(pred & gold))
    fp, fn = int(np.sum(pred & ~gold)), int(np.sum(~pred & gold))
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def _predict(mode: str, t: float, best: np.ndarray, cue: np.ndarray) -> np.ndarray:
    fired = best >= t
    return {"cue": cue, "clf": fired, "or": fired | cue, "and": fired & cue}[mode]


def best_threshold(mode: str, best: np.ndarray, cue: np.ndarray, gold: np.ndarray) -> float:
    """The threshold of best F1 for ``mode`` (midpoints of the observed scores)."""
    cands = np.unique(best[np.isfinite(best)])
    if len(cands) < 2:
        return float(cands[0]) if len(cands) else 0.0
    thresholds = (cands[:-1] + cands[1:]) / 2
    f1s = [_f1(_predict(mode, float(t), best, cue), gold) for t in thresholds]
    return float(thresholds[int(np.argmax(f1s))])


def nested_f1(
    mode: str, best: np.ndarray, cue: np.ndarray, gold: np.ndarray, fold: np.ndarray
) -> float:
    """F1 of ``mode`` when each fold's threshold is chosen on the other folds only."""
    if mode == "cue":
        return _f1(cue, gold)
    pred = np.zeros(len(gold), dtype=bool)
    for k in np.unique(fold):
        inside, outside = fold != k, fold == k
        t = best_threshold(mode, best[inside], cue[inside], gold[inside])
        pred[outside] = _predict(mode, t, best[outside], cue[outside])
    return _f1(pred, gold)


def choose(
    best: np.ndarray, cue: np.ndarray, gold: np.ndarray, fold: np.ndarray
) -> tuple[str, float, dict[str, float]]:
    """The mode of best nested F1 (``cue`` unless beaten by :data:`MARGIN`), its threshold
    chosen on all the out-of-fold scores, and every mode's nested F1."""
    scores = {m: nested_f1(m, best, cue, gold, fold) for m in MODES}
    mode = max(("clf", "or", "and"), key=lambda m: scores[m])
    if scores[mode] < scores["cue"] + MARGIN:
        return "cue", 0.0, scores
    return mode, best_threshold(mode, best, cue, gold), scores


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(strip_accents="unicode", dtype=np.float32, **TFIDF)


def _fit(texts: list[str], labels: np.ndarray, c: float) -> tuple[Any, np.ndarray, np.ndarray]:
    """Vectoriser, weights (terms x categories) and intercepts fitted on ``texts``."""
    from sklearn.linear_model import LogisticRegression

    vec = _vectorizer()
    x = vec.fit_transform(texts)
    w = np.zeros((x.shape[1], labels.shape[1]), dtype=np.float64)
    b = np.full(labels.shape[1], -20.0)
    for j in range(labels.shape[1]):
        y = labels[:, j]
        if y.any():
            m = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=500)
            m.fit(x, y)
            w[:, j], b[j] = m.coef_[0], m.intercept_[0]
    return vec, w, b


def _best(
    vec: Any, w: np.ndarray, b: np.ndarray, rows: Sequence[ContractRows], context: int
) -> np.ndarray:
    """Contracts x categories: the best sentence's log-odds."""
    out = np.full((len(rows), w.shape[1]), -np.inf)
    for i, r in enumerate(rows):
        if r.texts:
            out[i] = (vec.transform(windows(r.texts, context)) @ w + b).max(axis=0)
    return out


def _platt(best: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    if gold.all() or not gold.any():
        return (0.0, 4.0 if gold.all() else -4.0)
    m = LogisticRegression(C=1.0).fit(np.clip(best, -50, 50)[:, None], gold)
    return (float(m.coef_[0, 0]), float(m.intercept_[0]))


def _texts(rows: Sequence[ContractRows], context: int) -> list[str]:
    return [t for r in rows for t in windows(r.texts, context)]


def out_of_fold(
    rows: Sequence[ContractRows], fold: np.ndarray, setting: tuple[int, float], cache: Path | None
) -> np.ndarray:
    """Contracts x categories: best-sentence scores from models fitted without the contract's
    fold (kept in ``cache`` when given, keyed by the contracts and the settings)."""
    context, c = setting
    key = hashlib.sha256(
        repr((sorted(r.name for r in rows), context, TFIDF, c, FOLDS)).encode()
    ).hexdigest()[:16]
    path = cache / f"answers_oof_{key}.npy" if cache is not None else None
    if path is not None and path.is_file():
        return np.load(path, allow_pickle=False)
    oof = np.zeros((len(rows), len(LEARNED)))
    t0 = time.time()
    for f in range(FOLDS):
        part = [r for r, k in zip(rows, fold, strict=True) if k != f]
        vec, w, b = _fit(_texts(part, context), np.vstack([r.labels for r in part]), c)
        val = np.flatnonzero(fold == f)
        oof[val] = _best(vec, w, b, [rows[i] for i in val], context)
        print(f"  {setting}: fold {f + 1}/{FOLDS} ({time.time() - t0:.0f} s)", flush=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, oof, allow_pickle=False)
    return oof


def decisions_of(
    oof: np.ndarray, cue: np.ndarray, gold: np.ndarray, fold: np.ndarray
) -> tuple[dict[str, Decision], dict[str, Any]]:
    """Per category the chosen decision and the CV figures behind it."""
    decisions: dict[str, Decision] = {}
    figures: dict[str, Any] = {}
    for j, cat in enumerate(LEARNED):
        mode, t, nested = choose(oof[:, j], cue[:, j], gold[:, j], fold)
        decisions[cat] = Decision(mode, t, _platt(oof[:, j], gold[:, j]))
        figures[cat] = {
            "positives": int(gold[:, j].sum()),
            "nested_f1": {m: round(v, 4) for m, v in nested.items()},
            "chosen": mode,
            "chosen_nested_f1": round(nested[mode], 4),
        }
    return decisions, figures


def _macro(figures: dict[str, Any], key: str | None = None) -> float:
    vals = [v["nested_f1"][key] if key else v["chosen_nested_f1"] for v in figures.values()]
    return round(float(np.mean(vals)), 4)


def train(
    out: Path,
    settings: Sequence[tuple[int, float]] = SETTINGS,
    cache: Path | None = None,
    contracts: Sequence[CuadContract] | None = None,
) -> dict[str, Any]:
    """Cross-validate each setting (context, C), keep the one of best nested macro F1, choose the
    decisions, fit on the whole tuning half and write the model; return its figures."""
    t0 = time.time()
    tuning = [c for c in (contracts or load_cuad()) if part_of(c.name) == "tuning"]
    rows = [contract_rows(c) for c in tuning]
    fold = np.array([hashlib.sha256(r.name.encode()).digest()[1] % FOLDS for r in rows])
    cue = np.vstack([r.cue for r in rows])
    gold = np.vstack([r.gold for r in rows])
    trials = {}
    for setting in settings:
        oof = out_of_fold(rows, fold, setting, cache)
        trials[setting] = decisions_of(oof, cue, gold, fold)
        print(f"  {setting}: nested macro {_macro(trials[setting][1])}", flush=True)
    # ties: the narrower context, then the stronger regularisation
    setting = max(settings, key=lambda s: (_macro(trials[s][1]), -s[0], -s[1]))
    context, c = setting
    decisions, figures = trials[setting]
    vec, w, b = _fit(_texts(rows, context), np.vstack([r.labels for r in rows]), c)
    params = vec.get_params()
    tfidf_params = {
        k: params[k] for k in ("lowercase", "strip_accents", "norm", "use_idf", "sublinear_tf")
    }
    tfidf_params["ngram_range"] = list(params["ngram_range"])
    macro = {m: _macro(figures, m) for m in MODES} | {"chosen": _macro(figures)}
    meta = {
        "trained_on": f"CUAD development split, tuning half ({len(rows)} contracts, "
        f"{sum(len(r.texts) for r in rows)} sentences)",
        "split": "bench/findings_vs_experts.py part_of: sha256(file_key(name))[0] % 2 == 0",
        "folds": FOLDS,
        "margin": MARGIN,
        "context": context,
        "setting_trials": [
            {"context": s[0], "C": s[1], "nested_macro": _macro(trials[s][1])} for s in settings
        ],
        "tfidf": {k: list(v) if isinstance(v, tuple) else v for k, v in TFIDF.items()},
        "classifier": f"LogisticRegression(C={c}, class_weight='balanced', solver='liblinear')",
        "cv": figures,
        "cv_nested_macro_over_learned": macro,
    }
    terms = vec.get_feature_names_out().tolist()
    write_answer_model(
        out, LEARNED, decisions, terms, vec.idf_, tfidf_params, w, b, meta, context=context
    )
    print(f"wrote {out} ({time.time() - t0:.0f} s); nested CV macro over {len(LEARNED)}: {macro}")
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=answer_model_path())
    ap.add_argument("--cache", type=Path, default=None, help="keep out-of-fold scores here")
    args = ap.parse_args(argv)
    train(args.out, cache=args.cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
