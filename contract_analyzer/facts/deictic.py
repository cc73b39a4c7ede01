"""Dates counted from the moment of writing: "tomorrow", "two weeks from now", "next Friday",
"the first Monday of next month", "the 18th", "Christmas". Resolved only against a reference date.

:func:`parse` turns the lower-case tokens of a matched span into a small spec tuple (no
reference needed, so the matcher can accept or reject the span); :func:`resolve` turns a spec
and a reference date into a date. Weeks start on Monday. Conventions follow common usage:
"next Friday" is the Friday of next week, "last Sunday" the Sunday of last week, "this past
Wednesday" the most recent one, "coming Thursday" the next one after today.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from contract_analyzer.facts.arith import add_period
from contract_analyzer.facts.holidays import holiday_date, holiday_name, nth_weekday
from contract_analyzer.facts.vocab import MONTHS, WEEKDAYS
from contract_analyzer.facts.vocab import UNITS as DURATION_UNITS
from contract_analyzer.text.numbers import ORDINAL_UNITS, words_to_int

Spec = tuple[Any, ...]

BASES: dict[str, int] = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
REL_UNITS: dict[str, str] = {
    k: v
    for k, v in DURATION_UNITS.items()
    if v in {"day", "week", "month", "year", "fortnight", "decade"} and len(k) > 2
}
_WEEK_WORDS = {"next", "last", "this", "previous", "following", "coming", "past"}
_ORDINALS = {**{w: v for w, v in ORDINAL_UNITS.items() if v <= 5}, "last": -1}
_SUFFIXES = {"st", "nd", "rd", "th"}


def _count(tokens: list[str]) -> float | None:
    """The number in front of a unit: digits, words, "a", "a few", "a couple of"."""
    t = [w for w in tokens if w not in ("of", "-")]
    if not t:
        return None
    if t[0].replace(".", "", 1).isdigit():
        return float(t[0]) if len(t) == 1 else None
    if t in (["a"], ["an"]):
        return 1.0
    if t in (["a", "couple"], ["couple"]):
        return 2.0
    if t in (["a", "few"], ["few"]):
        return 3.0
    n = words_to_int([w for w in t if w not in ("a",)])
    return float(n) if n is not None else None


def _parts(tokens: list[str]) -> tuple[list[tuple[float, str]], bool] | None:
    """[(amount, unit), ...] from "2 years 1 month 21 days" and whether days are business days."""
    parts: list[tuple[float, str]] = []
    cur: list[str] = []
    business = False
    for t in tokens:
        if t in REL_UNITS:
            n = _count(cur)
            if n is None or n <= 0:
                return None
            parts.append((n, REL_UNITS[t]))
            cur = []
        elif t in ("business", "working"):
            business = True
        elif t in (",", "and") and not cur:
            continue
        else:
            cur.append(t)
    if cur or not parts:
        return None
    return parts, business


def _day(tokens: list[str]) -> int | None:
    t = [w for w in tokens if w not in _SUFFIXES and w not in ("t", "h")]
    if not t:
        return None
    if t[0].isdigit():
        return int(t[0]) if len(t) == 1 and 1 <= int(t[0]) <= 31 else None
    n = words_to_int(t)
    return n if n is not None and 1 <= n <= 31 else None


def _month_ref(tokens: list[str]) -> tuple[str, int] | None:
    for t in tokens:
        if t in MONTHS:
            return ("abs", MONTHS[t])
    if "month" in tokens:
        for t in tokens:
            if t in ("next", "following"):
                return ("rel", 1)
            if t in ("last", "previous"):
                return ("rel", -1)
            if t == "this":
                return ("rel", 0)
    return None


def parse(tokens: list[str], label: str) -> Spec | None:
    """A spec for the span's lower-case tokens (whitespace removed), or None if not a date."""
    if label == "DATE_HOLIDAY":
        mode = tokens[0] if tokens[0] in _WEEK_WORDS else None
        body = tokens[1:] if mode else tokens
        year = int(body[-1]) if body and body[-1].isdigit() else None
        if year is not None:
            body = body[:-1]
        name = holiday_name(body)
        if name is None or (year is not None and not 1000 <= year <= 2999):
            return None
        return ("holiday", name, year, mode)
    if label == "DATE_WD_DAY":
        wd = WEEKDAYS.get(tokens[0])
        d = _day([t for t in tokens[1:] if t not in (",", "the")])
        return ("wd_day", wd, d) if wd is not None and d is not None else None
    if label == "DATE_DAY_ONLY":
        d = _day(tokens[1:])
        return ("day_of_month", d, None) if d is not None else None
    if len(tokens) == 1 and tokens[0] in BASES:
        return ("shift", BASES[tokens[0]], 1, [], False)
    if tokens[-1] in ("tomorrow", "yesterday", "tmrw") and len(tokens) <= 4 and "day" in tokens:
        if tokens[-2] in ("after", "before"):
            return ("shift", BASES[tokens[-1]] + (1 if tokens[-2] == "after" else -1), 1, [], False)
        return None
    if (
        tokens[-1] == "month"
        and tokens[-2] in _WEEK_WORDS
        and not any(t in WEEKDAYS for t in tokens)
    ):
        d = _day([t for t in tokens[:-2] if t not in ("the", "day", "of")])
        ref = _month_ref(tokens)
        return ("day_of_month", d, ref) if d is not None and ref else None
    weekdays = [t for t in tokens if t in WEEKDAYS or t.rstrip("s") in WEEKDAYS]
    if weekdays:
        wd = WEEKDAYS.get(weekdays[0], WEEKDAYS.get(weekdays[0].rstrip("s")))
        if tokens[-1] in ("now", "later") and tokens[0] not in WEEKDAYS:
            n = _count(tokens[:1])
            return ("n_weekdays", int(n), wd) if n else None
        ordinal = next(
            (t for t in tokens if t in _ORDINALS or t in ("1", "2", "3", "4", "5")), None
        )
        if ordinal is not None and tokens.index(ordinal) < tokens.index(weekdays[0]):
            n = _ORDINALS.get(ordinal) or int(ordinal)
            return ("nth_weekday", n, wd, _month_ref(tokens))
        mode = next((t for t in tokens if t in _WEEK_WORDS), None)
        if mode == "this" and "past" in tokens:
            mode = "past"
        if "week" in tokens and mode in ("following",):
            mode = "next"
        return ("weekday", wd, mode)
    # "<n> <unit> ago / later / from now / before yesterday" and "in <n> <unit>"
    if tokens[0] == "in":
        got = _parts(tokens[1:])
        return ("shift", 0, 1, got[0], got[1]) if got else None
    if tokens[-1] in ("ago", "later", "hence"):
        got = _parts(tokens[:-1])
        sign = -1 if tokens[-1] == "ago" else 1
        return ("shift", 0, sign, got[0], got[1]) if got else None
    if len(tokens) >= 3 and tokens[-2] in ("from", "after", "before") and tokens[-1] in BASES:
        got = _parts(tokens[:-2])
        sign = -1 if tokens[-2] == "before" else 1
        return ("shift", BASES[tokens[-1]], sign, got[0], got[1]) if got else None
    return None


