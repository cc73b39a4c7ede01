"""Re-dating: the as_of-independent inputs of the next notice deadline, and rolling them to another day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.document import Document
from contract_analyzer.facts import Facts
from contract_analyzer.facts.durations import Duration
from contract_analyzer.keydates.context import build_context
from contract_analyzer.keydates.effective import find_agreement_date, find_effective_date
from contract_analyzer.keydates.model import KeyDate, Renewal, Term
from contract_analyzer.keydates.notice import next_deadline
from contract_analyzer.keydates.renewal import find_renewal
from contract_analyzer.keydates.term import find_term
from contract_analyzer.settings import Settings
from contract_analyzer.tagging.clause import Clause


@dataclass(frozen=True)
class NoticeRoll:
    """Everything :func:`extract_key_dates` needs to roll the next notice deadline forward,
    as plain values that do not depend on ``as_of`` (so a result cache can keep them and
    recompute the deadline for another reference date without reading the contract again).

    Amounts are decimal strings ("12", "1.5"); ``renewal_*`` is the renewal period (None when
    the text does not state one), ``term_*`` the initial term as a period (None when it is
    given by dates), ``notice_*`` the non-renewal notice period.
    """

    expiration: date
    expiration_derivation: str
    renewal_amount: str | None
    renewal_unit: str | None
    term_amount: str | None
    term_unit: str | None
    notice_amount: str
    notice_unit: str
    notice_business: bool
    max_renewals: int | None
    notice_text: str
    notice_start: int
    notice_end: int


def notice_roll(
    source: Document | str,
    *,
    clauses: Sequence[Clause] | None = None,
    settings: Settings | None = None,
    facts: Facts | None = None,
) -> NoticeRoll | None:
    """The as_of-independent inputs of the next notice deadline of a contract (same arguments
    as :func:`extract_key_dates`), or None when the contract has no such deadline."""
    ctx = build_context(source, clauses, settings, facts)
    if ctx is None:
        return None
    agreement = find_agreement_date(ctx)
    effective = find_effective_date(ctx, agreement)
    term = find_term(ctx, effective, agreement)
    renewal = find_renewal(ctx, term)
    expiration, notice, period = term.expiration, renewal.notice, renewal.notice_period
    if (
        expiration is None
        or expiration.date is None
        or renewal.auto is None
        or renewal.auto.value != "yes"
        or notice is None
        or period is None
        or period.amount is None
    ):
        return None
    length = term.length if term.length is not None and term.length.amount is not None else None
    return NoticeRoll(
        expiration=expiration.date,
        expiration_derivation=expiration.derivation,
        renewal_amount=f"{renewal.period[0]}" if renewal.period else None,
        renewal_unit=renewal.period[1] if renewal.period else None,
        term_amount=f"{length.amount}" if length is not None else None,
        term_unit=length.unit if length is not None else None,
        notice_amount=f"{period.amount}",
        notice_unit=period.unit,
        notice_business=period.business,
        max_renewals=renewal.max_renewals,
        notice_text=notice.text,
        notice_start=notice.start,
        notice_end=notice.end,
    )


def roll_notice_deadline(roll: NoticeRoll, as_of: AsOf) -> KeyDate | None:
    """The ``next_notice_deadline`` key date :func:`extract_key_dates` gives for ``as_of``,
    computed from a :class:`NoticeRoll` by the same rolling arithmetic."""
    expiration = KeyDate("expiration_date", roll.expiration, roll.expiration.isoformat(), "", 0, 0,
                         roll.expiration_derivation)  # fmt: skip
    notice = KeyDate("notice_period_to_terminate_renewal", None, None, roll.notice_text,
                     roll.notice_start, roll.notice_end, "")  # fmt: skip
    renewal = Renewal(
        period=(Decimal(roll.renewal_amount), roll.renewal_unit)
        if roll.renewal_amount is not None and roll.renewal_unit is not None
        else None,
        max_renewals=roll.max_renewals,
        notice=notice,
        notice_period=Duration(
            roll.notice_text,
            roll.notice_start,
            roll.notice_end,
            Decimal(roll.notice_amount),
            roll.notice_unit,
            None,
            business=roll.notice_business,
        ),  # fmt: skip
    )
    term = Term(
        expiration=expiration,
        length=Duration("", 0, 0, Decimal(roll.term_amount), roll.term_unit, None)
        if roll.term_amount is not None and roll.term_unit is not None
        else None,
    )
    return next_deadline(expiration, renewal, term, coerce_as_of(as_of))
