"""Key dates of a contract: effective and agreement dates, expiry, renewal, the notice deadline.

The costliest contract mistake is a missed renewal: the contract renews because nobody worked
out the last day to give notice. :func:`extract_key_dates` reads the dates, periods and defined
terms of a contract and derives that calendar, each :class:`KeyDate` with the arithmetic a
person can check ("effective 2024-03-01 + 36 months - 1 day = 2027-02-28; auto-renews for
12 months; notice 90 days before 2027-02-28 = 2026-11-30").

Conventions (stated in every derivation): a term "for N months/years" from a start date ends
on its last day, the day before the N-th anniversary ("effective 2024-03-01 + 36 months - 1
day = 2027-02-28"); a term "until" a date or anniversary ends on that date; renewal terms run
on from the previous end ("auto-renews for 12 months"), counted from the original start so
month ends do not drift; months are calendar months (Jan 31 + 1 month = Feb 29 in 2024; a
month's last day stays a month's last day); a notice period "90 days before" (or "no later
than", "at least ... prior to") counts back calendar days from the end of the term; business
days skip weekends only (see :mod:`contract_analyzer.facts.arith`). CUAD's annotators count
the anniversary day itself as the end of an N-year term, one day later than here: both are
kept (``KeyDate.date``, the last day; ``KeyDate.anniversary``).

Next to the initial ``expiration_date``, ``current_term_end`` is the last day of the term in
force on ``as_of`` and ``next_notice_deadline`` the last day to stop the next renewal, both
rolled through every automatic renewal. An effective date written as an event ("the date of
the last signature", "upon execution", "as set out in the Order Form") is resolved against the
document's dates, else kept with ``value`` "unresolved"; a date the calendar does not have
("31 February 2025") has ``value`` "nonexistent"; a renewal without a stated length has
``renewal_term`` "unknown". ``as_of`` is a date, datetime, ISO string or None (today).

Sentences are found by keywords so the function works on bare text; when tagged ``clauses``
(``contract_analyzer.tagging.clause.Clause``) are given, sentences inside clauses of the
relevant types (term_and_renewal, termination, payment_terms, confidentiality) are tried
first.
"""

from contract_analyzer.keydates.extract import extract_key_dates
from contract_analyzer.keydates.model import KINDS, KeyDate
from contract_analyzer.keydates.roll import (
    NoticeRoll,
    notice_roll,
    roll_current_term,
    roll_notice_deadline,
)
from contract_analyzer.validate import check_document_or_text, check_settings, checked

# checked at the boundary (``as_of`` is coerced by the key-date stage itself)
extract_key_dates = checked(
    extract_key_dates, {"source": check_document_or_text, "settings": check_settings}
)

__all__ = [
    "KINDS",
    "KeyDate",
    "NoticeRoll",
    "extract_key_dates",
    "notice_roll",
    "roll_current_term",
    "roll_notice_deadline",
]
