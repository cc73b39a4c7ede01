"""Key dates of the real pipeline on every sample contract file, against their ground truth.

``ca.analyze(path, as_of=<ground truth as_of>)`` on each file of data/sample_contracts (the PDF
and the DOCX rendering of a contract both), and each key date of ground_truth.yaml checked
by kind: dates exactly, durations by length in their unit ("P1Y" = "P12M"), yes/no and
perpetual/evergreen by value. Conventions: data/sample_contracts/README.md (expiration = last
day of the term; next notice deadline rolled forward from ``as_of``).

The reports come from test_samples' per-session cache, so a file the checker tests already
analysed is not analysed again; bench/keydates_samples.py prints the same comparison.
"""

from __future__ import annotations

import pytest
from test_samples import AS_OF, CONTRACTS, SAMPLES, _report

from contract_analyzer.keydates import KINDS
from contract_analyzer.keydates.compare import (
    expected_text,
    got_text,
    key_date_matches,
    normalize_duration,
)


def _cases() -> list:
    return [
        pytest.param(cid, name, expected, id=f"{name}-{expected['kind']}")
        for cid, contract in CONTRACTS.items()
        for name in contract["files"]
        for expected in contract.get("key_dates") or []
    ]


def test_ground_truth_lists_key_dates() -> None:
    cases = _cases()
    assert len(cases) >= 60, f"only {len(cases)} key dates in the ground truth"
    assert {c.values[2]["kind"] for c in cases} <= set(KINDS)
    assert AS_OF.isoformat() == "2026-11-26"


@pytest.mark.parametrize(("contract_id", "file_name", "expected"), _cases())
def test_key_date_matches_ground_truth(contract_id: str, file_name: str, expected: dict) -> None:
    assert (SAMPLES / file_name).is_file(), file_name
    report = _report(contract_id, file_name)
    got = {k.kind: k for k in report.key_dates}.get(expected["kind"])
    assert key_date_matches(expected, got), (
        f"{file_name} {expected['kind']}: expected {expected_text(expected)} "
        f"({expected.get('derivation', '')}), got {got_text(got)}"
        + (f" ({got.derivation}; evidence {got.text[:120]!r})" if got else "")
    )
    assert got is not None and got.derivation, "a key date carries its derivation"


def test_durations_compare_by_length_in_their_unit() -> None:
    """The comparison itself: P1Y is P12M, P2W is P14D, but P30D is not P1M."""
    assert normalize_duration("P1Y") == normalize_duration("P12M")
    assert normalize_duration("P2W") == normalize_duration("P14D")
    assert normalize_duration("P30D") != normalize_duration("P1M")
    assert normalize_duration("yes") is None
