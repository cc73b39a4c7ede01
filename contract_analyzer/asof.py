"""The reference date (``as_of``) every public call takes, read the one way.

Deadlines are rolled forward from ``as_of`` (renewals already passed are skipped), so every
entry point (``analyze``, ``analyze_folder``/``analyze_folder_tables``, ``extract_key_dates``,
re-dating cached results, the portfolio and the CLI ``--as-of``) accepts the same values:
a :class:`datetime.date`, a :class:`datetime.datetime` (its date is used), an ISO 8601 date
string ("2026-12-06", or a full timestamp "2026-12-06T09:30:00"), or None for today.
Anything else raises :class:`InvalidAsOf` naming the value.
"""

from __future__ import annotations

import datetime as dt

from contract_analyzer.errors import ContractAnalyzerError

AsOf = dt.date | dt.datetime | str | None


class InvalidAsOf(ContractAnalyzerError, ValueError):
    """``as_of`` is not a date, a datetime, an ISO date string or None."""


def coerce_as_of(value: object, *, argument: str = "as_of") -> dt.date:
    """``value`` as a :class:`datetime.date` (None -> today); :class:`InvalidAsOf` otherwise.

    A ``datetime`` gives its calendar date (its own, whatever its time zone: a deadline is a
    day, not an instant). ``bool`` and numbers are refused rather than read as ordinals.
    """
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise InvalidAsOf(argument, f"not an ISO date (YYYY-MM-DD): {value!r}") from None
    raise InvalidAsOf(
        argument,
        f"expected a date, a datetime, an ISO date string (YYYY-MM-DD) or None, "
        f"not {type(value).__name__} {value!r}",
    )
