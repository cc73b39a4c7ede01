"""The term in force on ``as_of`` and the next notice deadline, rolled through every renewal.

An auto-renewing contract's initial ``expiration_date`` lapses while the contract runs on:
what a renewal manager needs is the end of the *current* term (``current_term_end``) and the
last day to stop the next renewal (``next_notice_deadline``). Both are counted from the
original start through :func:`contract_analyzer.facts.arith.renewal_end`, so month ends and
29 February do not drift from one renewal to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from contract_analyzer.facts.arith import notice_deadline, renewal_end, term_end
from contract_analyzer.keydates.model import KeyDate, Renewal, Term, duration_phrase, make_key

MAX_ROLLS = 1200  # a monthly contract rolled for a century


@dataclass(frozen=True)
class Basis:
    """Where renewal terms are counted from: the initial term's start and length when the
    expiry was derived from them, else the day after the stated expiry."""

    start: date
    initial: tuple[Decimal, str] | None
    renewal: tuple[Decimal, str]
    renewal_note: str


def basis(expiration: date, renewal: Renewal, term: Term) -> Basis:
    """The counting basis of ``expiration``'s renewals (see :class:`Basis`)."""
    length = term.length
    initial = None
    start = expiration + timedelta(days=1)
    if (
        term.start is not None
        and length is not None
        and length.amount is not None
        and term_end(term.start, length.amount, length.unit) == expiration
    ):
        start, initial = term.start, (length.amount, length.unit)
    if renewal.period is not None:
        amount, unit = renewal.period
        note = f"auto-renews for {duration_phrase(amount, unit)}"
    elif length is not None and length.amount is not None:
        amount, unit = length.amount, length.unit
        note = (
            "auto-renews; renewal length not stated, taken as the initial term "
            f"({duration_phrase(amount, unit)})"
        )
    else:
        amount, unit = Decimal(1), "year"
        note = "auto-renews; renewal length not stated, taken as 1 year"
    return Basis(start, initial, (amount, unit), note)


def end_after(b: Basis, renewals: int) -> date:
    """The last day of the term after ``renewals`` renewals."""
    return renewal_end(b.start, b.initial, b.renewal, renewals)


def _evidence(key: KeyDate | None, fallback: KeyDate) -> dict[str, object]:
    src = key if key is not None else fallback
    return {"text": src.text, "start": src.start, "end": src.end}


def current_term_end(
    expiration: KeyDate, renewal: Renewal, term: Term, as_of: date, auto: bool
) -> KeyDate | None:
    """The last day of the term in force on ``as_of`` (the initial term's when it has not
    ended or the contract does not renew by itself; else rolled through the renewals)."""
    if expiration.date is None:
        return None
    first = expiration.date
    head = expiration.derivation.split(";")[0]
    evidence = _evidence(renewal.auto if auto else None, expiration)
    if not auto:
        return make_key("current_term_end", d=first, value=first.isoformat(), **evidence,  # type: ignore[arg-type]
                        derivation=f"{head}; the contract does not renew by itself: the current term is "
                                   f"the initial term, ending {first.isoformat()}")  # fmt: skip
    b = basis(first, renewal, term)
    rolled, end = 0, first
    while end < as_of and rolled < MAX_ROLLS:
        if renewal.max_renewals is not None and rolled >= renewal.max_renewals:
            return make_key("current_term_end", d=end, value=end.isoformat(), **evidence,  # type: ignore[arg-type]
                            derivation=f"{head}; {b.renewal_note}, at most {renewal.max_renewals} time(s): "
                                       f"the last term ended {end.isoformat()}, before {as_of.isoformat()}")  # fmt: skip
        rolled += 1
        end = end_after(b, rolled)
    steps = [head, b.renewal_note]
    if rolled:
        steps.append(
            f"as of {as_of.isoformat()} the term in force is renewal {rolled}, "
            f"ending {end.isoformat()} (counted from {b.start.isoformat()})"
        )
    else:
        steps.append(f"as of {as_of.isoformat()} the initial term is in force")
    return make_key("current_term_end", d=end, value=end.isoformat(), **evidence,  # type: ignore[arg-type]
                    derivation="; ".join(steps))  # fmt: skip


def next_notice_deadline(
    expiration: KeyDate, renewal: Renewal, term: Term, as_of: date
) -> KeyDate | None:
    """The last day, on or after ``as_of``, to give notice that stops the next renewal
    ("at least N days prior" and "no later than N days before" the end of a term)."""
    notice = renewal.notice_period
    if expiration.date is None or notice is None or notice.amount is None:
        return None
    evidence = _evidence(renewal.notice, expiration)
    b = basis(expiration.date, renewal, term)
    phrase = duration_phrase(notice.amount, notice.unit, notice.business)
    end = expiration.date
    deadline = notice_deadline(end, notice.amount, notice.unit, business=notice.business)
    steps = [expiration.derivation.split(";")[0], b.renewal_note,
             f"notice {phrase} before {end.isoformat()} = {deadline.isoformat()}"]  # fmt: skip
    rolled = 0
    while deadline < as_of and rolled < MAX_ROLLS:
        if renewal.max_renewals is not None and rolled >= renewal.max_renewals:
            steps.append(
                f"as of {as_of.isoformat()} that deadline has passed and the contract renews at most "
                f"{renewal.max_renewals} time(s): the last term ends {end.isoformat()}, no notice is left to give"
            )
            return make_key("next_notice_deadline", value="none", **evidence,  # type: ignore[arg-type]
                            derivation="; ".join(steps))  # fmt: skip
        rolled += 1
        end = end_after(b, rolled)
        deadline = notice_deadline(end, notice.amount, notice.unit, business=notice.business)
    if rolled:
        steps.append(
            f"as of {as_of.isoformat()} that deadline has passed; after {rolled} renewal(s) the term ends "
            f"{end.isoformat()}; notice {phrase} before = {deadline.isoformat()}"
        )
    return make_key("next_notice_deadline", d=deadline, value=deadline.isoformat(), **evidence,  # type: ignore[arg-type]
                    derivation="; ".join(steps))  # fmt: skip
