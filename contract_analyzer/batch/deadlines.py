"""A portfolio's deadlines: calendar entries from a batch's key-dates table.

The batch keeps key dates as plain rows (they may come from the cache or another machine), so
the entries are built from the ``key_dates`` and ``contracts`` tables rather than from
reports; they follow :func:`contract_analyzer.report.calendar.entries_for_report` (same kinds,
titles, reminders and stable UIDs from the contract's hash, the kind and the date).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from contract_analyzer.report.calendar import CALENDAR_KINDS, CalendarEntry
from contract_analyzer.report.cells import as_date

DEFAULT_KINDS: tuple[str, ...] = ("next_notice_deadline", "expiration_date")


def _text(value: Any) -> str:
    return "" if value is None or value != value else str(value)


def portfolio_entries(
    contracts: Any,
    key_dates: Any,
    *,
    as_of: dt.date,
    kinds: Iterable[str] = DEFAULT_KINDS,
    reminders: Sequence[int] = (30, 7),
) -> list[CalendarEntry]:
    """Calendar entries for every key date of ``kinds`` on or after ``as_of``, all files."""
    wanted = set(kinds) & set(CALENDAR_KINDS)
    info = {
        row["file"]: row
        for row in contracts.to_dict("records")
        if row.get("error") is None or row.get("error") != row.get("error")
    }
    entries: list[CalendarEntry] = []
    seen: set[str] = set()
    for kd in key_dates.to_dict("records"):
        kind = _text(kd.get("kind"))
        date = as_date(kd.get("date"))
        contract = info.get(kd.get("file"))
        if kind not in wanted or date is None or date < as_of or contract is None:
            continue
        title, alarms = CALENDAR_KINDS[kind]
        name = str(kd["file"])
        sha = _text(contract.get("sha256"))
        uid_seed = f"{sha}:{kind}:{date.isoformat()}"
        uid = hashlib.sha256(uid_seed.encode()).hexdigest()[:32] + "@contract-analyzer"
        if uid in seen:  # the same contract twice in the folder: one event
            continue
        seen.add(uid)
        contract_kind = _text(contract.get("kind")) or "contract"
        lines = [f"Contract: {name} ({contract_kind})", f"Kind of date: {kind.replace('_', ' ')}"]
        derivation = _text(kd.get("derivation"))
        if derivation:
            lines.append(f"How it was computed: {derivation}")
        text = _text(kd.get("text"))
        if text:
            lines.append(f"Contract text: {' '.join(text.split())[:300]}")
        entries.append(
            CalendarEntry(
                uid=uid,
                date=date,
                summary=f"{title}: {name}",
                description="\n".join(lines),
                reminders=tuple(reminders) if alarms else (),
                as_of=as_of,
                categories=(contract_kind, kind),
            )
        )
    return entries
