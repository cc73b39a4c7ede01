"""The Dask engine gives the same tables as the local engine (LocalCluster started here)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import batchwork
import pytest

from contract_analyzer.batch import analyze_folder
from contract_analyzer.batch.exports import write_tables

distributed = pytest.importorskip("distributed", reason="dask.distributed is a dev dependency")

AS_OF = dt.date(2020, 1, 1)


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _csv_without_timing(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    drop = {i for i, name in enumerate(rows[0]) if name in {"elapsed_s", "cached"}}
    return [[v for i, v in enumerate(row) if i not in drop] for row in rows]


def test_dask_equals_local_on_real_contracts(portfolio: Path, scored, client, tmp_path) -> None:
    """The Dask engine's tables, exported the same way, equal the local engine's (the CLI run,
    two local worker processes) cell for cell."""
    proc, local_out, _ = scored
    assert proc.returncode == 1, proc.stderr
    remote = analyze_folder(portfolio, scheduler=client, cache=False, tables=True, as_of=AS_OF)
    assert remote.summary.engine == "dask" and remote.summary.analysed == 5
    assert remote.summary.ok == 4
    write_tables(remote.contracts, tmp_path / "results.csv", remote.tables())
    for name in ("results", *(f"results.{t}" for t in remote.tables())):
        local = _csv_without_timing(local_out / f"{name}.csv")
        assert _csv_without_timing(tmp_path / f"{name}.csv") == local, name
        assert len(local) > 1 or name == "results.obligations", name
    # the sandboxes on the Dask worker were closed at the end of the batch
    from contract_analyzer.batch import dask_engine

    assert not dask_engine._ALL


def test_dask_limits_and_address(tmp_path: Path, client) -> None:
    for name, text in {"a.txt": "fine\n", "hang.txt": "HANG", "crash.txt": "CRASH"}.items():
        (tmp_path / name).write_text(text)
    kwargs = dict(work=batchwork.hostile, cache=False, progress=False, tables=True, time_limit=1.5)
    by_address = analyze_folder(tmp_path, scheduler=client.scheduler.address, **kwargs)
    local = analyze_folder(tmp_path, jobs=2, **kwargs)
    columns = ["file", "first_line", "error_type"]
    assert by_address.contracts[columns].equals(local.contracts[columns])
    errors = dict(zip(local.contracts["file"], local.contracts["error_type"], strict=True))
    assert errors["hang.txt"] == "ProcessingTimeout" and errors["crash.txt"] == "WorkerCrashed"


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    import dask

    from contract_analyzer.errors import BatchError

    (tmp_path / "a.txt").write_text("x")
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        pytest.raises(BatchError, match="cannot reach the Dask scheduler"),
    ):
        analyze_folder(tmp_path, work=batchwork.hostile, scheduler="tcp://127.0.0.1:9", cache=False)
