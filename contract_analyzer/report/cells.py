"""Reading cells of the batch tables: what counts as empty, and dates stored as text.

Batch rows come back from CSV, Parquet, the cache or memory, so one column can hold a date,
a datetime, a pandas Timestamp, ISO text, None, NaN or NaT; these helpers read them alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pandas NA (what an empty cell of a batch table holds)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_date(value: Any) -> dt.date | None:
    """A ``datetime.date`` from a date, a datetime, a Timestamp or ISO text; else None."""
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
