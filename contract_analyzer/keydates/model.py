"""The key-date records: :class:`KeyDate`, the kinds, and the term and renewal found so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from contract_analyzer.facts.dates import DateMention
from contract_analyzer.facts.durations import Duration
from contract_analyzer.text.iso import iso_duration
from contract_analyzer.text.numbers import UNITS

KINDS: tuple[str, ...] = (
    "agreement_date",
    "effective_date",
    "expiration_date",
    "current_term_end",
    "renewal_term",
    "auto_renewal",
    "notice_period_to_terminate_renewal",
    "next_notice_deadline",
    "payment_due_period",
    "survival_period",
)

TERM_END_KINDS: frozenset[str] = frozenset({"expiration_date", "current_term_end"})


@dataclass(frozen=True)
class KeyDate:
    """One key date or period of a contract.

    ``kind`` is one of :data:`KINDS`. ``date`` is set for calendar dates; ``value`` carries
    non-date facts ("12 months", "yes", "perpetual", "evergreen") and partial dates
    ("2019-09"). ``duration`` is the same period as an ISO 8601 duration ("P12M", "P90D")
    for the period kinds. ``text``/``start``/``end`` is the evidence in the contract text and
    ``derivation`` the reasoning or arithmetic behind the value.

    Term ends (``expiration_date``, ``current_term_end``): ``date`` is the term's last day
    (the last day the contract is in force); ``anniversary`` is the same end written the
    other way, the N-th anniversary of the start (one day later), when the term is a length
    counted from a start date, and None when the text states the end date itself. See
    :mod:`contract_analyzer.facts.arith` for the calendar rules.
    """

    kind: str
    date: date | None
    value: str | None
    text: str
    start: int
    end: int
    derivation: str
    duration: str | None = None
    anniversary: date | None = None

    @property
    def inclusive_end(self) -> date | None:
        """The term's last day (the library's convention for term ends); None otherwise."""
        return self.date if self.kind in TERM_END_KINDS else None


def window_before(text: str, start: int, size: int = 80) -> str:
    return text[max(0, start - size) : start]


def make_key(kind: str, *, d: date | None = None, value: str | None = None, text: str, start: int, end: int,
         derivation: str, period: Duration | None = None) -> KeyDate:  # fmt: skip
    iso = None
    if period is not None and period.amount is not None:
        iso = iso_duration(period.amount, period.unit, period.business)
    if period is not None and period.inconsistent:
        derivation += (
            f'; CHECK: "{" ".join(period.text.split())}" gives the number in words and in digits '
            f"differently; read as the words ({period.label}), which usually prevail"
        )
    return KeyDate(kind, d, value, text, start, end, derivation, iso)


def _partial_value(m: DateMention) -> str:
    if m.year is not None and m.month is not None:
        return f"{m.year:04d}-{m.month:02d}"
    if m.year is not None:
        return f"{m.year:04d}"
    return m.text


NONEXISTENT = "nonexistent"


def _nonexistent(m: DateMention) -> bool:
    """A full date the text states but the calendar does not have ("31 February 2025")."""
    return (
        m.value is None
        and m.precision == "day"
        and not m.relative
        and m.year is not None
        and m.month is not None
        and m.day is not None
    )


def from_mention(kind: str, m: DateMention, derivation: str) -> KeyDate:
    """A key date read from a date mention: its date; a partial date's year and month; or,
    for a date that does not exist, ``value`` "nonexistent" with the text as evidence."""
    if _nonexistent(m):
        return make_key(kind, value=NONEXISTENT, text=m.text, start=m.start, end=m.end,
                        derivation=f'{derivation}; CHECK: the text states "{m.text}" '
                                   f"(day {m.day} of {m.year:04d}-{m.month:02d}), a date that does not exist; "
                                   "no deadline is derived from it")  # fmt: skip
    if m.value is not None:
        return make_key(kind, d=m.value, value=m.value.isoformat(), text=m.text, start=m.start, end=m.end,
                    derivation=derivation)  # fmt: skip
    note = " (partial date: the day is not stated)" if m.is_partial else ""
    return make_key(kind, value=_partial_value(m), text=m.text, start=m.start, end=m.end,
                derivation=derivation + note)  # fmt: skip


def period_label(d: Duration) -> str:
    return d.label


def duration_phrase(amount: Decimal, unit: str, business: bool = False) -> str:
    n = f"{amount.normalize():f}"
    return f"{n} {'business ' if business else ''}{unit}{'' if amount == 1 else 's'}"


@dataclass
class Term:
    expiration: KeyDate | None = None
    length: Duration | None = None  # the initial term as a period, when that is how it is stated
    start: date | None = None


WORD_NUMBERS = {w: v for w, v in UNITS.items() if v <= 10}


@dataclass
class Renewal:
    term: KeyDate | None = None
    period: tuple[Decimal, str] | None = None
    max_renewals: int | None = None  # "for one (1) additional ... period", "up to three renewals"
    auto: KeyDate | None = None
    notice: KeyDate | None = None
    notice_period: Duration | None = None
