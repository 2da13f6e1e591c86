"""Snapshots and commits (tasks/lake/snapshots.py): a snapshot survives its JSON unchanged, reads every table the
lake declares now (one it did not list is empty), and commits start empty and share nothing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from tasks.lake.snapshots import Commit, Snapshot

SNAPSHOT = Snapshot(
    3,
    {"articles": ("tables/articles/ingest_date=2026-11-27/r3.parquet",), "runs": ("a.parquet", "b.parquet")},
    "r3",
    "2026-11-27T23:43:07+00:00",
)


def test_a_snapshot_reads_back_from_its_json_as_it_was() -> None:
    assert Snapshot.from_json(SNAPSHOT.to_json(), ["articles", "runs"]) == SNAPSHOT
    assert json.loads(SNAPSHOT.to_json())["tables"]["runs"] == ["a.parquet", "b.parquet"]  # order kept


def test_a_table_the_snapshot_does_not_list_reads_as_empty_and_one_no_longer_declared_is_dropped() -> None:
    # A snapshot written before a table was added to the lake, read by code that no longer knows one of its tables.
    read = Snapshot.from_json(SNAPSHOT.to_json(), ["articles", "inputs"])
    assert read.tables == {"articles": SNAPSHOT.tables["articles"], "inputs": ()}


def test_an_initial_snapshot_without_run_or_time_reads_with_none() -> None:
    read = Snapshot.from_json('{"version": 0, "tables": {}}', ["articles"])
    assert (read.version, read.run_id, read.committed_at, read.tables) == (0, None, None, {"articles": ()})


def test_a_snapshot_is_frozen_and_commits_share_no_lists() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SNAPSHOT.version = 4  # type: ignore[misc]
    first, second = Commit(), Commit()
    first.added.setdefault("articles", []).append(Path("x.parquet"))
    first.removed["articles"] = ["old.parquet"]
    assert second.added == {} and second.removed == {}
