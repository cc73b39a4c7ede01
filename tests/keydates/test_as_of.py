"""``as_of`` read the same way by every public call and the CLI: date, datetime, ISO string or
None (today); anything else is an ``InvalidAsOf`` naming the value."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import contract_analyzer as ca
from contract_analyzer.asof import InvalidAsOf, coerce_as_of
from contract_analyzer.keydates import extract_key_dates

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "sample_contracts"

TEXT = """SERVICES AGREEMENT

This Services Agreement is entered into as of March 1, 2024 (the "Effective Date") by and between Acme Corp. ("Supplier") and Beta LLC ("Customer").

1. Term. This Agreement shall commence on the Effective Date and continue for twelve (12) months. Thereafter it shall automatically renew for successive one (1) year periods unless either party gives written notice of non-renewal at least sixty (60) days prior to the end of the then-current term.
"""


def _deadline(key_dates: list) -> dt.date | None:
    return next(k.date for k in key_dates if k.kind == "next_notice_deadline")


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2026, 12, 6),
        dt.datetime(2026, 12, 6, 23, 59),
        dt.datetime(2026, 12, 6, 8, tzinfo=dt.timezone.utc),
        "2026-12-06",
        " 2026-12-06 ",
        "2026-12-06T09:30:00",
        "2026-12-06T09:30:00Z",
    ],
)
def test_extract_key_dates_accepts_every_form(value: object) -> None:
    got = _deadline(extract_key_dates(TEXT, as_of=value))
    assert got == _deadline(extract_key_dates(TEXT, as_of=dt.date(2026, 12, 6)))
    # the term ends 2025-02-28, renews each year: 2026-02-28, 2027-02-28; notice 60 days before
    assert got == dt.date(2026, 12, 30)


def test_none_is_today() -> None:
    assert coerce_as_of(None) == dt.date.today()
    assert _deadline(extract_key_dates(TEXT)) == _deadline(
        extract_key_dates(TEXT, as_of=dt.date.today())
    )


@pytest.mark.parametrize(
    "value", ["06/12/2026", "tomorrow", "", 20261206, 3.5, True, ["2026-12-06"]]
)
def test_bad_as_of_names_the_value(value: object) -> None:
    with pytest.raises(InvalidAsOf) as err:
        extract_key_dates(TEXT, as_of=value)  # type: ignore[arg-type]
    assert isinstance(err.value, ca.ContractAnalyzerError)
    assert repr(value) in str(err.value) and "as_of" in str(err.value)


def test_analyze_accepts_string_and_refuses_garbage() -> None:
    path = SAMPLES / "c02_saas_cobalt_silverline.pdf"
    report = ca.analyze(path, as_of="2026-12-06")
    assert report.as_of == dt.date(2026, 12, 6)
    assert ca.analyze(path, as_of=dt.datetime(2026, 12, 6, 12)).key_dates == report.key_dates
    with pytest.raises(ca.InvalidAsOf, match="'6 Dec'"):
        ca.analyze(path, as_of="6 Dec")


def test_batch_and_portfolio(tmp_path: Path) -> None:
    from contract_analyzer.portfolio import Portfolio, load_portfolio

    (tmp_path / "services.txt").write_text(TEXT, encoding="utf-8")
    result = ca.analyze_folder_tables(tmp_path, as_of="2026-12-06", jobs=1, cache=False)
    assert (result.contracts["as_of"] == dt.date(2026, 12, 6)).all()
    frame = ca.analyze_folder(tmp_path, as_of=dt.datetime(2026, 12, 6, 1), jobs=1, cache=False)
    assert list(frame["next_notice_deadline"]) == [dt.date(2026, 12, 30)]
    with pytest.raises(InvalidAsOf, match="12345"):
        ca.analyze_folder_tables(tmp_path, as_of=12345, jobs=1, cache=False)  # type: ignore[arg-type]
    assert Portfolio.from_batch(result, as_of="2026-12-06").as_of == dt.date(2026, 12, 6)
    with pytest.raises(InvalidAsOf, match="'soon'"):
        Portfolio.from_batch(result, as_of="soon")
    p = load_portfolio(tmp_path, as_of="2026-12-06", jobs=1, cache=False)
    assert p.as_of == dt.date(2026, 12, 6)


def test_redate_and_roll_accept_strings() -> None:
    from contract_analyzer.batch.redate import ANALYZE_WORK, redate
    from contract_analyzer.batch.types import FileResult
    from contract_analyzer.keydates import notice_roll, roll_notice_deadline

    roll = notice_roll(TEXT)
    assert roll is not None
    assert roll_notice_deadline(roll, "2026-12-06") == roll_notice_deadline(
        roll, dt.date(2026, 12, 6)
    )
    error = FileResult("x.pdf", None, row={"as_of": dt.date(2026, 1, 1)}, error="unreadable",
                       as_of=dt.date(2026, 1, 1))  # fmt: skip
    assert redate(error, ANALYZE_WORK, "2026-12-06").row["as_of"] == dt.date(2026, 12, 6)
    with pytest.raises(InvalidAsOf, match="'later'"):
        redate(error, ANALYZE_WORK, "later")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "contract_analyzer.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_cli_as_of(tmp_path: Path) -> None:
    path = tmp_path / "services.txt"
    path.write_text(TEXT, encoding="utf-8")
    ok = _cli("analyze", str(path), "--format", "json", "--as-of", "2026-12-06T10:00:00")
    assert ok.returncode == 0, ok.stderr
    assert '"as_of": "2026-12-06"' in ok.stdout
    bad = _cli("analyze", str(path), "--as-of", "06/12/2026")
    assert bad.returncode == 2
    assert "'06/12/2026'" in bad.stderr and "Traceback" not in bad.stderr
    bad = _cli("deadlines", str(tmp_path), "-o", str(tmp_path / "out.ics"), "--as-of", "next week")
    assert bad.returncode == 2
    assert "'next week'" in bad.stderr and "Traceback" not in bad.stderr
