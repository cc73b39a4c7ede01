"""Deadlines as an iCalendar file: one contract (``ContractReport.to_ics``) or a portfolio.

:func:`build_calendar` takes :class:`CalendarEntry` items from any number of contracts (the
batch ``deadlines`` command passes the whole portfolio's) and writes one VCALENDAR, with
VALARM reminders ahead of each notice deadline. Output is deterministic: UIDs come from the
contract hash and the entry kind, DTSTAMP from the entry's ``as_of`` date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from icalendar import Alarm, Calendar, Event

from contract_analyzer.report.cells import as_date

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.report.model import ContractReport

PRODID = "-//contract_analyzer//deadlines//EN"
# key date kind -> (title prefix, whether reminders are set)
CALENDAR_KINDS: dict[str, tuple[str, bool]] = {
    "next_notice_deadline": ("Last day to give notice of non-renewal", True),
    "expiration_date": ("Contract expires", False),
    "effective_date": ("Contract takes effect", False),
}


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day event: a deadline of one contract."""

    uid: str
    date: dt.date
    summary: str
    description: str = ""
    reminders: tuple[int, ...] = ()  # days before the date
    as_of: dt.date | None = None
    categories: tuple[str, ...] = ()


DEFAULT_KINDS: tuple[str, ...] = ("next_notice_deadline", "expiration_date")


def calendar_entry(
    *,
    kind: str,
    date: dt.date,
    contract_name: str,
    contract_kind: str,
    sha256: str,
    derivation: str = "",
    text: str = "",
    reminders: Sequence[int] = (30, 7),
    as_of: dt.date | None = None,
) -> CalendarEntry:
    """The one way a key date becomes an event: title, description, alarms and a stable UID
    (from the contract's content hash, the kind and the date, so re-exports update events)."""
    title, alarms = CALENDAR_KINDS[kind]
    uid_seed = f"{sha256}:{kind}:{date.isoformat()}"
    lines = [
        f"Contract: {contract_name} ({contract_kind})",
        f"Kind of date: {kind.replace('_', ' ')}",
    ]
    if derivation:
        lines.append(f"How it was computed: {derivation}")
    if text:
        lines.append(f"Contract text: {' '.join(text.split())[:300]}")
    return CalendarEntry(
        uid=hashlib.sha256(uid_seed.encode()).hexdigest()[:32] + "@contract-analyzer",
        date=date,
        summary=f"{title}: {contract_name}",
        description="\n".join(lines),
        reminders=tuple(reminders) if alarms else (),
        as_of=as_of,
        categories=(contract_kind, kind),
    )


def entries_for_report(
    report: ContractReport,
    *,
    reminders: Sequence[int] = (30, 7),
    kinds: Iterable[str] = DEFAULT_KINDS,
    only_upcoming: bool = True,
) -> list[CalendarEntry]:
    """Calendar entries for a report's key dates (by default: notice deadline and expiry that
    fall on or after ``as_of``)."""
    wanted = set(kinds) & set(CALENDAR_KINDS)
    entries = []
    for kd in report.key_dates:
        if kd.kind not in wanted or not isinstance(kd.date, dt.date):
            continue
        if only_upcoming and kd.date < report.as_of:
            continue
        entries.append(
            calendar_entry(
                kind=kd.kind,
                date=kd.date,
                contract_name=report.source.name,
                contract_kind=report.kind,
                sha256=report.source.sha256,
                derivation=kd.derivation or "",
                text=kd.text or "",
                reminders=reminders,
                as_of=report.as_of,
            )
        )
    return entries


def _cell(value: Any) -> str:
    return "" if value is None or value != value else str(value)


def portfolio_entries(
    contracts: Any,
    key_dates: Any,
    *,
    as_of: dt.date,
    kinds: Iterable[str] = DEFAULT_KINDS,
    reminders: Sequence[int] = (30, 7),
) -> list[CalendarEntry]:
    """Calendar entries for every key date of ``kinds`` on or after ``as_of``, all files.

    Built from a batch's ``contracts`` and ``key_dates`` tables (plain rows that may come from
    the cache or another machine), the same way as :func:`entries_for_report`; the same
    contract twice in the folder gives one event.
    """
    wanted = set(kinds) & set(CALENDAR_KINDS)
    info = {
        row["file"]: row
        for row in contracts.to_dict("records")
        if row.get("error") is None or row.get("error") != row.get("error")
    }
    entries: dict[str, CalendarEntry] = {}
    for kd in key_dates.to_dict("records"):
        kind = _cell(kd.get("kind"))
        date = as_date(kd.get("date"))
        contract = info.get(kd.get("file"))
        if kind not in wanted or date is None or date < as_of or contract is None:
            continue
        entry = calendar_entry(
            kind=kind,
            date=date,
            contract_name=str(kd["file"]),
            contract_kind=_cell(contract.get("kind")) or "contract",
            sha256=_cell(contract.get("sha256")),
            derivation=_cell(kd.get("derivation")),
            text=_cell(kd.get("text")),
            reminders=reminders,
            as_of=as_of,
        )
        entries.setdefault(entry.uid, entry)
    return list(entries.values())


# control characters RFC 5545 TEXT may not hold, and the separators some readers split lines on
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def ics_text(value: str) -> str:
    """Contract text made fit for an iCalendar TEXT value: line breaks become ``\\n`` (icalendar
    then escapes them, with ``;``, ``,`` and ``\\``, and folds long lines), other control
    characters and Unicode line separators become spaces, so no text can start a property."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_TEXT.sub(" ", value)


def build_calendar(entries: Iterable[CalendarEntry], *, name: str = "Contract deadlines") -> str:
    """One VCALENDAR (text) holding every entry, sorted by date then uid."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for entry in sorted(entries, key=lambda e: (e.date, e.uid)):
        event = Event()
        event.add("uid", entry.uid)
        stamp = entry.as_of or entry.date
        event.add(
            "dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.timezone.utc)
        )
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + dt.timedelta(days=1))
        event.add("summary", ics_text(entry.summary))
        if entry.description:
            event.add("description", ics_text(entry.description))
        if entry.categories:
            event.add("categories", [ics_text(c) for c in entry.categories])
        event.add("transp", "TRANSPARENT")
        for days in sorted(set(entry.reminders), reverse=True):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", ics_text(f"In {days} days: {entry.summary}"))
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
