"""``contract-analyzer train``: rebuild the shipped clause tagger from ../shared data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from contract_analyzer.errors import ContractAnalyzerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the sub-command."""
    parser.add_argument(
        "--variant",
        default="default",
        help="which model to build: default (TF-IDF, shipped), static (adds static "
        "embeddings) or accurate (adds all-MiniLM-L6-v2)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="folder to write the model to (default: models/)"
    )
    parser.add_argument(
        "--contracts",
        type=int,
        default=None,
        help="quick check only: the first N tuning contracts (the shipped model uses all)",
    )
    parser.add_argument(
        "--external-every",
        type=int,
        default=1,
        help="quick check only: keep 1 in N non-CUAD examples (the shipped model keeps all)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="folder to cache embeddings and CUAD units in between runs (default: no cache)",
    )


def run(args: argparse.Namespace) -> int:
    """Train, save the model and metrics.json, print the tuning figures."""
    from contract_analyzer.tagging.training.report import print_metrics
    from contract_analyzer.tagging.training.train import RECIPES, train

    if args.variant not in RECIPES:
        print(f"unknown variant {args.variant!r}; known: {', '.join(RECIPES)}", file=sys.stderr)
        return 2
    try:
        metrics = train(
            args.variant,
            out_dir=args.out,
            cache_dir=args.cache,
            log=_log,
            limit=args.contracts,
            external_every=args.external_every,
        )
    except ContractAnalyzerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print_metrics(metrics)
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
