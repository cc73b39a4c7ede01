"""Plain values: what a batch row may hold, and its lossless JSON form for the cache.

Workers turn report frames into records of plain Python values (str, int, float, bool, None,
``datetime.date``, ``datetime.datetime``, lists and dicts of those) so that a fresh result,
a result from another process and a cached result compare equal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

_DATE = "__date__"
_DATETIME = "__datetime__"


def plain(value: Any) -> Any:
    """``value`` as a plain Python value (numpy/pandas scalars unwrapped, NaN/NaT/NA -> None)."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return None if math.isnan(value) else float(value)
    if isinstance(value, dt.datetime):
        # pandas.Timestamp is a datetime subclass; NaT is handled below
        if value != value:  # NaT
            return None
        return dt.datetime.fromisoformat(value.isoformat())
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [plain(v) for v in items]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    item = getattr(value, "item", None)  # numpy scalar
    if callable(item):
        try:
            return plain(item())
        except (TypeError, ValueError):
            pass
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return str(value)


def records(frame: Any) -> list[dict[str, Any]]:
    """A pandas DataFrame (or None) as a list of plain-valued dicts, column order kept."""
    if frame is None:
        return []
    columns = [str(c) for c in frame.columns]
    return [
        {c: plain(v) for c, v in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            if _DATE in value:
                return dt.date.fromisoformat(value[_DATE])
            if _DATETIME in value:
                return dt.datetime.fromisoformat(value[_DATETIME])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """JSON text of a plain value; dates keep their type through :func:`loads`."""
    return json.dumps(_encode(value), ensure_ascii=False, allow_nan=False, sort_keys=False)


def loads(text: str) -> Any:
    """Inverse of :func:`dumps`."""
    return _decode(json.loads(text))
