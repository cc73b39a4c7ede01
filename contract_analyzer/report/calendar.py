"""Deadlines as an iCalendar file: one contract (``ContractReport.to_ics``) or a portfolio.

:func:`build_calendar` takes :class:`CalendarEntry` items from any number of contracts (the
batch ``deadlines`` command passes the whole portfolio's) and writes one VCALENDAR, with
VALARM reminders ahead of each notice deadline. Output is deterministic: UIDs come from the
contract hash and the entry kind, DTSTAMP from the entry's ``as_of`` date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event

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


def entries_for_report(
    report: ContractReport,
    *,
    reminders: Sequence[int] = (30, 7),
    kinds: Iterable[str] = ("next_notice_deadline", "expiration_date"),
    only_upcoming: bool = True,
) -> list[CalendarEntry]:
    """Calendar entries for a report's key dates (by default: notice deadline and expiry that
    fall on or after ``as_of``)."""
    wanted = set(kinds)
    entries = []
    for kd in report.key_dates:
        kind = getattr(kd, "kind", "")
        date = getattr(kd, "date", None)
        if kind not in wanted or kind not in CALENDAR_KINDS or not isinstance(date, dt.date):
            continue
        if only_upcoming and date < report.as_of:
            continue
        title, alarms = CALENDAR_KINDS[kind]
        derivation = getattr(kd, "derivation", "") or ""
        uid_seed = f"{report.source.sha256}:{kind}:{date.isoformat()}"
        lines = [
            f"Contract: {report.source.name} ({report.kind})",
            f"Kind of date: {kind.replace('_', ' ')}",
        ]
        if derivation:
            lines.append(f"How it was computed: {derivation}")
        text = getattr(kd, "text", "")
        if text:
            lines.append(f"Contract text: {' '.join(str(text).split())[:300]}")
        entries.append(
            CalendarEntry(
                uid=hashlib.sha256(uid_seed.encode()).hexdigest()[:32] + "@contract-analyzer",
                date=date,
                summary=f"{title}: {report.source.name}",
                description="\n".join(lines),
                reminders=tuple(reminders) if alarms else (),
                as_of=report.as_of,
                categories=(report.kind, kind),
            )
        )
    return entries


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
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        if entry.categories:
            event.add("categories", list(entry.categories))
        event.add("transp", "TRANSPARENT")
        for days in sorted(set(entry.reminders), reverse=True):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"In {days} days: {entry.summary}")
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
