"""``contract-analyzer score FOLDER -o results.csv``: score every contract of a folder.

Writes one row per file to the output (CSV, Parquet, XLSX or JSON Lines, by suffix) and the
long tables beside it: ``results.findings.csv``, ``results.clauses.csv``,
``results.obligations.csv``, ``results.key_dates.csv`` (same suffix as the output).
The last line on stdout is ``scored N files: X ok, Y errors in Zs``.
Exit status: 0 every file scored, 1 some files are error rows, 2 usage error or the batch
could not run.
"""

from __future__ import annotations

import argparse

from contract_analyzer.batch.exports import output_format, table_path, write_tables
from contract_analyzer.cli.args import (
    add_batch_arguments,
    batch_from_args,
    note,
    note_errors,
    usage_error,
)
from contract_analyzer.errors import BatchError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FOLDER, -o and the batch options."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        "outputs: results.csv (one row per file) and, beside it, results.findings.csv,\n"
        "  results.clauses.csv, results.obligations.csv, results.key_dates.csv (same suffix).\n"
        "  Cells that begin with = + - @ are prefixed with ' in CSV and XLSX.\n"
        "last line on stdout: 'scored N files: X ok, Y errors in Zs'\n"
        "exit status: 0 all files scored, 1 some files are error rows, 2 usage error"
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="results.csv, .parquet, .xlsx or .jsonl; long tables are written beside it "
        "(results.findings.csv, results.clauses.csv, results.obligations.csv, "
        "results.key_dates.csv)",
    )
    add_batch_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Score the folder, write the tables, print the summary line; the exit status."""
    try:
        output_format(args.output)
        result = batch_from_args(args)
    except BatchError as exc:
        return usage_error("score", str(exc))
    try:
        written = write_tables(result.contracts, args.output, result.tables())
    except OSError as exc:
        return usage_error("score", f"cannot write {exc.filename or args.output}: {exc.strerror}")
    summary = result.summary
    peak = summary.workers.max_peak_rss_mb
    note(
        args,
        f"analysed {summary.analysed}, {summary.cached} from cache"
        + (f", worker peak memory {peak:.0f} MB" if peak else "")
        + f"; wrote {written[0]} and {len(written) - 1} long tables "
        f"({table_path(args.output, 'findings').name}, ...)",
    )
    note_errors(args, result)
    print(summary.line())
    return 1 if summary.errors else 0
