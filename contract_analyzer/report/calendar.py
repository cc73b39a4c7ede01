"""Deadlines as an iCalendar file: one contract (``ContractReport.to_ics``) or a portfolio.

:func:`build_calendar` takes :class:`CalendarEntry` items from any number of contracts (the
batch ``deadlines`` command passes the whole portfolio's) and writes one VCALENDAR. Every
event has at least one VALARM and none fires before ``as_of`` (reminders that would lie in
the past are dropped; when none is left, one fires on ``as_of`` itself). Summaries name the
contract by its title (else its kind) and its parties, not by file name. UIDs come from a
fingerprint of the contract's content (:func:`contract_analyzer.report.naming.content_fingerprint`),
so the PDF and the DOCX of one contract in the same folder give one event per date, and a
re-export updates events instead of duplicating them. DTSTAMP is the entry's ``as_of`` date,
so output is deterministic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from icalendar import Alarm, Calendar, Event

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.report.cells import as_date
from contract_analyzer.report.naming import (
    content_fingerprint,
    contract_label,
    contract_title,
    party_names,
)

if TYPE_CHECKING:  # pragma: no cover
    from contract_analyzer.report.model import ContractReport

PRODID = "-//contract_analyzer//deadlines//EN"
# key date kind -> event title prefix
CALENDAR_KINDS: dict[str, str] = {
    "next_notice_deadline": "Last day to give notice of non-renewal",
    "current_term_end": "Current term ends",
    "expiration_date": "Initial term ends",
    "effective_date": "Contract takes effect",
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


DEFAULT_KINDS: tuple[str, ...] = ("next_notice_deadline", "current_term_end")
# the kinds every dated key date of a contract is fingerprinted with (see content_fingerprint)
FINGERPRINT_KINDS = frozenset(
    {"agreement_date", "effective_date", "expiration_date", "next_notice_deadline"}
)


def alarm_days(date: dt.date, reminders: Sequence[int], as_of: dt.date | None) -> tuple[int, ...]:
    """The reminders (days before ``date``) that do not fire before ``as_of``; when none is
    left (the date is close), one reminder on ``as_of`` itself (or on the day)."""
    wanted = sorted({int(d) for d in reminders if d >= 0}, reverse=True)
    if as_of is None:
        return tuple(wanted) or (0,)
    left = (date - as_of).days
    kept = tuple(d for d in wanted if d <= left)
    return kept or (max(left, 0),)


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
    title: str | None = None,
    parties: Sequence[str] = (),
    fingerprint: str | None = None,
) -> CalendarEntry:
    """The one way a key date becomes an event: title, description, alarms and a stable UID
    (from the contract's content fingerprint, else its content hash, the kind and the date).

    ``contract_name`` is the file; the summary names the contract by ``title`` (else
    ``contract_kind``) and ``parties``."""
    label = contract_label(title, contract_kind)
    who = " / ".join(parties)
    summary = f"{CALENDAR_KINDS[kind]}: {label}" + (f" ({who})" if who else "")
    uid_seed = f"{fingerprint or sha256}:{kind}:{date.isoformat()}"
    lines = [
        f"Contract: {label} ({contract_kind})",
        f"Parties: {who or 'not found'}",
        f"File: {contract_name}",
        f"Kind of date: {kind.replace('_', ' ')}",
    ]
    if derivation:
        lines.append(f"How it was computed: {derivation}")
    if text:
        lines.append(f"Contract text: {' '.join(text.split())[:300]}")
    return CalendarEntry(
        uid=hashlib.sha256(uid_seed.encode()).hexdigest()[:32] + "@contract-analyzer",
        date=date,
        summary=summary,
        description="\n".join(lines),
        reminders=alarm_days(date, reminders, as_of),
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
    """Calendar entries for a report's key dates (by default: the next notice deadline and
    the current term's end that fall on or after ``as_of``)."""
    wanted = set(kinds) & set(CALENDAR_KINDS)
    title = contract_title(report.document.text)
    parties = party_names(getattr(report.facts, "parties", ()) or ())
    fingerprint = content_fingerprint(
        title,
        parties,
        [
            (k.kind, k.date, k.text or "")
            for k in report.key_dates
            if k.kind in FINGERPRINT_KINDS and isinstance(k.date, dt.date)
        ],
    )
    entries: dict[str, CalendarEntry] = {}
    for kd in report.key_dates:
        if kd.kind not in wanted or not isinstance(kd.date, dt.date):
            continue
        if only_upcoming and kd.date < report.as_of:
            continue
        entry = calendar_entry(
            kind=kd.kind,
            date=kd.date,
            contract_name=report.source.name,
            contract_kind=report.kind,
            sha256=report.source.sha256,
            derivation=kd.derivation or "",
            text=kd.text or "",
            reminders=reminders,
            as_of=report.as_of,
            title=title,
            parties=parties,
            fingerprint=fingerprint,
        )
        entries.setdefault(entry.uid, entry)
    return list(entries.values())


def _cell(value: Any) -> str:
    return "" if value is None or value != value else str(value)


def portfolio_entries(
    contracts: Any,
    key_dates: Any,
    *,
    as_of: AsOf,
    kinds: Iterable[str] = DEFAULT_KINDS,
    reminders: Sequence[int] = (30, 7),
) -> list[CalendarEntry]:
    """Calendar entries for every key date of ``kinds`` on or after ``as_of``, all files.

    Built from a batch's ``contracts`` and ``key_dates`` tables (plain rows that may come from
    the cache or another machine), the same way as :func:`entries_for_report`; the same
    contract twice in the folder (the same file copied, or the PDF and the DOCX of it: the
    same title, parties and dated key dates) gives one event per date.
    """
    as_of = coerce_as_of(as_of)
    wanted = set(kinds) & set(CALENDAR_KINDS)
    info = {
        row["file"]: row
        for row in contracts.to_dict("records")
        if row.get("error") is None or row.get("error") != row.get("error")
    }
    records = key_dates.to_dict("records")
    dated: dict[Any, list[tuple[str, Any, str]]] = {}
    for kd in records:
        date = as_date(kd.get("date"))
        if _cell(kd.get("kind")) in FINGERPRINT_KINDS and date is not None:
            dated.setdefault(kd.get("file"), []).append(
                (_cell(kd.get("kind")), date, _cell(kd.get("text")))
            )
    entries: dict[str, CalendarEntry] = {}
    for kd in records:
        kind = _cell(kd.get("kind"))
        date = as_date(kd.get("date"))
        contract = info.get(kd.get("file"))
        if kind not in wanted or date is None or date < as_of or contract is None:
            continue
        title = _cell(contract.get("title")) or None
        parties = [p for p in _cell(contract.get("parties")).split("; ") if p]
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
            title=title,
            parties=parties,
            fingerprint=content_fingerprint(title, parties, dated.get(kd.get("file"), [])),
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
            when = "Today" if days == 0 else "Tomorrow" if days == 1 else f"In {days} days"
            alarm.add("description", ics_text(f"{when}: {entry.summary}"))
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
