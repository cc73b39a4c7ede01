"""``contract-analyzer ingest PATH...``: read files (or folders of files) and summarise each.

One line per file: name, format, pages, words, headings, or the error message. Bad files do
not stop the run; the exit status is 1 when any file failed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from contract_analyzer.cli.streams import is_stdio, read_stdin
from contract_analyzer.errors import ContractAnalyzerError, FileNotReadable
from contract_analyzer.settings import default_settings

# in folders, files with these suffixes are read (as the batch does); named files always are
FOLDER_SUFFIXES = (".pdf", ".docx", ".txt")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``ingest`` sub-command."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders to read (- reads stdin)"
    )
    parser.add_argument(
        "--engine",
        choices=("pdfplumber", "pdfium"),
        default=None,
        help="PDF engine (default: settings.pdf_engine, pdfplumber)",
    )
    parser.add_argument("--password", default=None, help="password for encrypted PDFs")
    parser.add_argument(
        "--timeout", type=float, default=None, help="seconds per document (default: settings)"
    )
    parser.add_argument(
        "--warnings", action="store_true", help="also print each document's warnings"
    )
    parser.add_argument(
        "--all-files",
        action="store_true",
        help="in folders, read every file (default: *.pdf, *.docx, *.txt); the format is "
        "always judged from the content",
    )


def iter_files(paths: list[str], all_files: bool = False) -> Iterator[Path]:
    """The files named, and the contract files inside the folders named (recursive, sorted).

    Hidden files and Office lock files (``~$x.docx``) inside folders are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if is_stdio(raw) or not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            name = child.name
            if not child.is_file() or name.startswith((".", "~$")):
                continue
            if all_files or name.lower().endswith(FOLDER_SUFFIXES):
                yield child


def run(args: argparse.Namespace) -> int:
    """Read every file and print its summary line; 1 if any failed."""
    from contract_analyzer.ingest import load_document

    settings = default_settings()
    if args.engine:
        settings = settings.replace(pdf_engine=args.engine)
    if args.timeout:
        settings = settings.replace(seconds_per_document=args.timeout)
    failed = 0
    seen = 0
    for path in iter_files(args.paths, args.all_files):
        seen += 1
        source = read_stdin() if is_stdio(path) else path
        try:
            doc = load_document(source, settings=settings, password=args.password)
        except ContractAnalyzerError as exc:
            failed += 1
            print(f"{path.name}\tERROR\t{type(exc).__name__}: {exc.cause}", flush=True)
            continue
        headings = sum(1 for b in doc.blocks if b.kind == "heading")
        print(
            f"{path.name}\t{doc.source.format}\tpages={len(doc.pages)}\twords={doc.word_count}"
            f"\theadings={headings}",
            flush=True,
        )
        if args.warnings:
            for warning in doc.warnings:
                print(f"  warning: {warning}")
    if not seen:
        print(FileNotReadable(", ".join(args.paths), "no files found"), file=sys.stderr)
        return 1
    print(f"{seen - failed} read, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
