"""Portfolio calendar entries from a batch's tables (what `deadlines` writes)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from icalendar import Calendar

from contract_analyzer.report.calendar import alarm_days, build_calendar, portfolio_entries

# a.pdf and a.docx are the same contract rendered twice (other bytes, other names, same
# content); copy/a.pdf is a byte copy; b.docx another contract
CONTRACTS = pd.DataFrame(
    {
        "file": ["a.pdf", "sub/b.docx", "copy/a.pdf", "a.docx", "bad.pdf"],
        "sha256": ["aa" * 32, "bb" * 32, "aa" * 32, "dd" * 32, "cc" * 32],
        "kind": ["saas", "nda", "saas", "saas", None],
        "title": [
            "Subscription Agreement",
            None,
            "Subscription Agreement",
            "Subscription Agreement",
            None,
        ],  # fmt: skip
        "parties": [
            "Acme Corp.; Beta LLC",
            "Gamma Ltd; Delta plc",
            "Acme Corp.; Beta LLC",
            "Acme Corp.; Beta LLC",
            None,
        ],  # fmt: skip
        "error": [None, None, None, None, "encrypted PDF"],
    }
)
_A = [
    ("next_notice_deadline", dt.date(2025, 3, 2), "ninety (90) days' notice"),
    ("current_term_end", dt.date(2025, 4, 1), "until March 31, 2025"),
    ("expiration_date", dt.date(2025, 4, 1), "until March 31, 2025"),
    ("effective_date", dt.date(2024, 4, 1), "April 1, 2024"),
]
_ROWS = (
    [("a.pdf", *r) for r in _A]
    + [("copy/a.pdf", *r) for r in _A]
    + [("a.docx", k, d, t.replace(" ", "\n")) for k, d, t in _A]  # other line breaks
    + [("sub/b.docx", "current_term_end", dt.date(2024, 12, 31), "")]
    + [("bad.pdf", "current_term_end", dt.date(2026, 1, 1), "")]
)
KEY_DATES = pd.DataFrame(
    {
        "file": [r[0] for r in _ROWS],
        "kind": [r[1] for r in _ROWS],
        "date": [r[2] for r in _ROWS],
        "text": [r[3] for r in _ROWS],
        "derivation": [
            "expiry 2025-04-01 - 30 days" if r[1] == "next_notice_deadline" else "" for r in _ROWS
        ],  # fmt: skip
    }
)


def test_upcoming_deadlines_once_per_contract_named_by_title_and_parties() -> None:
    entries = portfolio_entries(CONTRACTS, KEY_DATES, as_of=dt.date(2025, 1, 1))
    # b.docx's term ended before as_of, the effective date is not asked for, the copies and
    # the DOCX rendering of a.pdf give the same events as a.pdf, the error row has none
    assert [(e.date, e.summary) for e in entries] == [
        (
            dt.date(2025, 3, 2),
            "Last day to give notice of non-renewal: Subscription Agreement (Acme Corp. / Beta LLC)",
        ),
        (dt.date(2025, 4, 1), "Current term ends: Subscription Agreement (Acme Corp. / Beta LLC)"),
    ]
    notice, expiry = entries
    assert notice.reminders == (30, 7) and expiry.reminders == (30, 7)
    assert "How it was computed: expiry 2025-04-01 - 30 days" in notice.description
    assert "File: a.pdf" in notice.description
    again = portfolio_entries(CONTRACTS, KEY_DATES, as_of="2025-01-01")
    assert [e.uid for e in again] == [e.uid for e in entries]


def test_no_alarm_before_as_of() -> None:
    # 2025-02-20: the notice deadline is 10 days away, the term end 40 days
    entries = portfolio_entries(CONTRACTS, KEY_DATES, as_of=dt.date(2025, 2, 20))
    assert [e.reminders for e in entries] == [(7,), (30, 7)]
    # 2025-02-27: 3 days left, no reminder fits: one fires on as_of itself
    entries = portfolio_entries(CONTRACTS, KEY_DATES, as_of=dt.date(2025, 2, 27))
    assert entries[0].reminders == (3,)
    assert alarm_days(dt.date(2025, 3, 2), (30, 7), dt.date(2025, 3, 2)) == (0,)
    for entry in entries:
        for days in entry.reminders:
            assert entry.date - dt.timedelta(days=days) >= dt.date(2025, 2, 27)


def test_a_contract_without_title_is_named_by_its_kind() -> None:
    entries = portfolio_entries(CONTRACTS, KEY_DATES, as_of=dt.date(2024, 6, 1))
    b = [e for e in entries if "Gamma" in e.summary]
    assert [e.summary for e in b] == ["Current term ends: nda contract (Gamma Ltd / Delta plc)"]


def test_calendar_text_round_trips() -> None:
    entries = portfolio_entries(
        CONTRACTS, KEY_DATES, as_of=dt.date(2024, 1, 1), kinds=["current_term_end"], reminders=(14,)
    )
    calendar = Calendar.from_ical(build_calendar(entries))
    events = list(calendar.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [dt.date(2024, 12, 31), dt.date(2025, 4, 1)]
    for event in events:  # every event has a reminder, none before as_of
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == dt.timedelta(days=-14)
