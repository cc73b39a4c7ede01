"""``contract-analyzer score FOLDER``: score every contract of a folder into one table.

The contracts table (one row per file) goes to ``-o`` (default ``-``, stdout) in the format
``--format`` names, else the output's suffix implies, else a readable table on a terminal and
CSV in a pipe. ``--table`` picks a long table instead (findings, clauses, obligations,
key_dates). When ``-o`` is a .csv/.parquet/.xlsx/.jsonl file, the long tables are written beside
it too: ``results.findings.csv``, ``results.clauses.csv``, ``results.obligations.csv``,
``results.key_dates.csv``. The summary line ``scored N files: X ok, Y errors in Zs`` is the
last line on stdout when the table goes to a file, and on stderr when it goes to stdout.
Exit status: 0 every file scored, 1 some files are error rows, 2 usage error or the batch
could not run.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from contract_analyzer.batch.exports import table_path
from contract_analyzer.batch.types import TABLES
from contract_analyzer.cli.args import (
    add_batch_arguments,
    batch_from_args,
    note,
    note_errors,
    usage_error,
)
from contract_analyzer.cli.streams import (
    TABLE_FORMATS,
    check_writable,
    choose_format,
    is_stdio,
    table_bytes,
    write_output,
)
from contract_analyzer.errors import BatchError

FORMATS: tuple[str, ...] = ("table", "csv", "json", "jsonl", "parquet", "xlsx", "html")
# the contracts columns the terminal table shows (every column is in the other formats)
TERMINAL_COLUMNS: tuple[str, ...] = (
    "file", "kind", "score", "findings_high", "findings_medium", "expiration_date",
    "next_notice_deadline", "error_type",
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FOLDER, -o, --format, --table and the batch options."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        "examples:\n"
        "  contract-analyzer score contracts/                       readable table\n"
        "  contract-analyzer score contracts/ -o results.csv        + long tables beside it\n"
        "  contract-analyzer score contracts/ -o - --format csv | head\n"
        "  contract-analyzer score contracts/ --table findings --format jsonl | jq .rule_id\n"
        "Cells that begin with = + - @ tab or CR are prefixed with ' in CSV and XLSX.\n"
        "exit status: 0 all files scored, 1 some files are error rows, 2 usage error"
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="where the table goes: - (stdout, the default) or a file; a .csv, .parquet, "
        ".xlsx or .jsonl file also gets the long tables beside it",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        type=str.lower,
        help="default: from -o's suffix, else table on a terminal and csv in a pipe; "
        "html is the portfolio page",
    )
    parser.add_argument(
        "--table",
        choices=("contracts", *TABLES),
        default="contracts",
        help="which table to write (default: contracts, one row per file)",
    )
    add_batch_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Score the folder, write the table(s), print the summary line; the exit status."""
    fmt = choose_format(args.format, args.output, supported=FORMATS, terminal="table", pipe="csv")
    to_stdout = is_stdio(args.output)
    check_writable(args.output)
    try:
        result = batch_from_args(args)
    except BatchError as exc:
        return usage_error("score", str(exc))
    frame = result.contracts if args.table == "contracts" else result.tables()[args.table]
    if fmt == "table":
        data: str | bytes = _terminal_table(frame, args.table)
    elif fmt == "html":
        data = _portfolio_html(result, args)
    else:
        data = table_bytes(frame, fmt)
    write_output(args.output, data)
    written = 1
    if not to_stdout and fmt in TABLE_FORMATS and args.table == "contracts":
        for name, table in result.tables().items():
            write_output(table_path(args.output, name), table_bytes(table, fmt))
            written += 1
    summary = result.summary
    peak = summary.workers.max_peak_rss_mb
    note(
        args,
        f"analysed {summary.analysed}, {summary.cached} from cache"
        + (f", worker peak memory {peak:.0f} MB" if peak else "")
        + ("" if to_stdout else f"; wrote {args.output}")
        + (
            f" and {written - 1} long tables ({table_path(args.output, 'findings').name}, ...)"
            if written > 1
            else ""
        ),
    )
    note_errors(args, result)
    print(summary.line(), file=sys.stderr if to_stdout else sys.stdout)
    return 1 if summary.errors else 0


def _terminal_table(frame: Any, table: str) -> str:
    """The table as aligned text for a terminal (the contracts table: its key columns)."""
    import pandas as pd

    if table == "contracts":
        frame = frame[[c for c in TERMINAL_COLUMNS if c in frame.columns]]
    if frame.empty:
        return "(no rows)\n"
    frame = frame.astype(object).where(frame.notna(), "")
    with pd.option_context("display.max_rows", None, "display.max_colwidth", 60,
                           "display.width", 200):  # fmt: skip
        return frame.to_string(index=False, na_rep="") + "\n"


def _portfolio_html(result: Any, args: argparse.Namespace) -> str:
    """The portfolio page of the batch (what ``report`` writes)."""
    import datetime as dt
    from pathlib import Path

    from contract_analyzer.portfolio import Portfolio

    as_of = args.as_of or dt.date.today()
    folder = Path(args.folder)
    portfolio = Portfolio.from_batch(result, as_of=as_of, folder=folder.name or str(folder))
    return portfolio.to_html(title=f"Contract portfolio: {folder.resolve().name or folder}")
