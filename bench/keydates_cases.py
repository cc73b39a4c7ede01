"""Calendar cases for the key dates, each worked out by hand (see bench/keydates_samples.py).

Every case is a short contract text, the ``as_of`` it is read on and the expected key dates:
``kind`` -> ISO date or value ("unresolved", "nonexistent", "unknown"); ``kind.attr`` checks
another field of the key date (``expiration_date.anniversary``). Conventions are those of
``contract_analyzer.facts.arith``: a term's last day is the day before its anniversary; a
month's last day moves to the target month's last day; renewals count from the start.
tests/keydates/test_calendar_cases.py asserts every one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date
HEAD = (
    'SERVICES AGREEMENT\n\nThis Services Agreement is entered into as of {start} (the "Effective '
    'Date") by and between Acme Corp., a Delaware corporation ("Supplier"), and Beta LLC, a New '
    'York limited liability company ("Customer").\n\n'
)


def _renewing(start: str, term: str, renewal: str, notice: str) -> str:
    return HEAD.format(start=start) + (
        f"1. Term. The initial term of this Agreement shall commence on the Effective Date and "
        f'continue for {term} (the "Initial Term"). Thereafter, this Agreement shall '
        f"automatically renew for successive {renewal} periods unless either party gives written "
        f"notice of non-renewal {notice} the end of the then-current term.\n"
    )


_PARTIES = (
    'SERVICES AGREEMENT\n\nThis Services Agreement is made between Acme Corp. ("Supplier") and '
    'Beta LLC ("Customer").\n\n'
)
_SIGNED = (
    "\n\nIN WITNESS WHEREOF the parties have signed this Agreement.\n\nACME CORP.\nBy: /s/ J. "
    "Smith\nName: John Smith\nDate: March 3, 2025\n\nBETA LLC\nBy: /s/ A. Jones\nName: Ann "
    "Jones\nDate: March 5, 2025\n"
)
_YEAR = "\n\n2. Term. This Agreement continues for one (1) year from the Effective Date."

CASES: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ month ends
    {
        "name": "monthly from 30 April (the 16 December bug)",
        "category": "month-end",
        "as_of": D(2024, 12, 1),
        "text": _renewing(
            "April 30, 2024",
            "one (1) month",
            "one (1) month",
            "at least fourteen (14) days prior to",
        ),  # fmt: skip
        "expect": {
            "expiration_date": "2024-05-30",
            "expiration_date.anniversary": "2024-05-31",
            "current_term_end": "2024-12-30",
            "next_notice_deadline": "2024-12-16",
        },
    },
    {
        "name": "monthly from 31 January",
        "category": "month-end",
        "as_of": D(2024, 3, 15),
        "text": _renewing(
            "January 31, 2024", "one (1) month", "one (1) month", "at least seven (7) days prior to"
        ),  # fmt: skip
        "expect": {
            "expiration_date": "2024-02-28",
            "current_term_end": "2024-03-30",
            "next_notice_deadline": "2024-03-23",
        },
    },
    {
        "name": "quarterly from 30 November",
        "category": "month-end",
        "as_of": D(2025, 1, 10),
        "text": _renewing(
            "November 30, 2024",
            "three (3) months",
            "three (3) month",
            "at least thirty (30) days prior to",
        ),  # fmt: skip
        "expect": {
            "expiration_date": "2025-02-27",
            "current_term_end": "2025-02-27",
            "next_notice_deadline": "2025-01-28",
        },
    },
    {
        "name": "yearly from 31 March, rolled",
        "category": "month-end",
        "as_of": D(2027, 6, 1),
        "text": _renewing(
            "March 31, 2024", "one (1) year", "one (1) year", "at least sixty (60) days prior to"
        ),  # fmt: skip
        "expect": {
            "expiration_date": "2025-03-30",
            "current_term_end": "2028-03-30",
            "next_notice_deadline": "2028-01-30",
        },
    },
    # ------------------------------------------------------------------ 29 February
    {
        "name": "12 months from 29 February 2024",
        "category": "leap-day",
        "as_of": D(2025, 1, 1),
        "text": _renewing(
            "February 29, 2024",
            "twelve (12) months",
            "one (1) year",
            "at least thirty (30) days prior to",
        ),  # fmt: skip
        "expect": {
            "expiration_date": "2025-02-27",
            "expiration_date.anniversary": "2025-02-28",
            "current_term_end": "2025-02-27",
            "next_notice_deadline": "2025-01-28",
        },
    },
    {
        "name": "29 February 2024, rolled into 2028",
        "category": "leap-day",
        "as_of": D(2027, 3, 1),
        "text": _renewing(
            "February 29, 2024",
            "twelve (12) months",
            "one (1) year",
            "at least thirty (30) days prior to",
        ),  # fmt: skip
        "expect": {
            "current_term_end": "2028-02-28",
            "next_notice_deadline": "2028-01-29",
        },
    },
    {
        "name": "stated end 28 February 2025, yearly",
        "category": "leap-day",
        "as_of": D(2027, 12, 1),
        "text": HEAD.format(start="March 1, 2024")
        + "1. Term. This Agreement shall continue until February 28, 2025, and shall "
        "automatically renew for successive one (1) year periods unless either party gives "
        "notice of non-renewal at least thirty (30) days prior to the end of the then-current "
        "term.\n",
        "expect": {
            "expiration_date": "2025-02-28",
            "current_term_end": "2028-02-29",
            "next_notice_deadline": "2028-01-30",
        },
    },
    # ------------------------------------------------------------------ business days
    {
        "name": "no later than 10 business days before",
        "category": "business-day",
        "as_of": D(2025, 1, 1),
        "text": _renewing(
            "July 1, 2024",
            "twelve (12) months",
            "twelve (12) month",
            "no later than ten (10) business days before",
        ),  # fmt: skip
        "expect": {"expiration_date": "2025-06-30", "next_notice_deadline": "2025-06-16"},
    },
    {
        "name": "at least 10 business days prior to",
        "category": "business-day",
        "as_of": D(2025, 1, 1),
        "text": _renewing(
            "July 1, 2024",
            "twelve (12) months",
            "twelve (12) month",
            "at least ten (10) business days prior to",
        ),  # fmt: skip
        "expect": {"expiration_date": "2025-06-30", "next_notice_deadline": "2025-06-16"},
    },
    {
        "name": "no later than 60 days before",
        "category": "business-day",
        "as_of": D(2025, 1, 1),
        "text": _renewing(
            "July 1, 2024",
            "twelve (12) months",
            "twelve (12) month",
            "no later than sixty (60) days before",
        ),  # fmt: skip
        "expect": {"next_notice_deadline": "2025-05-01"},
    },
    {
        "name": "at least 60 days prior to",
        "category": "business-day",
        "as_of": D(2025, 1, 1),
        "text": _renewing(
            "July 1, 2024",
            "twelve (12) months",
            "twelve (12) month",
            "at least sixty (60) days prior to",
        ),  # fmt: skip
        "expect": {"next_notice_deadline": "2025-05-01"},
    },
    # ------------------------------------------------------------------ effective date as an event
    {
        "name": "the date of the last signature below",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + '1. Definitions. "Effective Date" means the date of the last signature '
        "below." + _YEAR + _SIGNED,
        "expect": {"effective_date": "2025-03-05", "expiration_date": "2026-03-04"},
    },
    {
        "name": "the day after the last signature",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + '1. Definitions. "Effective Date" means the day after the date of the '
        "last signature below." + _YEAR + _SIGNED,
        "expect": {"effective_date": "2025-03-06", "expiration_date": "2026-03-05"},
    },
    {
        "name": "upon execution",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + "1. Effectiveness. This Agreement shall become effective upon "
        "execution by both parties." + _YEAR + _SIGNED,
        "expect": {"effective_date": "2025-03-05"},
    },
    {
        "name": "the Effective Date set out in the Order Form",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + '1. Definitions. "Effective Date" means the Effective Date set out in '
        "the Order Form." + _YEAR + "\n\nORDER FORM\nCustomer: Beta LLC\nEffective Date: April 1, "
        "2025\n",
        "expect": {"effective_date": "2025-04-01", "expiration_date": "2026-03-31"},
    },
    {
        "name": "Order Form not in the document",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + '1. Definitions. "Effective Date" means the Effective Date set out in '
        "the Order Form." + _YEAR,
        "expect": {"effective_date": "unresolved", "expiration_date": None},
    },
    {
        "name": "no dated signature",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + '1. Definitions. "Effective Date" means the date of the last signature '
        "below." + _YEAR + "\n\nACME CORP.\nBy: ________\nName:\n",
        "expect": {"effective_date": "unresolved"},
    },
    {
        "name": "effective from another named date the document gives",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + "1. Launch. The Launch Date of the Service shall be March 3, 2025. 2. Term. "
        'The term of this Agreement shall be one (1) year (the "Term"). The effective date of the '
        "Term will be the Launch Date.",
        "expect": {"effective_date": "2025-03-03", "expiration_date": "2026-03-02"},
    },
    {
        "name": "effective on a named date the document does not give",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": _PARTIES + "1. Effect. This Agreement shall become effective on the Closing Date "
        "under the Purchase Agreement.",
        "expect": {"effective_date": "unresolved"},
    },
    {
        "name": "last signature undated, the opening says effective as of",
        "category": "relative-effective",
        "as_of": D(2025, 6, 1),
        "text": "SUPPLY AGREEMENT\n\nThis Supply Agreement shall be effective as of May 1, 2020 and is "
        'made between Acme Corp. ("Supplier") and Beta LLC ("Customer").\n\n1. Definitions. '
        '"Effective Date" means the date as of which the last signature of a Party is affixed '
        "hereto." + _YEAR + "\n\nACME CORP.\nBy: ________\nName:\n",
        "expect": {"effective_date": "2020-05-01", "expiration_date": "2021-04-30"},
    },
    # ------------------------------------------------------------------ bad input
    {
        "name": "31 February 2025",
        "category": "bad-input",
        "as_of": D(2025, 6, 1),
        "text": HEAD.format(start="31 February 2025")
        + "1. Term. This Agreement continues for one (1) year from the Effective Date.\n",
        "expect": {"effective_date": "nonexistent", "expiration_date": None},
    },
    {
        "name": "renewal without a length",
        "category": "bad-input",
        "as_of": D(2025, 6, 1),
        "text": HEAD.format(start="March 1, 2024")
        + "1. Term. This Agreement shall continue until February 28, 2025 and shall "
        "automatically renew thereafter unless either party gives notice of non-renewal at "
        "least thirty (30) days before the end of the term.\n",
        "expect": {"expiration_date": "2025-02-28", "renewal_term": "unknown"},
    },
]
