"""Key dates of a contract: effective and agreement dates, expiry, renewal, the notice deadline.

The costliest contract mistake is a missed renewal: the contract renews because nobody worked
out the last day to give notice. :func:`extract_key_dates` reads the dates, periods and defined
terms of a contract and derives that calendar, each :class:`KeyDate` with the arithmetic a
person can check ("effective 2024-03-01 + 36 months - 1 day = 2027-02-28; auto-renews for
12 months; notice 90 days before 2027-02-28 = 2026-11-30").

Conventions (stated in every derivation): a term "for N months/years" from a start date ends
on its last day, the day before the N-th anniversary ("effective 2024-03-01 + 36 months - 1
day = 2027-02-28"); a term "until" a date or anniversary ends on that date; renewal terms run
on from the previous end ("auto-renews for 12 months"); months are calendar months (Jan 31 +
1 month = Feb 29 in 2024); a notice period "90 days before" counts back calendar days from
the end of the term; business days skip weekends only. CUAD's annotators count the
anniversary day itself as the end of an N-year term, one day later than here.

Sentences are found by keywords so the function works on bare text; when tagged ``clauses``
(``contract_analyzer.tagging.clause.Clause``) are given, sentences inside clauses of the
relevant types (term_and_renewal, termination, payment_terms, confidentiality) are tried
first.
"""

from contract_analyzer.keydates.extract import extract_key_dates
from contract_analyzer.keydates.model import KINDS, KeyDate
from contract_analyzer.keydates.roll import NoticeRoll, notice_roll, roll_notice_deadline
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
    "roll_notice_deadline",
]