def apply_parts(
    start: date, sign: int, parts: list[tuple[float, str]], business: bool = False
) -> date:
    """``start`` moved by each (amount, unit) part, forwards (sign 1) or backwards (-1)."""
    result = start
    for amount, unit in parts:
        result = add_period(result, sign * amount, unit, business=business and unit == "day")
    return result


def _month_of(ref: date, month_ref: tuple[str, int] | None) -> tuple[int, int]:
    if month_ref is None:
        return ref.year, ref.month
    kind, k = month_ref
    if kind == "abs":
        return ref.year, k
    shifted = ref.replace(day=1) + relativedelta(months=k)
    return shifted.year, shifted.month


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve(spec: Spec, ref: date) -> date | None:
    """The date a spec names, seen from ``ref``; None when it does not exist (Feb 30)."""
    kind = spec[0]
    if kind == "shift":
        _, base, sign, parts, business = spec
        return apply_parts(ref + timedelta(days=base), sign, parts, business)
    if kind == "weekday":
        _, wd, mode = spec
        if mode is None:
            return ref + timedelta(days=(wd - ref.weekday()) % 7)
        if mode == "coming":
            return ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
        if mode == "past":
            return ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
        week = {"this": 0, "next": 1, "following": 1, "last": -1, "previous": -1}[mode]
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=week)
        return monday + timedelta(days=wd)
    if kind == "nth_weekday":
        _, n, wd, month_ref = spec
        year, month = _month_of(ref, month_ref)
        return nth_weekday(year, month, wd, n)
    if kind == "day_of_month":
        _, d, month_ref = spec
        if month_ref is not None:
            year, month = _month_of(ref, month_ref)
            return _safe(year, month, d)
        for k in range(0, 3):  # the next month (from this one) that has this day
            first = ref.replace(day=1) + relativedelta(months=k)
            got = _safe(first.year, first.month, d)
            if got is not None and got >= ref:
                return got
        return None
    if kind == "wd_day":
        _, wd, d = spec
        best: date | None = None
        for k in range(-12, 13):
            first = ref.replace(day=1) + relativedelta(months=k)
            got = _safe(first.year, first.month, d)
            if (
                got is not None
                and got.weekday() == wd
                and (best is None or abs((got - ref).days) < abs((best - ref).days))
            ):
                best = got
        return best
    if kind == "n_weekdays":
        _, n, wd = spec
        first = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
        return first + timedelta(weeks=n - 1)
    if kind == "holiday":
        _, name, year, mode = spec
        if year is not None:
            return holiday_date(name, year)
        this_year = holiday_date(name, ref.year)
        if mode in ("last", "previous"):
            return this_year if this_year < ref else holiday_date(name, ref.year - 1)
        if mode == "this":
            return this_year
        return this_year if this_year >= ref else holiday_date(name, ref.year + 1)
    return None
