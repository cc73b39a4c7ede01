"""The calendar cases of bench/keydates_cases.py (month ends, 29 February, business days,
effective dates written as events, impossible dates, renewals without a length): every one
right through the public ``extract_key_dates``."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

import pytest

from contract_analyzer.keydates import extract_key_dates

_PATH = Path(__file__).resolve().parents[2] / "bench" / "keydates_cases.py"
_SPEC = importlib.util.spec_from_file_location("keydates_cases", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
_MODULE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_MODULE)
CASES: list[dict[str, Any]] = _MODULE.CASES


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    got = {k.kind: k for k in extract_key_dates(case["text"], as_of=case["as_of"])}
    for key, want in case["expect"].items():
        kind, _, attr = key.partition(".")
        have = got.get(kind)
        if have is None:
            value = None
        elif attr:
            value = getattr(have, attr)
        else:
            value = have.date if have.date is not None else have.value
        shown = value.isoformat() if isinstance(value, dt.date) else value
        assert shown == want, (key, have.derivation if have else None)
        if have is not None and want in ("unresolved", "nonexistent", "unknown"):
            assert have.text.strip() and have.end > have.start  # the evidence is kept


def test_impossible_date_never_crashes_and_is_stated() -> None:
    text = 'This Agreement is dated February 30, 2024 (the "Effective Date").'
    (effective,) = [
        k for k in extract_key_dates(text, as_of="2025-01-01") if k.kind == "effective_date"
    ]
    assert effective.value == "nonexistent" and effective.date is None
    assert effective.text == "February 30, 2024" and "does not exist" in effective.derivation
