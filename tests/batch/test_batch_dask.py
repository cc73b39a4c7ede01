"""The Dask engine gives the same tables as the local engine (LocalCluster started here)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import batchwork
import pytest

from contract_analyzer.batch import analyze_folder, analyze_folder_tables
from contract_analyzer.batch.exports import write_tables

distributed = pytest.importorskip("distributed", reason="dask.distributed is a dev dependency")

AS_OF = dt.date(2020, 1, 1)


@pytest.fixture(scope="module")
def client():
    with (
        # memory_limit=0: the worker lives in this (possibly large) test process; Dask must not
        # pause it for the test process's memory (the sandboxes enforce their own limits)
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=False,
            dashboard_address=None,
            memory_limit=0,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


# columns that differ between two runs of the same batch by design: wall-clock time and
# whether the row came from the cache; nothing else may differ
RUN_COLUMNS = {"elapsed_s", "cached"}


def _csv_cells(path: Path) -> tuple[list[str], dict[tuple[int, str], str]]:
    """An exported table's columns in order, and every cell by (row number, column); the
    run columns left out."""
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        header = [c for c in reader.fieldnames or () if c not in RUN_COLUMNS]
    cells = {(i, c): row[c] for i, row in enumerate(rows) for c in header}
    return header, cells


def _differences(local: dict, remote: dict) -> list[str]:
    keys = sorted(set(local) | set(remote))
    return [f"row {i} {c}: {local.get((i, c))!r} != {remote.get((i, c))!r}"
            for i, c in keys if local.get((i, c)) != remote.get((i, c))]  # fmt: skip


def test_dask_equals_local_on_real_contracts(portfolio: Path, scored, client, tmp_path) -> None:
    """The Dask engine's tables, exported the same way, equal the local engine's (the CLI run,
    two local worker processes, its own fresh cache) cell for cell.

    Both runs use the same explicit reference date (the CLI's --as-of) and neither reads a
    cache filled by the other; rows come in file order and long tables in file then item
    order, whichever worker finished first. Results were checked not to depend on a worker's
    thread count, hash seed or the order it saw the files in.
    """
    proc, local_out, _ = scored
    assert proc.returncode == 1, proc.stderr
    args = list(proc.args)
    assert args[args.index("--as-of") + 1] == AS_OF.isoformat()
    _, local_rows = _csv_cells(local_out / "results.csv")
    n_files = 1 + max(i for i, _ in local_rows)
    n_ok = sum(1 for (_, c), v in local_rows.items() if c == "error" and not v)
    remote = analyze_folder_tables(
        portfolio,
        scheduler=client,
        cache=False,
        as_of=AS_OF,
        time_limit=float(args[args.index("--timeout") + 1]),  # the same limits as the CLI run
    )
    assert remote.summary.engine == "dask"
    assert (remote.summary.analysed, remote.summary.cached) == (n_files, 0)
    assert remote.summary.ok == n_ok and remote.summary.errors >= 1
    write_tables(remote.contracts, tmp_path / "results.csv", remote.tables())
    for name in ("results", *(f"results.{t}" for t in remote.tables())):
        local_header, local = _csv_cells(local_out / f"{name}.csv")
        remote_header, remote_cells = _csv_cells(tmp_path / f"{name}.csv")
        assert local or name == "results.obligations", name
        assert remote_header == local_header, name
        diff = _differences(local, remote_cells)
        assert not diff, (name, diff[:20])
    # the sandboxes on the Dask worker were closed at the end of the batch
    from contract_analyzer.batch.engines import dask_engine

    assert not dask_engine._ALL


def test_dask_limits_and_address(tmp_path: Path, client) -> None:
    for name, text in {"a.txt": "fine\n", "hang.txt": "HANG", "crash.txt": "CRASH"}.items():
        (tmp_path / name).write_text(text)
    kwargs = dict(work=batchwork.hostile, cache=False, progress=False, time_limit=1)
    by_address = analyze_folder_tables(tmp_path, scheduler=client.scheduler.address, **kwargs)
    local = analyze_folder_tables(tmp_path, jobs=2, **kwargs)
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
