"""Command-line options shared by the batch commands (``score``, ``deadlines``)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any

from contract_analyzer.batch.runner import BatchResult, analyze_folder_tables
from contract_analyzer.cli.streams import is_stdio, read_stdin
from contract_analyzer.settings import default_settings


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def iso_date(text: str) -> dt.date:
    """argparse type for ``--as-of``: read by :func:`contract_analyzer.asof.coerce_as_of`."""
    from contract_analyzer.asof import InvalidAsOf, coerce_as_of

    try:
        return coerce_as_of(text, argument="--as-of")
    except InvalidAsOf as exc:
        raise argparse.ArgumentTypeError(exc.cause) from None


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """FOLDER and the options that choose files, analysis, cache, limits and engine."""
    defaults = default_settings()
    parser.add_argument(
        "folder", help="folder to scan recursively, one file, or - (one contract on stdin)"
    )
    files = parser.add_argument_group("files")
    files.add_argument(
        "--pattern",
        action="append",
        metavar="GLOB",
        help="include files matching GLOB (repeatable or comma-separated; case-insensitive; "
        "default: *.pdf *.docx *.txt)",
    )
    files.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="skip files or folders matching GLOB (repeatable or comma-separated)",
    )
    analysis = parser.add_argument_group("analysis")
    analysis.add_argument("--playbook", help="playbook name or YAML file (default: auto-detected)")
    analysis.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="reference date: notice deadlines already passed are rolled forward past it "
        "(default: today); cached results are reused for any date",
    )
    run = parser.add_argument_group("running")
    run.add_argument(
        "--jobs", "-j", type=_positive_int, help="worker processes (default: all cores)"
    )
    run.add_argument(
        "--timeout",
        type=_positive_float,
        metavar="S",
        help=f"per-file time limit in seconds (default: {defaults.seconds_per_document:g})",
    )
    run.add_argument(
        "--memory-limit",
        type=_positive_float,
        metavar="MB",
        help="resident memory a worker may reach on one file, in MB "
        f"(default: {defaults.max_worker_memory_mb})",
    )
    run.add_argument("--engine", choices=("local", "dask"), default="local")
    run.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (implies --engine dask)"
    )
    run.add_argument("--no-cache", action="store_true", help="analyse every file again")
    run.add_argument(
        "--cache-dir", metavar="DIR", help="cache folder (default: ./.contract_analyzer_cache)"
    )
    talk = run.add_mutually_exclusive_group()
    talk.add_argument("--quiet", "-q", action="store_true", help="no progress bar or notes")
    talk.add_argument(
        "--verbose", "-v", action="store_true", help="list every file that failed, not ten"
    )


def batch_from_args(args: argparse.Namespace) -> BatchResult:
    """Run the batch the parsed arguments describe (raises BatchError on bad input).

    ``-`` as the folder scores the one contract piped to stdin (saved to a temporary file,
    so it runs under the same worker limits as any file; it is not cached)."""
    if is_stdio(args.folder):
        data = read_stdin()
        with tempfile.TemporaryDirectory(prefix="contract-analyzer-stdin-") as folder:
            path = Path(folder) / "stdin"
            path.write_bytes(data)
            return _run_batch(args, path, cache=False)
    cache: Any = False if args.no_cache else (args.cache_dir or True)
    return _run_batch(args, args.folder, cache=cache)


def _run_batch(args: argparse.Namespace, folder: str | Path, *, cache: Any) -> BatchResult:
    return analyze_folder_tables(
        folder,
        jobs=args.jobs,
        pattern=args.pattern,
        exclude=args.exclude,
        playbook=args.playbook,
        as_of=args.as_of,
        cache=cache,
        engine="dask" if args.scheduler else args.engine,
        scheduler=args.scheduler,
        time_limit=args.timeout,
        memory_limit=args.memory_limit,
        progress=False if args.quiet else None,
    )


def note(args: argparse.Namespace, message: str) -> None:
    """A line on stderr unless --quiet."""
    if not args.quiet:
        print(message, file=sys.stderr)


def note_errors(args: argparse.Namespace, result: Any, headline: str | None = None) -> None:
    """On stderr (unless --quiet): ``headline`` and the first ten files that became error
    rows, each with its error, so a user sees at once which files to look at."""
    errors_count = result.summary.errors
    if not errors_count:
        return
    if headline:
        note(args, headline)
    shown = errors_count if getattr(args, "verbose", False) else 10
    errors = result.contracts[result.contracts["error"].notna()]
    for row in errors.head(shown).itertuples(index=False):
        note(args, f"  {row.file}: {row.error_type}: {row.error}")
    if errors_count > shown:
        note(args, f"  ... and {errors_count - 10} more (see the error column)")


def usage_error(command: str, message: str) -> int:
    """Print ``message`` as a usage error and return exit status 2."""
    print(f"contract-analyzer {command}: error: {message}", file=sys.stderr)
    return 2
