"""The key-date stage: every finder run in order over one contract."""

from __future__ import annotations

from collections.abc import Sequence

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.document import Document
from contract_analyzer.facts import Facts
from contract_analyzer.keydates.context import build_context
from contract_analyzer.keydates.current import current_term_end, next_notice_deadline
from contract_analyzer.keydates.effective import find_agreement_date, find_effective_date
from contract_analyzer.keydates.model import KeyDate, make_key
from contract_analyzer.keydates.payment import find_payment_due, find_survival
from contract_analyzer.keydates.renewal import find_renewal
from contract_analyzer.keydates.term import find_term
from contract_analyzer.settings import Settings
from contract_analyzer.tagging.clause import Clause


def extract_key_dates(
    source: Document | str,
    *,
    clauses: Sequence[Clause] | None = None,
    as_of: AsOf = None,
    settings: Settings | None = None,
    facts: Facts | None = None,
) -> list[KeyDate]:
    """The key dates of one contract (a Document or its text), each with its evidence span
    and derivation.

    ``clauses`` (tagged clauses, optional) narrow the search to the right clauses first;
    ``as_of`` (a date, datetime, ISO string or None for today) is the day from which the
    current term and the next notice deadline are rolled forward past renewals already passed; ``facts`` are the document's facts when already
    extracted (else they are extracted here, with ``settings.date_order`` reading ambiguous
    numeric dates). Kinds that the text does not support are left out rather than guessed.
    """
    today = coerce_as_of(as_of)  # before any work: a bad as_of fails fast
    ctx = build_context(source, clauses, settings, facts)
    if ctx is None:
        return []
    out: list[KeyDate] = []
    agreement = find_agreement_date(ctx)
    effective = find_effective_date(ctx, agreement)
    if agreement is not None:
        out.append(agreement)
    if effective is not None:
        out.append(effective)
    term = find_term(ctx, effective, agreement)
    if term.expiration is not None:
        out.append(term.expiration)
    renewal = find_renewal(ctx, term)
    if renewal.term is not None:
        out.append(renewal.term)
    if renewal.auto is not None:
        out.append(renewal.auto)
    elif renewal.term is None and (term.expiration is not None or effective is not None):
        anchor = term.expiration or effective
        assert anchor is not None
        out.append(make_key("auto_renewal", value="no", text=anchor.text, start=anchor.start, end=anchor.end,
                        derivation="no renewal provision found: the contract does not renew by itself"))  # fmt: skip
    if renewal.notice is not None:
        out.append(renewal.notice)
    auto = renewal.auto is not None and renewal.auto.value == "yes"
    if term.expiration is not None and term.expiration.date is not None:
        current = current_term_end(term.expiration, renewal, term, today, auto)
        if current is not None:
            out.append(current)
        if auto and renewal.notice is not None:
            deadline = next_notice_deadline(term.expiration, renewal, term, today)
            if deadline is not None:
                out.append(deadline)
    payment = find_payment_due(ctx)
    if payment is not None:
        out.append(payment)
    survival = find_survival(ctx)
    if survival is not None:
        out.append(survival)
    return out
