"""Lake: snapshot commits are atomic and copy-on-write, orphans are removed, one writer at a time, views build."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from tasks.lake import Commit, Lake, LakeLockedError, write_table
from tasks.lake.schemas import FILES, TABLES
from tests.paths import REPO

DAY = date(2026, 11, 27)


def files_rows(*hashes: str) -> pa.Table:
    rows = [{"content_sha256": h, "source_uri": f"{h}.txt", "size_bytes": 1, "source_format": "txt", "articles": 1,
             "quarantined": 0, "skipped_records": {}, "run_id": "r1", "ingest_date": DAY} for h in hashes]
    return pa.Table.from_pylist(rows, schema=FILES)


def commit_files(lake: Lake, run_id: str, *hashes: str, removed: list[str] | None = None) -> Path:
    path = write_table(files_rows(*hashes), lake.partition_path("files", DAY, f"{run_id}.parquet"), FILES)
    lake.commit(run_id, Commit(added={"files": [path]}, removed={"files": removed or []}))
    return path


def test_empty_lake_has_every_view(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    con = lake.connect()
    for name in TABLES:
        assert con.execute(f"select count(*) from {name}").fetchone() == (0,)
    for view in ("story_headlines", "speakers", "story_statements"):
        assert con.execute(f"select count(*) from {view}").fetchone() == (0,)


def test_sql_examples_run_on_an_empty_lake(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    con = lake.connect()
    examples = sorted((REPO / "sql" / "examples").glob("*.sql"))
    assert examples
    for path in examples:
        con.execute(path.read_text()).fetchall()


def test_commit_publishes_files_and_readers_see_only_committed_snapshots(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    commit_files(lake, "r1", "a", "b")
    staged_but_uncommitted = write_table(files_rows("c"), lake.partition_path("files", DAY, "r2.parquet"), FILES)
    assert staged_but_uncommitted.exists()
    assert set(lake.lookup("files", "content_sha256", ["a", "c", "z"], ["source_uri"])) == {"a"}
    assert lake.connect().execute("select count(*) from files").fetchone() == (2,)
    assert lake.snapshot().version == 1


def test_copy_on_write_replaces_a_file_in_one_commit(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    first = commit_files(lake, "r1", "a", "b")
    commit_files(lake, "r2", "a", "b", "c", removed=[str(first.relative_to(lake.root))])
    assert sorted(lake.connect().execute("select content_sha256 from files").fetchall()) == [("a",), ("b",), ("c",)]
    assert first.exists(), "an older snapshot still references it (time travel)"
    assert lake.connect(lake.snapshot(1)).execute("select count(*) from files").fetchone() == (2,)


def test_orphans_of_a_crashed_run_are_removed(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    kept = commit_files(lake, "r1", "a")
    orphan = write_table(files_rows("x"), lake.partition_path("files", DAY, "crashed.parquet"), FILES)
    (lake.staging_dir("crashed") / "articles").mkdir(parents=True)
    assert lake.remove_orphans() == [orphan]
    assert kept.exists() and not orphan.exists() and not lake.staging_dir("crashed").exists()


def test_views_file_for_the_duckdb_shell_is_written_at_commit(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    commit_files(lake, "r1", "a")
    text = (tmp_path / "views.sql").read_text()
    assert "create or replace view src_files" in text and "r1.parquet" in text and "create or replace view story_headlines" in text


def _hold_lock(root: str, seconds: float, ready) -> None:
    with Lake(root).writer_lock("holder"):
        ready.set()
        time.sleep(seconds)


def test_a_second_writer_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    ready = multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_lock, args=(str(tmp_path), 3.0, ready))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(LakeLockedError, match="run holder"):
            with Lake(tmp_path).writer_lock("second", timeout_s=0.2, poll_s=0.05):
                pass
        started = time.monotonic()
        with Lake(tmp_path).writer_lock("waiter", timeout_s=15, poll_s=0.1):
            assert time.monotonic() - started > 0.5  # it waited for the holder to finish
    finally:
        holder.join()


def test_files_written_before_a_column_was_added_still_read(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    old_schema = pa.schema([f for f in FILES if f.name != "quarantined"])
    old = files_rows("a").drop_columns(["quarantined"]).cast(old_schema)
    path = write_table(old, lake.partition_path("files", DAY, "old.parquet"), old_schema)
    lake.commit("r0", Commit(added={"files": [path]}))
    assert lake.connect().execute("select content_sha256, quarantined from files").fetchall() == [("a", None)]
