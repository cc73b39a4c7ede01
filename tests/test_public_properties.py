"""Property tests of the public text-level calls (issue 18): any string gives a result or a
ContractAnalyzerError, in bounded time; any non-string gives an InvalidArgument.

Strings are drawn from all of Unicode (lone surrogates, control and format characters, line
separators included) and mixed with contract vocabulary so the matchers' edge cases are hit.
Kept small (a few hundred examples in all) so the suite stays fast.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import contract_analyzer as ca
from contract_analyzer.errors import ContractAnalyzerError, InvalidArgument

SECONDS = 5.0  # per call; the slowest seen on a loaded 2-core machine is well under 1 s
WORDS = [
    "1 March 2024", "31/02/2023", "thirty (30) days", "$1,000.00", "99.9%", "between",
    '("Supplier")', "Effective Date", "renews", "notice", "months", "net 45", "Q3", "¼", "\u200b",
    "\u2028", "\x00", "\ud800", "12.", "Section 4.2", "per annum", "EUR", "-", "/", "\n\n",
]  # fmt: skip
ANY_CHAR = st.characters(codec=None, exclude_categories=())
TEXT = st.lists(st.one_of(st.text(ANY_CHAR, max_size=30), st.sampled_from(WORDS)), max_size=40).map(
    " ".join
)
CALLS: list[tuple[str, Callable[[str], Any]]] = [
    ("extract_dates", lambda t: ca.extract_dates(t)),
    ("extract_durations", lambda t: ca.extract_durations(t)),
    ("extract_money", lambda t: ca.extract_money(t)),
    ("extract_percentages", lambda t: ca.extract_percentages(t)),
    ("extract_parties", lambda t: ca.extract_parties(t)),
    ("extract_facts", lambda t: ca.extract_facts(t)),
    ("extract_key_dates", lambda t: ca.extract_key_dates(t, as_of=dt.date(2025, 1, 1))),
]
PROFILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load the pipelines and the model once, outside the per-call time bound."""
    for _, call in CALLS:
        call("This Agreement is made on 1 March 2024 between Alpha Ltd and Beta Ltd.")
    ca.analyze(b"This Agreement is made on 1 March 2024 between Alpha Ltd and Beta Ltd.")


def _bounded(call: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    try:
        outcome = call()
    except ContractAnalyzerError as exc:
        outcome = exc
    assert time.perf_counter() - started < SECONDS
    return outcome


@PROFILE
@given(text=TEXT)
def test_any_string_gives_a_result_or_our_error(text: str) -> None:
    for name, call in CALLS:
        outcome = _bounded(lambda c=call: c(text))
        if isinstance(outcome, ContractAnalyzerError):
            # the one refusal of a str: text that is not valid Unicode (a lone surrogate)
            assert isinstance(outcome, InvalidArgument) and "surrogate" in str(outcome)
            assert any("\ud800" <= ch <= "\udfff" for ch in text)
            continue
        if name == "extract_facts":
            outcome = list(outcome.dates) + list(outcome.durations) + list(outcome.parties)
        for item in outcome:
            assert 0 <= item.start <= item.end <= len(text), (name, item)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=st.one_of(
        st.none(),
        st.integers(),
        st.floats(allow_nan=True),
        st.binary(max_size=20),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
)
def test_any_non_string_is_an_invalid_argument(value: object) -> None:
    for name, call in CALLS:
        outcome = _bounded(lambda c=call: c(value))
        assert isinstance(outcome, InvalidArgument), (name, value, outcome)
        assert "source" in str(outcome) or "text" in str(outcome)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_any_text_file_through_analyze(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    outcome = _bounded(lambda: ca.analyze(data, as_of=dt.date(2025, 1, 1)) if data else None)
    assert outcome is None or isinstance(outcome, (ca.ContractReport, ContractAnalyzerError))
