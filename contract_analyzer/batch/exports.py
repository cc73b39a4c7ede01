"""Writing batch tables to CSV, Parquet, XLSX or JSON Lines, safe to open in a spreadsheet.

Spreadsheet safety (OWASP "CSV injection"): in CSV and XLSX output every text cell (and
column name) that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with a single quote, so Excel, LibreOffice and Google Sheets show it as text and
never evaluate it as a formula. XLSX cells are always written as strings or numbers, never
as formulas, and characters XML cannot hold are dropped. Parquet and JSON Lines are data
formats and keep the text as is.

Every file is written atomically: to a temporary file beside the target, then renamed over
it, so a run that is killed or fails while writing leaves the previous file (or none), never
a half-written one, and two runs writing the same path leave one whole file.

File names: the main table goes to the path the user gave; each long table goes beside it,
named from that path alone (``results.csv`` -> ``results.findings.csv``), never from document
content.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from contract_analyzer.errors import BatchError

FORMATS: tuple[str, ...] = ("csv", "parquet", "xlsx", "jsonl")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL = 32_767
# characters an XLSX (XML 1.0) cell cannot hold
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def output_format(path: str | Path) -> str:
    """The format named by ``path``'s suffix, or a BatchError listing the supported ones."""
    suffix = Path(path).suffix.lower().lstrip(".")
    aliases = {"pq": "parquet", "ndjson": "jsonl"}
    fmt = aliases.get(suffix, suffix)
    if fmt not in FORMATS:
        raise BatchError(
            path,
            f"unsupported output format {suffix or '(none)'!r}; use .csv, .parquet, .xlsx or .jsonl",
        )
    return fmt


def table_path(path: str | Path, table: str) -> Path:
    """Where the long table ``table`` goes beside the main output ``path``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.{table}{path.suffix}")


def neutralize(value: Any) -> Any:
    """A text cell that a spreadsheet could run as a formula, made inert with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell_text(value: Any) -> Any:
    """Lists and dicts as JSON text, so every format can hold them."""
    if isinstance(value, (list, tuple, Mapping)):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return value


def _flatten(frame: Any) -> Any:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(_cell_text)
    return frame


def _parquet_ready(frame: Any) -> Any:
    """Object columns of one kind of value (Arrow needs that); mixed columns become text."""
    frame = _flatten(frame)
    for column in frame.columns:
        if frame[column].dtype != object:
            continue
        kinds = {type(v) for v in frame[column] if v is not None and v == v}
        if kinds in ({int, float}, {int}, {float}) or len(kinds) <= 1:
            continue
        frame[column] = frame[column].map(lambda v: v if v is None or v != v else str(v))
    return frame


def _spreadsheet_safe(frame: Any, *, xlsx: bool) -> Any:
    frame = _flatten(frame)
    frame.columns = [neutralize(str(c)) for c in frame.columns]

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            if xlsx:
                value = _XML_ILLEGAL.sub("", value)
                if len(value) > XLSX_MAX_CELL - 1:
                    value = value[: XLSX_MAX_CELL - 2] + "…"
            return neutralize(value)
        return value

    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(clean).astype(object)
    return frame


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    item = getattr(value, "item", None)
    if callable(item):
        return _json_value(item())
    if value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        return str(value)
    return value


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends
    without error, removed when it fails (so ``path`` is never half-written)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}"
    )
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; the path."""
    path = Path(path)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def write_table(frame: Any, path: str | Path) -> Path:
    """Write one DataFrame to ``path`` in the format its suffix names, atomically."""
    path = Path(path)
    fmt = output_format(path)
    with atomic_path(path) as tmp:
        _write(frame, tmp, fmt)
    return path


def _write(frame: Any, path: Path, fmt: str) -> None:
    if fmt == "csv":
        _spreadsheet_safe(frame, xlsx=False).to_csv(path, index=False, encoding="utf-8")
    elif fmt == "xlsx":
        safe = _spreadsheet_safe(frame, xlsx=True)
        with _xlsx_writer(path) as writer:
            safe.to_excel(writer, index=False, sheet_name="data")
    elif fmt == "parquet":
        _parquet_ready(frame).to_parquet(path, index=False)
    else:
        columns = [str(c) for c in frame.columns]
        with path.open("w", encoding="utf-8") as fh:
            for row in frame.itertuples(index=False, name=None):
                record = {c: _json_value(v) for c, v in zip(columns, row, strict=True)}
                fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _xlsx_writer(path: Path) -> Any:
    import pandas as pd

    # openpyxl writes a str that starts with "=" as a formula; after neutralize() none does
    return pd.ExcelWriter(path, engine="openpyxl")


def write_tables(
    contracts: Any, path: str | Path, tables: Mapping[str, Any] | None = None
) -> list[Path]:
    """Write the contracts table to ``path`` and each long table beside it; the paths written."""
    written = [write_table(contracts, path)]
    for name, frame in (tables or {}).items():
        written.append(write_table(frame, table_path(path, name)))
    return written
