"""``contract-analyzer analyze FILE``: one contract's report in the terminal, as JSON, HTML or a table row.

``FILE`` may be ``-``: the contract's bytes are read from stdin and its format is sniffed from
them. ``-o -`` (or no ``-o``) writes to stdout; notes go to stderr. ``--format`` defaults from
the output's suffix, else to the readable table on a terminal and to JSON in a pipe.
Exit status: 0 analysed, 2 usage error or the file could not be read as a contract.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections import Counter
from pathlib import Path

from contract_analyzer.asof import InvalidAsOf, coerce_as_of
from contract_analyzer.cli.streams import (
    TABLE_FORMATS,
    check_writable,
    choose_format,
    is_stdio,
    read_stdin,
    table_bytes,
    write_output,
)
from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

FORMATS: tuple[str, ...] = ("table", "json", *TABLE_FORMATS, "html")

SEVERITY_STYLE = {"high": "bold red", "medium": "dark_orange", "low": "yellow", "info": "dim"}
STATUS_STYLE = {"present": "green", "weak": "dark_orange", "missing": "red"}


def iso_date(text: str) -> dt.date:
    """argparse type for ``--as-of`` (the same reading as every public call)."""
    try:
        return coerce_as_of(text, argument="--as-of")
    except InvalidAsOf as exc:
        raise argparse.ArgumentTypeError(exc.cause) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE (or -), --playbook, --format, --as-of, -o, --quiet/--verbose."""
    parser.add_argument(
        "file", help="contract file (PDF, DOCX or text), or - to read it from stdin"
    )
    parser.add_argument(
        "--playbook",
        help="shipped kind (it_services, saas, sow, sla, nda, software_license, dpa, "
        "maintenance_support, generic) or a playbook YAML file; default: detected",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        type=str.lower,
        help="table (readable), json (the whole report), csv/jsonl/parquet/xlsx (the one-row "
        "summary, as `score` writes it), html; default: from -o's suffix, else table on a "
        "terminal and json in a pipe",
    )
    parser.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date deadlines are computed from (default: today)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE (- or none: stdout)"
    )
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("--quiet", "-q", action="store_true", help="no notes on stderr")
    talk.add_argument(
        "--verbose", "-v", action="store_true", help="also the document's reading warnings"
    )


def run(args: argparse.Namespace) -> int:
    """Analyse FILE and write the report in the chosen format; the exit status."""
    from contract_analyzer.pipeline import analyze

    fmt = choose_format(args.format, args.output, supported=FORMATS, terminal="table", pipe="json")
    check_writable(args.output)
    source = read_stdin() if is_stdio(args.file) else Path(args.file)
    try:
        report = analyze(source, playbook=args.playbook, as_of=args.as_of)
    except ContractAnalyzerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.verbose:
        for warning in report.document.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if fmt == "table":
        render_table(report, None if is_stdio(args.output) else args.output)
        return 0
    if fmt == "json":
        data: str | bytes = report.to_json() + "\n"
    elif fmt == "html":
        data = report.to_html()
    else:
        data = table_bytes(report.to_frame(), fmt)
    write_output(args.output, data)
    return 0


def _snip(text: str, width: int = 180) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def render_table(report, output: str | Path | None = None) -> None:  # noqa: ANN001 - ContractReport
    """The readable terminal report (rich); to ``output`` as plain text when given."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO() if output else None
    console = Console(file=buffer, width=120, color_system=None) if buffer else Console()
    src = report.source
    counts = report.severity_counts()
    head = Text()
    head.append(f"{src.name}\n", style="bold")
    head.append(
        f"{src.format.upper()}, {src.page_count} page(s), {report.document.word_count} words\n"
    )
    head.append("Kind: ")
    head.append(f"{report.kind}", style="bold")
    head.append(f" (confidence {report.kind_confidence:.0%}), playbook: {report.playbook.name}\n")
    head.append("Score: ")
    head.append(
        f"{report.score}/100" if report.score is not None else "none (not a contract)",
        style="bold",
    )
    head.append(
        f"   issues: {counts['high']} high, {counts['medium']} medium, {counts['low']} low"
        f"   (as of {report.as_of.isoformat()})"
    )
    console.print(Panel(head, title="contract-analyzer", expand=False))

    status = report.component_status()
    comp = Table(title="Components", show_lines=False, expand=False)
    comp.add_column("component")
    comp.add_column("expected")
    comp.add_column("status")
    order = {t: i for i, t in enumerate(CLAUSE_TYPE_IDS)}
    for c in sorted(report.playbook.components, key=lambda t: order.get(t, len(order))):
        st = status.get(c, "")
        comp.add_row(
            c.replace("_", " "),
            report.playbook.expectation(c) or "",
            Text(st, style=STATUS_STYLE.get(st, "")),
        )
    console.print(comp)

    issues = report.issues
    if issues:
        console.print(Text("Findings", style="bold underline"))
        for f in issues:
            line = Text()
            line.append(f"{f.severity.upper():<7}", style=SEVERITY_STYLE[f.severity])
            line.append(f"{f.component.replace('_', ' ')}", style="bold")
            line.append(f"  [{f.status}, {f.rule_id}]", style="dim")
            console.print(line)
            console.print(Padding(Text(f.message), (0, 0, 0, 7)))
            for ev in f.evidence[:2]:
                page = f"p. {ev.page}: " if ev.page else ""
                quote = _snip(report.document.text[ev.start : ev.end], 220)
                console.print(Padding(Text(f'{page}"{quote}"', style="italic"), (0, 0, 0, 7)))
            console.print()
    else:
        console.print("[green]No weak or missing components.[/green]")

    if report.key_dates:
        kd_table = Table(title="Key dates", expand=True)
        kd_table.add_column("kind", no_wrap=True)
        kd_table.add_column("date / value", no_wrap=True)
        kd_table.add_column("derivation", ratio=3)
        for kd in report.key_dates:
            date = getattr(kd, "date", None)
            value = date.isoformat() if date is not None else str(getattr(kd, "value", "") or "")
            derivation = getattr(kd, "derivation", "") or _snip(str(getattr(kd, "text", "")), 100)
            kd_table.add_row(str(getattr(kd, "kind", "")), value, derivation)
        console.print(kd_table)
    else:
        console.print("No key dates found.")

    obligations = report.obligations
    by_party = Counter(o.party for o in obligations)
    console.print(
        f"[bold]Obligations[/bold]: {len(obligations)} "
        + "("
        + ", ".join(f"{p}: {n}" for p, n in by_party.most_common())
        + ")"
        if obligations
        else "[bold]Obligations[/bold]: none found"
    )
    timed = [o for o in obligations if o.due]
    if timed:
        ob = Table(title="Obligations with a deadline", expand=True)
        ob.add_column("party", no_wrap=True)
        ob.add_column("must", ratio=3)
        ob.add_column("due", ratio=1)
        ob.add_column("page", no_wrap=True)
        for o in timed[:20]:
            ob.add_row(o.party, _snip(o.action, 140), o.due or "", str(o.page or ""))
        console.print(ob)
        if len(timed) > 20:
            console.print(f"... and {len(timed) - 20} more (use --format json for all)")
    if buffer is not None:
        write_output(output, buffer.getvalue())
