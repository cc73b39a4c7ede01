"""``contract-analyzer deadlines FOLDER -o deadlines.ics``: a portfolio's deadlines in one calendar.

Scores the folder (same options and cache as ``score``) and writes every upcoming notice
deadline and expiry (on or after ``--as-of``, default today) of every contract into one
iCalendar file, with reminders before each notice deadline. The last line on stdout is
``wrote N deadlines from M contracts to PATH``. Exit status as for ``score``: 0, 1 when some files
are error rows (their deadlines are missing), 2 usage error.
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
from contract_analyzer.report.calendar import (
    CALENDAR_KINDS,
    DEFAULT_KINDS,
    build_calendar,
    portfolio_entries,
)


def _reminders(text: str) -> tuple[int, ...]:
    try:
        days = tuple(int(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of days: {text!r}") from None
    if any(d < 0 for d in days):
        raise argparse.ArgumentTypeError(f"days must not be negative: {text!r}")
    return days


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FOLDER, -o, which dates, reminders and the batch options."""
    parser.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    parser.add_argument(
        "--kinds",
        default=",".join(DEFAULT_KINDS),
        help=f"key date kinds to include (comma-separated from {', '.join(CALENDAR_KINDS)}; "
        "default: %(default)s)",
    )
    parser.add_argument(
        "--reminders",
        type=_reminders,
        default=(30, 7),
        metavar="DAYS",
        help="reminders before each notice deadline, in days (default: 30,7)",
    )
    add_batch_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Score the folder and write the calendar; the exit status."""
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in CALENDAR_KINDS]
    if unknown:
        return usage_error(
            "deadlines", f"unknown kind {unknown[0]!r}; use {', '.join(CALENDAR_KINDS)}"
        )
    if Path(args.output).suffix.lower() != ".ics":
        return usage_error("deadlines", f"output must be an .ics file, not {args.output!r}")
    as_of = args.as_of or dt.date.today()
    args.as_of = as_of
    try:
        result = batch_from_args(args)
    except BatchError as exc:
        return usage_error("deadlines", str(exc))
    entries = portfolio_entries(
        result.contracts, result.key_dates, as_of=as_of, kinds=kinds, reminders=args.reminders
    )
    out = Path(args.output)
    try:
        from contract_analyzer.batch.exports import atomic_write_text

        atomic_write_text(out, build_calendar(entries, name="Contract deadlines"))
    except OSError as exc:
        return usage_error("deadlines", f"cannot write {out}: {exc.strerror}")
    summary = result.summary
    note_errors(
        args, result, f"{summary.errors} files could not be analysed; their deadlines are missing:"
    )
    note(args, summary.line())
    print(f"wrote {len(entries)} deadlines from {summary.ok} contracts to {out}")
    return 1 if summary.errors else 0
