"""Portfolio calendar entries from a batch's tables (what `deadlines` writes)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from icalendar import Calendar

from contract_analyzer.report.calendar import build_calendar, portfolio_entries

CONTRACTS = pd.DataFrame(
    {
        "file": ["a.pdf", "sub/b.docx", "copy/a.pdf", "bad.pdf"],
        "sha256": ["aa" * 32, "bb" * 32, "aa" * 32, "cc" * 32],
        "kind": ["saas", "nda", "saas", None],
        "error": [None, None, None, "encrypted PDF"],
    }
)
KEY_DATES = pd.DataFrame(
    {
        "file": ["a.pdf", "a.pdf", "a.pdf", "sub/b.docx", "copy/a.pdf", "bad.pdf"],
        "kind": [
            "next_notice_deadline",
            "expiration_date",
            "effective_date",
            "expiration_date",
            "next_notice_deadline",
            "expiration_date",
        ],
        "date": [
            dt.date(2025, 3, 2),
            dt.date(2025, 4, 1),
            dt.date(2024, 4, 1),
            dt.date(2024, 12, 31),
            dt.date(2025, 3, 2),
            dt.date(2026, 1, 1),
        ],
        "text": ["ninety (90) days' notice", "until March 31, 2025", "", "", "", ""],
        "derivation": ["expiry 2025-04-01 - 30 days", "", "", "", "", ""],
    }
)


def test_upcoming_notice_deadlines_and_expiries_only() -> None:
    entries = portfolio_entries(CONTRACTS, KEY_DATES, as_of=dt.date(2025, 1, 1))
    # b.docx expired before as_of, the effective date is not asked for, the copy of a.pdf
    # gives the same events as a.pdf, and the error row has no key dates to trust
    assert [(e.date, e.summary) for e in entries] == [
        (dt.date(2025, 3, 2), "Last day to give notice of non-renewal: a.pdf"),
        (dt.date(2025, 4, 1), "Contract expires: a.pdf"),
    ]
    notice, expiry = entries
    assert notice.reminders == (30, 7) and expiry.reminders == ()
    assert "How it was computed: expiry 2025-04-01 - 30 days" in notice.description
    again = portfolio_entries(CONTRACTS, KEY_DATES, as_of=dt.date(2025, 1, 1))
    assert [e.uid for e in again] == [e.uid for e in entries]


def test_calendar_text_round_trips() -> None:
    entries = portfolio_entries(
        CONTRACTS, KEY_DATES, as_of=dt.date(2024, 1, 1), kinds=["expiration_date"], reminders=(14,)
    )
    calendar = Calendar.from_ical(build_calendar(entries))
    events = list(calendar.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [dt.date(2024, 12, 31), dt.date(2025, 4, 1)]
    assert all(not e.walk("VALARM") for e in events)  # expiries carry no reminders
