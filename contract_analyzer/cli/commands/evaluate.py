"""``contract-analyzer evaluate``: the clause tagger's training-time figures, split by contract.

By default the shipped recipe's tuning is re-run on ../shared data (out-of-fold figures of the
tuning part of CUAD, held-out LEDGAR accuracy; nothing is saved); ``--saved`` prints the
figures recorded in ``models/metrics.json`` when the model was trained. The evaluation part of
CUAD is measured by ``bench/eval_tagging.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from contract_analyzer.errors import ContractAnalyzerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the sub-command."""
    parser.add_argument(
        "--variant", default="default", help="recipe to evaluate (default/accurate)"
    )
    parser.add_argument(
        "--saved", action="store_true", help="print the metrics saved with the model, no training"
    )
    parser.add_argument(
        "--contracts", type=int, default=None, help="use only the first N tuning contracts (quick)"
    )
    parser.add_argument(
        "--external-every", type=int, default=1, help="keep 1 in N non-CUAD examples (quick)"
    )
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--cache", type=Path, default=None, help="embedding cache folder")


def run(args: argparse.Namespace) -> int:
    """Print the bar metrics; exit 1 when the development data or the model is missing."""
    from contract_analyzer.resources import models_dir
    from contract_analyzer.tagging.training.report import print_metrics
    from contract_analyzer.tagging.training.train import METRICS_FILE, RECIPES, train

    if args.variant not in RECIPES:
        print(f"unknown variant {args.variant!r}; known: {', '.join(RECIPES)}", file=sys.stderr)
        return 2
    if args.saved:
        path = models_dir() / METRICS_FILE
        if not path.is_file():
            print(
                f"error: {path}: no saved metrics (run `contract-analyzer train`)", file=sys.stderr
            )
            return 1
        metrics = json.loads(path.read_text())[args.variant]["metrics"]
    else:
        try:
            metrics = train(
                args.variant,
                cache_dir=args.cache,
                log=_log,
                limit=args.contracts,
                external_every=args.external_every,
                save=False,
            )
        except ContractAnalyzerError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        print_metrics(metrics)
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
