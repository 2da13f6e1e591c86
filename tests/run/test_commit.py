"""The commit stage (tasks/run/commit.py): a run's files are placed under tables/ invisibly, then published with its
`runs` row in one snapshot that drops the files they supersede; a failed run commits its `runs` row alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from tasks.lake import Commit, Lake, write_table
from tasks.lake.schemas import FILES
from tasks.records import RunInfo
from tasks.run.commit import commit_run, place_run, record_failed_run, write_runs_row
from tasks.run.merge import MergeResult
from tasks.run.rows import runs_row

DAY = date(2026, 11, 27)


def _files(*hashes: str) -> pa.Table:
    rows = [{"content_sha256": h, "source_uri": f"{h}.txt", "size_bytes": 1, "source_format": "txt", "articles": 1,
             "quarantined": 0, "skipped_records": {}, "run_id": "r", "ingest_date": DAY} for h in hashes]
    return pa.Table.from_pylist(rows, schema=FILES)


def _runs(run: RunInfo, status: str | None = None) -> pa.Table:
    return runs_row(run, flow_run_id=None, started_at=run.run_midnight, status=status, files_seen=1, files_new=1,
                    counts={"articles": 1})


def _merged(lake: Lake, run: RunInfo, *hashes: str, removed: list[str] | None = None) -> MergeResult:
    staged = write_table(_files(*hashes), lake.staging_dir(run.run_id) / "final" / "files.parquet", FILES)
    return MergeResult(files={"files": [(staged, DAY)]}, removed={"files": removed or []})


@pytest.fixture
def lake(tmp_path: Path) -> Lake:
    lake = Lake(tmp_path / "lake")
    lake.init()
    return lake


def test_placed_files_sit_in_their_partition_and_stay_invisible(lake: Lake) -> None:
    run = RunInfo("r1", DAY)
    merged = _merged(lake, run, "a")
    staged = merged.files["files"][0][0]
    change = place_run(lake, run, merged)
    target = lake.partition_path("files", DAY, "r1.parquet")
    assert change.added == {"files": [target]} and target.exists() and not staged.exists()
    assert lake.snapshot().version == 0 and lake.files("files") == []  # no snapshot names it yet
    assert place_run(lake, run, merged).added == change.added  # a retried step finds its files placed


def test_a_commit_publishes_the_files_and_the_runs_row_in_one_snapshot(lake: Lake) -> None:
    first = RunInfo("r1", DAY)
    commit_run(lake, first, place_run(lake, first, _merged(lake, first, "a", "b")), _runs(first))
    old = str(lake.partition_path("files", DAY, "r1.parquet").relative_to(lake.root))
    second = RunInfo("r2", DAY)
    change = place_run(lake, second, _merged(lake, second, "a", "b", "c", removed=[old]))
    snapshot = commit_run(lake, second, change, _runs(second))
    assert (snapshot.version, snapshot.run_id) == (2, "r2") and lake.snapshot() == snapshot
    assert snapshot.tables["files"] == ("tables/files/ingest_date=2026-11-27/r2.parquet",)  # r1's file superseded
    con = lake.connect()
    assert con.execute("select count(*) from files").fetchone() == (3,)
    assert con.execute("select run_id, status from runs order by run_id").fetchall() == [("r1", "completed"), ("r2", "completed")]


def test_the_final_runs_row_replaces_the_provisional_one(lake: Lake) -> None:
    run = RunInfo("r1", DAY)
    change = place_run(lake, run, _merged(lake, run, "a"))
    provisional = write_runs_row(lake, run, _runs(run, status="running"))  # what the run's report reads
    assert lake.pending(run.run_id, Commit(added={"runs": [provisional]})).version == 1 and lake.snapshot().version == 0
    commit_run(lake, run, change, _runs(run))
    assert lake.connect().execute("select run_id, status from runs").fetchall() == [("r1", "completed")]


def test_a_failed_run_commits_only_its_runs_row(lake: Lake) -> None:
    run = RunInfo("r1", DAY)
    place_run(lake, run, _merged(lake, run, "a"))  # placed, then the run failed before its commit
    snapshot = record_failed_run(lake, run, _runs(run, status="failed"))
    assert snapshot.tables["files"] == () and len(snapshot.tables["runs"]) == 1
    assert lake.connect().execute("select status from runs").fetchall() == [("failed",)]
    assert not lake.partition_path("files", DAY, "r1.parquet").exists()  # the placed file was an orphan: swept
