"""The cache across reference dates: a result cached with one ``as_of`` is served for another,
with exactly the outputs a fresh analysis for that date gives (so tomorrow's run of
``contract-analyzer score`` analyses only new or changed files)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import batchwork
import pandas as pd
import pytest

from contract_analyzer.batch import analyze_folder_tables
from contract_analyzer.batch.redate import REDATERS, redate
from contract_analyzer.batch.runner import DEFAULT_WORK
from contract_analyzer.batch.types import FileResult
from contract_analyzer.batch.worker import ingest_file
from contract_analyzer.keydates import extract_key_dates, notice_roll, roll_notice_deadline

# c02 renews every 12 months after 2024-06-14 with 180 days' notice; c01 every 12 months
# after 2027-03-31 with 90 days' notice; the SLA has no renewal deadline
SAMPLES = (
    "c02_saas_cobalt_silverline.pdf",
    "c01_msa_meridian_kestrel.docx",
    "c04_sla_quarrypeak_tidewater.docx",
)
BEFORE = dt.date(2023, 6, 1)  # neither deadline has passed
LATER = dt.date(2027, 6, 1)  # both have: c02 rolled four times, c01 once
SAAS = """MASTER SUBSCRIPTION AGREEMENT

This Master Subscription Agreement is entered into as of February 15, 2024 (the "Effective Date") by and between Acme Corp., a Delaware corporation ("Supplier"), and Beta LLC, a New York limited liability company ("Customer").

1. Term. The initial term of this Agreement shall commence on the Effective Date and continue for thirty-six (36) months (the "Initial Term"). Thereafter, this Agreement shall automatically renew for successive twelve (12) month periods (each a "Renewal Term") unless either party gives written notice of non-renewal at least ninety (90) days prior to the end of the then-current term.
"""
GOPAGE = "GopageCorp_20140221_10-K_EX-10.1_8432966_EX-10.1_Content License Agreement.txt"


def _deadline(text: str, as_of: dt.date):
    found = [k for k in extract_key_dates(text, as_of=as_of) if k.kind == "next_notice_deadline"]
    return found[0] if found else None


@pytest.mark.parametrize(
    "as_of",
    [dt.date(2020, 1, 1), dt.date(2026, 11, 16), dt.date(2026, 11, 17), dt.date(2031, 6, 1)],
)
def test_rolling_a_notice_roll_gives_the_deadline_extract_key_dates_gives(as_of) -> None:
    roll = notice_roll(SAAS)
    assert roll is not None
    assert roll_notice_deadline(roll, as_of) == _deadline(SAAS, as_of)


def test_a_capped_renewal_rolls_to_no_deadline_like_extract_key_dates(shared: Path) -> None:
    """Gopage renews once at most: past its last notice date there is no deadline left."""
    text = (shared / "data" / "cuad" / "txt" / GOPAGE).read_text(encoding="utf-8")
    roll = notice_roll(text)
    assert roll is not None and roll.max_renewals == 1
    for as_of in (dt.date(2021, 1, 1), dt.date(2022, 1, 1)):
        assert roll_notice_deadline(roll, as_of) == _deadline(text, as_of)
    assert roll_notice_deadline(roll, dt.date(2022, 1, 1)).value == "none"
    assert notice_roll("This Agreement is governed by the laws of Delaware.") is None


def test_only_known_work_functions_are_served_across_dates() -> None:
    result = FileResult(file="a.pdf", sha256="ab" * 32, row={"as_of": BEFORE}, as_of=BEFORE)
    assert DEFAULT_WORK in REDATERS
    assert redate(result, "batchwork:hostile", BEFORE) is result
    assert redate(result, "batchwork:hostile", LATER) is None  # as_of is in its key anyway
    # an analysis that could not record its deadline's inputs is analysed again
    assert redate(result, DEFAULT_WORK, LATER) is None
    error = dataclasses.replace(result, error_type="CorruptDocument", error="damaged")
    assert redate(error, DEFAULT_WORK, LATER).row["as_of"] == LATER


def _batch(folder: Path, as_of: dt.date, cache: Path | bool):
    return analyze_folder_tables(
        folder, jobs=1, as_of=as_of, cache=cache, progress=False, time_limit=300
    )


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["elapsed_s", "cached"], errors="ignore").reset_index(drop=True)


def test_cached_results_are_re_dated_exactly(project_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "contracts"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(project_dir / "data" / "sample_contracts" / name, folder / name)
    cache = tmp_path / "cache"

    first = _batch(folder, BEFORE, cache)
    assert (first.summary.analysed, first.summary.errors) == (3, 0)
    later = _batch(folder, LATER, cache)
    assert (later.summary.analysed, later.summary.cached) == (0, 3)
    assert later.contracts["cached"].all()
    fresh = _batch(folder, LATER, False)
    assert fresh.summary.analysed == 3 and not fresh.contracts["cached"].any()

    pd.testing.assert_frame_equal(_comparable(later.contracts), _comparable(fresh.contracts))
    for name, table in fresh.tables().items():
        pd.testing.assert_frame_equal(later.tables()[name], table, obj=name)
    for served, computed in zip(later.results, fresh.results, strict=True):
        assert (served.row, served.tables) == (computed.row, computed.tables)

    # the re-dating did something: both deadlines moved, the SLA has none
    deadlines = {
        when: run.contracts.set_index("file")["next_notice_deadline"]
        for when, run in (("before", first), ("later", later))
    }
    assert deadlines["before"][SAMPLES[0]] == dt.date(2023, 12, 17)
    assert deadlines["later"][SAMPLES[0]] == dt.date(2027, 12, 17)
    assert deadlines["before"][SAMPLES[1]] == dt.date(2026, 12, 31)
    assert deadlines["later"][SAMPLES[1]] == dt.date(2028, 1, 1)
    assert pd.isna(deadlines["later"][SAMPLES[2]])
    key_dates = later.key_dates.set_index(["file", "kind"])
    derivation = key_dates.loc[(SAMPLES[0], "next_notice_deadline"), "derivation"]
    assert "as of 2027-06-01 that deadline has passed; after 4 renewal(s)" in derivation
    assert set(later.contracts["as_of"]) == {LATER}

    # the command line, run the next day as users do (as_of: today): nothing analysed again
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "contract_analyzer.cli", "score", str(folder),
         "-o", str(out / "results.csv"), "--cache-dir", str(cache), "--jobs", "1"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "analysed 0, 3 from cache" in proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith("scored 3 files: 3 ok, 0 errors")
    table = pd.read_csv(out / "results.csv")
    assert set(table["as_of"]) == {dt.date.today().isoformat()}


def test_reading_only_batches_are_served_across_dates(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("This Agreement renews automatically.\n")
    cache = tmp_path / "cache"
    runs = [
        analyze_folder_tables(
            folder, work=ingest_file, as_of=as_of, cache=cache, progress=False
        )
        for as_of in (BEFORE, LATER)
    ]
    assert (runs[1].summary.analysed, runs[1].summary.cached) == (0, 1)
    pd.testing.assert_frame_equal(_comparable(runs[1].contracts), _comparable(runs[0].contracts))
    # custom work functions keep as_of in their key (see test_batch_cache.py)
    hostile = [
        analyze_folder_tables(
            folder, work=batchwork.hostile, as_of=as_of, cache=cache, progress=False
        )
        for as_of in (BEFORE, LATER)
    ]
    assert hostile[1].summary.analysed == 1
