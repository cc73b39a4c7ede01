"""Serving a cached result for another reference date (``as_of``) without analysing again.

``as_of`` defaults to today, so a cache keyed by it would analyse every file again the next
day. It is not in the cache key of the work functions listed in :data:`REDATERS`; instead a
cached result computed for one date is brought to another by recomputing exactly the outputs
that depend on the date, so it equals what a fresh analysis for that date gives.

For :func:`contract_analyzer.batch.worker.analyze_file` those outputs are:

- the ``as_of`` column;
- the next notice deadline: the ``next_notice_deadline`` column and the ``next_notice_deadline``
  key-date row (its ``date``, ``value`` and ``derivation``), which
  :func:`contract_analyzer.extract_key_dates` rolls forward past the deadlines before
  ``as_of``. Whether a contract has that key date, and its evidence span, do not depend on
  the date.

Nothing else does: the checker (findings, component statuses, score) never reads ``as_of``
or the notice deadline, and the other key dates, clauses and obligations are read from the
text alone. The worker stores the deadline's as_of-independent inputs
(:class:`contract_analyzer.keydates.NoticeRoll`) in ``FileResult.redate``, checked
against the deadline it has just computed; the deadline is rolled again by the same function
(:func:`contract_analyzer.keydates.roll_notice_deadline`). A result that cannot be
re-dated (no ``redate``) is a cache miss and is analysed again.

Work functions not listed here (custom ones) keep ``as_of`` in their cache key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from contract_analyzer.asof import AsOf, coerce_as_of
from contract_analyzer.batch.plain import plain
from contract_analyzer.batch.types import FileResult

ANALYZE_WORK = "contract_analyzer.batch.worker:analyze_file"
INGEST_WORK = "contract_analyzer.batch.worker:ingest_file"
DEADLINE = "next_notice_deadline"
CURRENT = "current_term_end"

Redater = Callable[[FileResult, dt.date], "FileResult | None"]


def analysis_basis(report: Any, as_of: dt.date) -> dict[str, Any] | None:
    """What :func:`redate_analysis` needs to re-date ``report``'s batch result, or None when
    the deadline cannot be reproduced from its as_of-independent inputs (then the result is
    only served for this ``as_of``)."""
    from contract_analyzer.keydates import notice_roll, roll_current_term, roll_notice_deadline

    kinds = {getattr(k, "kind", None): k for k in report.key_dates}
    deadline, current = kinds.get(DEADLINE), kinds.get(CURRENT)
    roll = notice_roll(report.document, clauses=report.clauses, facts=report.facts)
    if roll is None:  # no automatic renewal: nothing here depends on as_of
        return {"notice_roll": None} if deadline is None else None
    if roll_notice_deadline(roll, as_of) != deadline or roll_current_term(roll, as_of) != current:
        return None
    return {"notice_roll": plain(roll)}


def _deadline_record(record: dict[str, Any], key_date: Any) -> dict[str, Any]:
    """The key-date table row ``record`` with the date, value and derivation of ``key_date``
    (its evidence, span and page do not depend on ``as_of`` and are kept)."""
    date = key_date.date
    return {
        **record,
        "date": date if isinstance(date, dt.date) else None,
        "value": plain(key_date.value),
        **(
            {"anniversary": key_date.anniversary.isoformat() if key_date.anniversary else None}
            if "anniversary" in record
            else {}
        ),
        "derivation": str(key_date.derivation or ""),
    }


def redate_analysis(result: FileResult, as_of: AsOf) -> FileResult | None:
    """``result`` of :func:`~contract_analyzer.batch.worker.analyze_file` as if computed for
    ``as_of``; None when it cannot be."""
    as_of = coerce_as_of(as_of)
    row = dict(result.row)
    tables = dict(result.tables)
    if result.ok:
        if result.redate is None or "notice_roll" not in result.redate:
            return None
        roll = result.redate["notice_roll"]
        if roll is not None:
            # imported here: the facts modules load spaCy, which a batch of results without
            # a renewal deadline (or of errors) does not need in the parent process
            from contract_analyzer.keydates import (
                NoticeRoll,
                roll_current_term,
                roll_notice_deadline,
            )

            rolled = NoticeRoll(**roll)
            fresh = {
                DEADLINE: roll_notice_deadline(rolled, as_of),
                CURRENT: roll_current_term(rolled, as_of),
            }
            had = {r.get("kind") for r in tables.get("key_dates", ())}
            if any((fresh[k] is None) != (k not in had) for k in fresh):
                return None
            for kind, key_date in fresh.items():
                if key_date is None:
                    continue
                if kind in row:
                    row[kind] = key_date.date if isinstance(key_date.date, dt.date) else None
            tables["key_dates"] = [
                _deadline_record(r, fresh[r["kind"]])
                if r.get("kind") in fresh and fresh[r["kind"]] is not None
                else r
                for r in tables.get("key_dates", ())
            ]
    # an error comes from reading the file, which no reference date changes
    if "as_of" in row:
        row["as_of"] = as_of
    return dataclasses.replace(result, row=row, tables=tables, as_of=as_of)


def redate_nothing(result: FileResult, as_of: dt.date) -> FileResult:
    """For work functions whose output does not depend on ``as_of`` at all."""
    return dataclasses.replace(result, as_of=as_of)


# work function reference -> how its cached results are brought to another as_of
REDATERS: dict[str, Redater] = {
    ANALYZE_WORK: redate_analysis,
    INGEST_WORK: redate_nothing,
}


def as_of_free(work: str) -> bool:
    """True when results of ``work`` can be served for any ``as_of`` (not in the cache key)."""
    return work in REDATERS


def redate(result: FileResult, work: str, as_of: AsOf) -> FileResult | None:
    """``result`` for reference date ``as_of``: itself when computed for that date, re-dated
    when ``work`` knows how, else None (a cache miss). ``as_of``: see :mod:`contract_analyzer.asof`."""
    as_of = coerce_as_of(as_of)
    if result.as_of == as_of:
        return result
    redater = REDATERS.get(work)
    if redater is None or result.as_of is None:
        return None
    return redater(result, as_of)
