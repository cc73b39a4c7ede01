"""``contract-analyzer report FOLDER -o portfolio.html``: a folder of contracts as one web page.

Scores the folder (same options and cache as ``score``) and writes one self-contained HTML
page: the contracts table (sortable, filterable), findings by severity, the deadline timeline,
the component coverage heatmap, the score distribution and the compared terms. The page needs
no network and no other file to open; each contract's own page is written into the folder
``<name>_contracts/`` beside it and linked from its row (``-o -``: the page alone, to stdout). The last line on stdout is
``wrote a report of N contracts (E not analysed) to PATH``. Exit status as for ``score``:
0, 1 when some files are error rows (listed on the page), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from contract_analyzer.cli.args import (
    add_batch_arguments,
    batch_from_args,
    note,
    note_errors,
    usage_error,
)
from contract_analyzer.cli.streams import check_writable, is_stdio, write_output
from contract_analyzer.errors import BatchError

SUFFIXES = (".html", ".htm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FOLDER, -o, --title and the batch options."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.html",
        help="the page to write: one self-contained HTML file, opens offline in any browser "
        "(- writes it to stdout)",
    )
    parser.add_argument(
        "--title", default=None, help="page title (default: 'Contract portfolio: FOLDER')"
    )
    add_batch_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Score the folder and write the page; the exit status."""
    from contract_analyzer.portfolio import Portfolio

    out = Path(args.output)
    to_stdout = is_stdio(args.output)
    if not to_stdout and out.suffix.lower() not in SUFFIXES:
        return usage_error("report", f"output must be an .html file, not {args.output!r}")
    check_writable(args.output)
    args.as_of = args.as_of or dt.date.today()
    try:
        result = batch_from_args(args)
    except BatchError as exc:
        return usage_error("report", str(exc))
    folder = Path(args.folder)
    portfolio = Portfolio.from_batch(result, as_of=args.as_of, folder=folder.name or str(folder))
    title = args.title or f"Contract portfolio: {folder.resolve().name or folder}"
    if to_stdout:  # one page alone: no contract pages to link to
        write_output(args.output, portfolio.to_html(title=title))
    else:
        try:
            portfolio.write_html(out, title=title)
        except OSError as exc:
            return usage_error("report", f"cannot write {out}: {exc.strerror or exc}")
    summary = result.summary
    note_errors(args, result, f"{summary.errors} files could not be analysed (listed on the page):")
    note(args, summary.line())
    print(
        f"wrote a report of {summary.ok} contracts ({summary.errors} not analysed) to "
        + ("stdout" if to_stdout else str(out)),
        file=sys.stderr if to_stdout else sys.stdout,
    )
    return 1 if summary.errors else 0
