"""Named holidays ("Christmas Day", "Easter", "Thanksgiving") and their date in a given year.

Fixed-date holidays map to a month and day; movable ones are computed (Easter with
``dateutil.easter``; US holidays as the n-th weekday of a month). Contracts name them in
business-day definitions and deadlines ("by Christmas Day 2024").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last one."""
    if n == -1:
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    got = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return got if got.month == month else None


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _thanksgiving(year: int) -> date:
    got = nth_weekday(year, 11, 3, 4)
    assert got is not None
    return got


def _nth(month: int, weekday: int, n: int) -> Callable[[int], date]:
    def compute(year: int) -> date:
        got = nth_weekday(year, month, weekday, n)
        assert got is not None  # n <= 4 or -1 always exists
        return got

    return compute


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": _fixed(1, 1),
    "new years day": _fixed(1, 1),
    "new year day": _fixed(1, 1),
    "new year": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "new years eve": _fixed(12, 31),
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "xmas": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "valentines day": _fixed(2, 14),
    "saint patrick's day": _fixed(3, 17),
    "st patrick's day": _fixed(3, 17),
    "st. patrick's day": _fixed(3, 17),
    "saint patrick": _fixed(3, 17),
    "st patrick": _fixed(3, 17),
    "juneteenth": _fixed(6, 19),
    "veterans day": _fixed(11, 11),
    "veterans' day": _fixed(11, 11),
    "international workers' day": _fixed(5, 1),
    "international workers day": _fixed(5, 1),
    "may day": _fixed(5, 1),
    "earth day": _fixed(4, 22),
    "groundhog day": _fixed(2, 2),
    "canada day": _fixed(7, 1),
    "all saints day": _fixed(11, 1),
    "all saints' day": _fixed(11, 1),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": _thanksgiving,
    "thanksgiving day": _thanksgiving,
    "black friday": lambda y: _thanksgiving(y) + timedelta(days=1),
    "cyber monday": lambda y: _thanksgiving(y) + timedelta(days=4),
    "memorial day": _nth(5, 0, -1),
    "labor day": _nth(9, 0, 1),
    "martin luther king day": _nth(1, 0, 3),
    "martin luther king jr. day": _nth(1, 0, 3),
    "mlk day": _nth(1, 0, 3),
    "presidents day": _nth(2, 0, 3),
    "presidents' day": _nth(2, 0, 3),
    "washington's birthday": _nth(2, 0, 3),
    "columbus day": _nth(10, 0, 2),
    "mother's day": _nth(5, 6, 2),
    "mothers day": _nth(5, 6, 2),
    "father's day": _nth(6, 6, 3),
    "fathers day": _nth(6, 6, 3),
}

_SPLIT = re.compile(r"\d+|[^\W\d_]+|[^\w\s]")


def _tokens(phrase: str) -> list[str]:
    return _SPLIT.findall(phrase.lower())


def holiday_token_lists() -> list[list[str]]:
    """Each holiday name as the tokens the facts tokenizer makes of it."""
    return [_tokens(name) for name in HOLIDAYS]


_BY_TOKENS: dict[tuple[str, ...], str] = {tuple(_tokens(name)): name for name in HOLIDAYS}


def holiday_name(tokens: list[str]) -> str | None:
    """The holiday named by these lower-case tokens, if any."""
    return _BY_TOKENS.get(tuple(tokens))


def holiday_date(name: str, year: int) -> date:
    """The date of a holiday in a year."""
    return HOLIDAYS[name](year)
