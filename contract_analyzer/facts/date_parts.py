"""The parts a matched date says before the day/month order and the reference are applied.

:func:`parse_words` reads "the 1st day of March, 2024", "March Twenty-First 2024" and
"[ ], 2020" token by token; :func:`parse_numeric` reads "2024-03-01", "03/01/2024", "3/1".
Both give a :class:`RawDate`; :mod:`.dates` decides the order and builds the mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from contract_analyzer.facts.date_patterns import PLACEHOLDER_RE
from contract_analyzer.facts.vocab import MONTHS, WEEKDAYS
from contract_analyzer.text.numbers import (
    CARDINAL_WORDS,
    CONNECTORS,
    ORDINAL_UNITS,
    two_digit_year,
    words_to_int,
    year_from_words,
)

_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
_PLACEHOLDER = re.compile(PLACEHOLDER_RE)


@dataclass(frozen=True)
class RawDate:
    """What a matched span says before day/month order and reference are applied."""

    form: str  # "words", "numeric", "relative"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    # numeric dates: the two leading numbers, order decided later
    first: int | None = None
    second: int | None = None
    fixed_order: str | None = None  # "YMD", "MDY", "DMY" when unambiguous
    sep: str = ""  # the separator of an all-numeric date
    two_digit_year: bool = False
    placeholder: bool = False
    rel: tuple[Any, ...] | None = None  # a deictic spec (see contract_analyzer.facts.deictic)


_NUM_YMD = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_NUM_ABY = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})(?:\2|,)(\d{2}|\d{4})$")
_NUM_AB = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})$")


def _year_value(group: list[str]) -> tuple[int, bool] | None:
    """(year, was two digits) from a token group."""
    if len(group) == 2 and group[0] in ("'", "’") and group[1].isdigit():
        return two_digit_year(int(group[1])), True
    if len(group) == 1 and group[0].isdigit():
        if len(group[0]) == 4:
            y = int(group[0])
            return (y, False) if 1000 <= y <= 2999 else None
        if len(group[0]) == 2:
            return two_digit_year(int(group[0])), True
        return None
    if all(w.isalpha() or w in CONNECTORS for w in group):
        y = year_from_words(group)
        return (y, False) if y is not None else None
    return None


def _day_value(group: list[str]) -> int | None:
    if not group:
        return None
    if group[0].isdigit():
        rest = group[1:]
        if rest and "".join(rest) not in _ORDINAL_SUFFIX:
            return None
        d = int(group[0])
    else:
        d_opt = words_to_int(group)
        if d_opt is None:
            return None
        d = d_opt
    return d if 1 <= d <= 31 else None


_FILLERS = {",", ".", "of", "the", "day", "in", "-", "/"}


def _groups(tokens: Sequence[str]) -> list[list[str]]:
    """Split tokens into number groups: digits (+ ordinal suffix), number words, blanks."""
    groups: list[list[str]] = []
    cur: list[str] = []

    def close() -> None:
        nonlocal cur
        while cur and cur[-1] in CONNECTORS:
            cur.pop()
        if cur:
            groups.append(cur)
        cur = []

    for i, t in enumerate(tokens):
        if _PLACEHOLDER.match(t):
            close()
            groups.append(["<blank>"])
        elif t.isdigit():
            if cur and cur[0] in ("'", "’") and len(cur) == 1:
                cur.append(t)
                close()
                continue
            close()
            cur = [t]
        elif cur and cur[0].isdigit() and t in _ORDINAL_SUFFIX | {"t", "h", "s", "n", "r", "d"}:
            cur.append(t)
        elif t in ("'", "’") and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            close()
            cur = [t]
        elif (
            t in CARDINAL_WORDS
            or t in ORDINAL_UNITS
            or t in {"twentieth", "thirtieth", "zero", "oh"}
        ):
            if cur and cur[0].isdigit():
                close()
            cur.append(t)
        elif t in CONNECTORS and cur and not cur[0].isdigit():
            cur.append(t)
        elif t in _FILLERS or t in WEEKDAYS:
            close()
        else:
            close()
            groups.append(["<other:" + t + ">"])
    close()
    return groups


def _normalise_suffix(group: list[str]) -> list[str]:
    if len(group) == 3 and group[0].isdigit() and group[1] + group[2] in _ORDINAL_SUFFIX:
        return [group[0], group[1] + group[2]]  # "20t h" -> "20th"
    return group


def parse_words(tokens: list[str], label: str) -> RawDate | None:
    while tokens and (tokens[0] in WEEKDAYS or tokens[0] in (",", ".")):
        tokens = tokens[1:]
    month_at = next((i for i, t in enumerate(tokens) if t in MONTHS), None)
    placeholder = False
    if month_at is None:
        # "[ ] day of [ ], 2020" / "[•], 2020": find the year at the end
        groups = _groups(tokens)
        if not groups:
            return None
        year = _year_value(groups[-1])
        if year is None or len(groups[-1]) != 1 or len(groups[-1][0]) != 4:
            return None
        day = None
        if len(groups) >= 2 and groups[0] != ["<blank>"]:
            day = _day_value(_normalise_suffix(groups[0]))
        return RawDate("words", year=year[0], month=None, day=day, placeholder=True)
    month = MONTHS[tokens[month_at]]
    pre_groups = _groups(tokens[:month_at])
    post_groups = _groups(tokens[month_at + 1 :])
    if any(g[0].startswith("<other") for g in pre_groups + post_groups):
        return None
    day: int | None = None
    year_info: tuple[int, bool] | None = None
    if pre_groups:  # day before month
        if len(pre_groups) != 1:
            return None
        g = _normalise_suffix(pre_groups[0])
        if g == ["<blank>"]:
            placeholder = True
        else:
            day = _day_value(g)
            if day is None:
                return None
        if len(post_groups) > 1:
            return None
        if post_groups:
            if post_groups[0] == ["<blank>"]:
                return None
            year_info = _year_value(post_groups[0])
            if year_info is None:
                return None
    else:
        if not post_groups or len(post_groups) > 2:
            return None
        if len(post_groups) == 2:
            d, y = post_groups
            if d == ["<blank>"]:
                placeholder = True
            else:
                day = _day_value(_normalise_suffix(d))
                if day is None:
                    return None
            year_info = _year_value(y)
            if year_info is None:
                return None
        else:
            g = _normalise_suffix(post_groups[0])
            if g == ["<blank>"]:
                return None
            as_year = (
                _year_value(g) if label in ("DATE_MY",) or len(g) > 1 or len(g[0]) == 4 else None
            )
            if (
                label == "DATE_MY"
                and as_year is not None
                and (len(g[0]) == 4 or g[0] in ("'", "’"))
            ):
                year_info = as_year
            else:
                day = _day_value(g)
                if day is None and g[0].isalpha():
                    # one run of words holding day and year: "twenty one two thousand and eighteen"
                    for cut in range(1, len(g)):
                        d_try, y_try = _day_value(g[:cut]), _year_value(g[cut:])
                        if d_try is not None and y_try is not None:
                            day, year_info = d_try, y_try
                            break
                if day is None:
                    return None
    year = year_info[0] if year_info else None
    return RawDate(
        "words",
        year=year,
        month=month,
        day=day,
        two_digit_year=bool(year_info and year_info[1]),
        placeholder=placeholder,
    )


def parse_numeric(text: str) -> RawDate | None:
    m = _NUM_YMD.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1 <= mo <= 12 and 1 <= d <= 31 and 1000 <= y <= 2999:
            return RawDate("numeric", year=y, month=mo, day=d, fixed_order="YMD")
        return None
    m = _NUM_ABY.match(text)
    year: int | None = None
    two = False
    if m:
        a, b, ytxt = int(m.group(1)), int(m.group(3)), m.group(4)
        if len(ytxt) == 2:
            year, two = two_digit_year(int(ytxt)), True
        else:
            year = int(ytxt)
            if not 1000 <= year <= 2999:
                return None
        if m.group(2) == "." and two and not (len(m.group(1)) == 2 and len(m.group(3)) == 2):
            return None  # "1.2.10" is a section number, "01.02.10" a date
    else:
        m = _NUM_AB.match(text)
        if not m:
            return None
        a, b = int(m.group(1)), int(m.group(3))
    if a == 0 or b == 0 or (a > 12 and b > 12) or a > 31 or b > 31:
        return None
    if a > 12:
        fixed = "DMY"
    elif b > 12 or a == b:
        fixed = "MDY"
    else:
        fixed = None
    return RawDate(
        "numeric",
        year=year,
        first=a,
        second=b,
        fixed_order=fixed,
        two_digit_year=two,
        sep=m.group(2),
    )
