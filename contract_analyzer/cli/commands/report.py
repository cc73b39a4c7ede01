"""``contract-analyzer report FOLDER -o portfolio.html``: a folder of contracts as one web page.

Scores the folder (same options and cache as ``score``) and writes one self-contained HTML
page: the contracts table (sortable, filterable), findings by severity, the deadline timeline,
the component coverage heatmap, the score distribution and the compared terms. The page needs
no network and no other file to open. The last line on stdout is
``wrote a report of N contracts (E not analysed) to PATH``. Exit status as for ``score``:
0, 1 when some files are error rows (listed on the page), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from contract_analyzer.cli.args import (
    add_batch_arguments,
    batch_from_args,
    note,
    note_errors,
    usage_error,
)
from contract_analyzer.errors import BatchError

SUFFIXES = (".html", ".htm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FOLDER, -o, --title and the batch options."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.html",
        help="the page to write: one self-contained HTML file, opens offline in any browser",
    )
    parser.add_argument(
        "--title", default=None, help="page title (default: 'Contract portfolio: FOLDER')"
    )
    add_batch_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Score the folder and write the page; the exit status."""
    from contract_analyzer.portfolio import Portfolio

    out = Path(args.output)
    if out.suffix.lower() not in SUFFIXES:
        return usage_error("report", f"output must be an .html file, not {args.output!r}")
    args.as_of = args.as_of or dt.date.today()
    try:
        result = batch_from_args(args)
    except BatchError as exc:
        return usage_error("report", str(exc))
    folder = Path(args.folder)
    portfolio = Portfolio.from_batch(result, as_of=args.as_of, folder=folder.name or str(folder))
    title = args.title or f"Contract portfolio: {folder.resolve().name or folder}"
    try:
        portfolio.write_html(out, title=title)
    except OSError as exc:
        return usage_error("report", f"cannot write {out}: {exc.strerror}")
    summary = result.summary
    note_errors(args, result, f"{summary.errors} files could not be analysed (listed on the page):")
    note(args, summary.line())
    print(f"wrote a report of {summary.ok} contracts ({summary.errors} not analysed) to {out}")
    return 1 if summary.errors else 0
