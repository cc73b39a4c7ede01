"""``contract-analyzer analyze FILE``: one contract's report in the terminal, as JSON or HTML."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from contract_analyzer.errors import ContractAnalyzerError
from contract_analyzer.taxonomy import CLAUSE_TYPE_IDS

SEVERITY_STYLE = {"high": "bold red", "medium": "dark_orange", "low": "yellow", "info": "dim"}
STATUS_STYLE = {"present": "green", "weak": "dark_orange", "missing": "red"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="contract file (PDF, DOCX or text)")
    parser.add_argument(
        "--playbook",
        help="shipped kind (it_services, saas, sow, sla, nda, software_license, dpa, "
        "maintenance_support, generic) or a playbook YAML file; default: detected",
    )
    parser.add_argument(
        "--format", choices=("table", "json", "html"), default="table", help="output format"
    )
    parser.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date deadlines are computed from (default: today)",
    )
    parser.add_argument("-o", "--output", type=Path, help="write the report to this file")


def run(args: argparse.Namespace) -> int:
    from contract_analyzer.pipeline import analyze

    try:
        report = analyze(args.file, playbook=args.playbook, as_of=args.as_of)
    except ContractAnalyzerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        text = report.to_json() + "\n"
    elif args.format == "html":
        text = report.to_html()
    else:
        text = None
    if text is not None:
        if args.output:
            from contract_analyzer.batch.exports import atomic_write_text

            atomic_write_text(args.output, text)
        else:
            sys.stdout.write(text)
        return 0
    render_table(report, args.output)
    return 0


def _snip(text: str, width: int = 180) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def render_table(report, output: Path | None = None) -> None:  # noqa: ANN001 - ContractReport
    """The readable terminal report (rich); to ``output`` as plain text when given."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = (
        Console(file=output.open("w", encoding="utf-8"), width=120, color_system=None)
        if output
        else Console()
    )
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
    head.append(f"{report.score}/100", style="bold")
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
    if output:
        console.file.close()
