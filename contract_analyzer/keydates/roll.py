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
from contract_analyzer.keydates.current import current_term_end, next_notice_deadline
from contract_analyzer.keydates.effective import find_agreement_date, find_effective_date
from contract_analyzer.keydates.model import KeyDate, Renewal, Term
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
    given by dates), ``notice_*`` the non-renewal notice period (None when the contract
    renews by itself without one), ``term_start`` the initial term's start (renewals are
    counted from it).
    """

    expiration: date
    expiration_derivation: str
    renewal_amount: str | None
    renewal_unit: str | None
    term_amount: str | None
    term_unit: str | None
    notice_amount: str | None
    notice_unit: str | None
    notice_business: bool
    max_renewals: int | None
    notice_text: str
    notice_start: int
    notice_end: int
    term_start: date | None = None
    auto_text: str = ""
    auto_start: int = 0
    auto_end: int = 0


def notice_roll(
    source: Document | str,
    *,
    clauses: Sequence[Clause] | None = None,
    settings: Settings | None = None,
    facts: Facts | None = None,
) -> NoticeRoll | None:
    """The as_of-independent inputs of the current term end and the next notice deadline of a
    contract (same arguments as :func:`extract_key_dates`), or None when neither depends on
    ``as_of`` (no automatic renewal, or no dated expiry)."""
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
    ):
        return None
    if notice is None or period is None or period.amount is None:
        notice, period = None, None
    length = term.length if term.length is not None and term.length.amount is not None else None
    return NoticeRoll(
        expiration=expiration.date,
        expiration_derivation=expiration.derivation,
        renewal_amount=f"{renewal.period[0]}" if renewal.period else None,
        renewal_unit=renewal.period[1] if renewal.period else None,
        term_amount=f"{length.amount}" if length is not None else None,
        term_unit=length.unit if length is not None else None,
        notice_amount=f"{period.amount}" if period is not None else None,
        notice_unit=period.unit if period is not None else None,
        notice_business=period.business if period is not None else False,
        max_renewals=renewal.max_renewals,
        notice_text=notice.text if notice is not None else "",
        notice_start=notice.start if notice is not None else 0,
        notice_end=notice.end if notice is not None else 0,
        term_start=term.start,
        auto_text=renewal.auto.text,
        auto_start=renewal.auto.start,
        auto_end=renewal.auto.end,
    )


def _rebuild(roll: NoticeRoll) -> tuple[KeyDate, Renewal, Term]:
    """The expiry, renewal and term a :class:`NoticeRoll` was made from."""
    expiration = KeyDate("expiration_date", roll.expiration, roll.expiration.isoformat(), "", 0, 0,
                         roll.expiration_derivation)  # fmt: skip
    notice = None
    period = None
    if roll.notice_amount is not None and roll.notice_unit is not None:
        notice = KeyDate("notice_period_to_terminate_renewal", None, None, roll.notice_text,
                         roll.notice_start, roll.notice_end, "")  # fmt: skip
        period = Duration(roll.notice_text, roll.notice_start, roll.notice_end,
                          Decimal(roll.notice_amount), roll.notice_unit, None,
                          business=roll.notice_business)  # fmt: skip
    renewal = Renewal(
        period=(Decimal(roll.renewal_amount), roll.renewal_unit)
        if roll.renewal_amount is not None and roll.renewal_unit is not None
        else None,
        max_renewals=roll.max_renewals,
        auto=KeyDate(
            "auto_renewal", None, "yes", roll.auto_text, roll.auto_start, roll.auto_end, ""
        ),
        notice=notice,
        notice_period=period,
    )
    term = Term(
        expiration=expiration,
        length=Duration("", 0, 0, Decimal(roll.term_amount), roll.term_unit, None)
        if roll.term_amount is not None and roll.term_unit is not None
        else None,
        start=roll.term_start,
    )
    return expiration, renewal, term


def roll_notice_deadline(roll: NoticeRoll, as_of: AsOf) -> KeyDate | None:
    """The ``next_notice_deadline`` key date :func:`extract_key_dates` gives for ``as_of``,
    computed from a :class:`NoticeRoll` by the same rolling arithmetic (None without a
    notice period)."""
    expiration, renewal, term = _rebuild(roll)
    if renewal.notice_period is None:
        return None
    return next_notice_deadline(expiration, renewal, term, coerce_as_of(as_of))


def roll_current_term(roll: NoticeRoll, as_of: AsOf) -> KeyDate | None:
    """The ``current_term_end`` key date :func:`extract_key_dates` gives for ``as_of``."""
    expiration, renewal, term = _rebuild(roll)
    return current_term_end(expiration, renewal, term, coerce_as_of(as_of), True)
