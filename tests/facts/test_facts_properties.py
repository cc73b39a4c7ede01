"""Property tests: any date rendered in any supported format comes back exactly; no text raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract_analyzer.facts import (
    extract_dates,
    extract_durations,
    extract_money,
    extract_parties,
    extract_percentages,
)
from contract_analyzer.keydates import extract_key_dates
from contract_analyzer.text.numbers import UNITS

_ONES = {v: k for k, v in UNITS.items()}
_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
        8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
        14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
        19: "nineteenth", 20: "twentieth", 30: "thirtieth"}  # fmt: skip


def suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def day_words(day: int) -> str:
    if day in _ORD:
        return _ORD[day]
    tens = "twenty" if day < 30 else "thirty"
    return f"{tens}-{_ORD[day % 10]}"


def year_words(year: int) -> str:
    if 2000 <= year <= 2009:
        return "two thousand" + (f" and {_ONES[year - 2000]}" if year > 2000 else "")
    head, tail = divmod(year, 100)
    tens = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}  # fmt: skip
    if tail < 20:
        rest = _ONES[tail] if tail >= 10 else f"oh {_ONES[tail]}"
    else:
        rest = tens[tail // 10] + (f"-{_ONES[tail % 10]}" if tail % 10 else "")
    century = _ONES[head] if head < 20 else "twenty"
    return f"{century} {rest}"


FORMATS = [
    lambda d: d.strftime("%B ") + f"{d.day}, {d.year}",
    lambda d: d.strftime("%b. ") + f"{d.day}, {d.year}",
    lambda d: d.strftime("%B ") + f"{d.day}{suffix(d.day)}, {d.year}",
    lambda d: f"{d.day}{suffix(d.day)} day of {d.strftime('%B')}, {d.year}",
    lambda d: f"the {d.day}{suffix(d.day)} day of {d.strftime('%B')} {d.year}",
    lambda d: f"{d.day} {d.strftime('%B')} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day}-{d.strftime('%b')}-{d.year}",
    lambda d: f"the {day_words(d.day)} day of {d.strftime('%B')}, {year_words(d.year)}",
    lambda d: d.strftime("%B ") + f"{d.day},\n{d.year}",
]

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=dates, fmt=st.integers(0, len(FORMATS) - 1))
def test_any_rendered_date_is_recovered_exactly(d: dt.date, fmt: int) -> None:
    rendered = FORMATS[fmt](d)
    text = f"This Agreement is made and entered into as of {rendered} by and between Acme and Beta."
    found = extract_dates(text)
    assert len(found) == 1, (rendered, found)
    m = found[0]
    assert m.value == d, (rendered, m)
    assert rendered.replace("the ", "", 1) in m.text or rendered in m.text
    assert text[m.start : m.end] == m.text


_any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.lists(
    st.sampled_from(
        ["March", "1,", "2024", "(30)", "thirty", "days", "$", "1,000", "%", "the", "1st", "day",
         "of", "[ ]", "____", "\n", "Section", "12.3", "Effective Date", '("Supplier")', "between",
         "renew", "notice", "prior to", "net", "45", "per", "month", "USD", "one-year", "-", "/"]
    ),
    max_size=60,
).map(" ".join)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_any_text)
def test_arbitrary_text_never_raises(text: str) -> None:
    for extract in (extract_dates, extract_durations, extract_money, extract_percentages):
        for m in extract(text):
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text
    for p in extract_parties(text):
        assert 0 <= p.start <= p.end <= len(text)
    for k in extract_key_dates(text, as_of=dt.date(2025, 1, 1)):
        assert 0 <= k.start <= k.end <= len(text)
