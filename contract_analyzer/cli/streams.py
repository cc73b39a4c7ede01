"""Where a command reads and writes: a file or ``-`` (stdin/stdout), in a format named or implied.

The CLI composes with other tools the way csvkit or ripgrep do: data goes to stdout only when
the output is ``-``, progress and notes go to stderr, and a file output is written whole or not
at all (a temporary file beside it, renamed into place), so a failed run leaves no half file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

STDIO = "-"
# formats every data command understands; a command lists the ones it supports
TABLE_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "xlsx")
BINARY_FORMATS = frozenset({"parquet", "xlsx"})
SUFFIX_FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
    ".ics": "ics",
}


class UsageError(Exception):
    """A command line that cannot be carried out: ``main`` prints it as one line, exit 2."""


def is_stdio(name: str | os.PathLike[str] | None) -> bool:
    """True when ``name`` is ``-`` (stdin for inputs, stdout for outputs)."""
    return name is not None and os.fspath(name) == STDIO


def read_stdin() -> bytes:
    """Every byte on stdin; a UsageError when there are none (nothing was piped in)."""
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    if stream is None or (hasattr(stream, "isatty") and stream.isatty()):
        raise UsageError("'-' reads the contract from stdin, but nothing was piped in")
    data = stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data:
        raise UsageError("'-' reads the contract from stdin, but stdin is empty")
    return data


def stdout_is_terminal() -> bool:
    """True when stdout is an interactive terminal (a table reads better there than CSV)."""
    return bool(getattr(sys.stdout, "isatty", lambda: False)())


def choose_format(
    requested: str | None,
    output: str | None,
    *,
    supported: tuple[str, ...],
    terminal: str,
    pipe: str,
) -> str:
    """The output format: ``--format`` when given, else the output file's suffix, else
    ``terminal`` on a terminal and ``pipe`` otherwise; a UsageError when it is not supported."""
    if requested:
        fmt = requested.lower()
    elif output and not is_stdio(output) and Path(output).suffix:
        suffix = Path(output).suffix.lower()
        fmt = SUFFIX_FORMATS.get(suffix, "")
        if fmt not in supported:
            raise UsageError(
                f"cannot tell the format from {output!r}; use --format "
                f"({'|'.join(supported)}) or a suffix such as .{supported[0]}"
            )
    else:
        fmt = terminal if stdout_is_terminal() and not output else pipe
    if fmt not in supported:
        raise UsageError(f"unknown --format {fmt!r}; use one of {', '.join(supported)}")
    if fmt in BINARY_FORMATS and (output is None or is_stdio(output)) and stdout_is_terminal():
        raise UsageError(f"{fmt} is a binary format; write it to a file or pipe it (-o FILE)")
    return fmt


def check_writable(output: str | os.PathLike[str] | None) -> None:
    """A UsageError now, before any work, when ``output`` cannot be written: its nearest
    existing ancestor is a file, or a folder this process may not write to."""
    if output is None or is_stdio(output):
        return
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"cannot write {target}: it is a folder")
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise UsageError(f"cannot write {target}: {parent} is not a folder")
    if not os.access(parent, os.W_OK):
        raise UsageError(f"cannot write {target}: no permission to write in {parent}")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds and is
    removed when it fails, so readers never see a half-written output."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part" + target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_output(output: str | os.PathLike[str] | None, data: str | bytes) -> None:
    """``data`` to stdout (``output`` None or ``-``) or, whole, to the file ``output``."""
    if output is None or is_stdio(output):
        stream: IO[Any] = sys.stdout.buffer if isinstance(data, bytes) else sys.stdout
        try:
            stream.write(data)
            stream.flush()
        except BrokenPipeError:  # `| head` closed the pipe: not an error of ours
            _silence_stdout()
        return
    with atomic_path(output) as tmp:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding="utf-8")


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def table_bytes(frame: Any, fmt: str) -> bytes:
    """One DataFrame serialised in a table format (spreadsheet-safe as the batch files are)."""
    from contract_analyzer.batch.exports import write_table

    if fmt == "json":
        lines = table_bytes(frame, "jsonl").decode("utf-8").splitlines()
        return ("[" + ",\n".join(lines) + "]\n").encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="contract-analyzer-") as folder:
        path = write_table(frame, Path(folder) / f"table.{fmt}")
        return path.read_bytes()
