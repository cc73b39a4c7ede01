"""The ``contract-analyzer`` command: one sub-command per module in ``commands/``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import NoReturn

from contract_analyzer import __version__
from contract_analyzer.cli.streams import UsageError
from contract_analyzer.errors import ContractAnalyzerError, InvalidArgument

# sub-command -> (module in contract_analyzer.cli.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("ingest", "read files and print a one-line summary of each Document"),
    "analyze": ("analyze", "analyse one contract: kind, findings, key dates, obligations, score"),
    "score": ("score", "score every contract in a folder into one table (table/CSV/JSON/...)"),
    "deadlines": ("deadlines", "write every upcoming notice deadline of a folder to one .ics"),
    "report": ("report", "write a folder's contracts, findings and deadlines as one HTML page"),
    "train": ("train", "rebuild the shipped clause tagger from the ../shared development data"),
    "evaluate": ("evaluate", "print the clause tagger's accuracy bars, split by contract"),
}


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        line = " ".join(f"{self.prog}: error: {message}".split())
        self.exit(2, f"{line} (see {self.prog} --help)\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command.

    With ``command`` (a registered name) only that sub-command's module is imported and its
    options added; the others are listed with their help line but not imported (``analyze``
    then skips pandas, icalendar and the batch code, about 0.5 s per start).
    """
    parser = OneLineParser(
        prog="contract-analyzer",
        description="Read contracts: clauses, missing and weak components, key dates.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if command is not None and name != command:
            continue
        module = import_module(f"contract_analyzer.cli.commands.{module_name}")
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` starts with, else None (then every sub-command is built)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(_command(argv)).parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except UsageError as exc:
        print(f"contract-analyzer {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except InvalidArgument as exc:  # a bad option value found past the parser: a usage error
        print(f"contract-analyzer {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except ContractAnalyzerError as exc:
        print(f"contract-analyzer {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
