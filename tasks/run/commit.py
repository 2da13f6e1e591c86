"""Commit stage: publish a run's placed files and its `runs` row in one snapshot (the writer lock held)."""

from __future__ import annotations

import pyarrow as pa

from tasks.faults import failpoint
from tasks.lake import Commit, Lake, Snapshot, write_table
from tasks.lake.schemas import RUNS
from tasks.records import RunInfo
from tasks.run.merge import MergeResult


def commit_run(lake: Lake, run: RunInfo, merged: MergeResult, runs: pa.Table) -> Snapshot:
    """Add the run's `runs` row to its commit and publish everything in one snapshot."""
    path = write_table(runs, lake.partition_path("runs", run.run_date, f"{run.run_id}.parquet"), RUNS)
    failpoint("commit.runs_row")
    added = {**merged.commit.added, "runs": [path]}
    return lake.commit(run.run_id, Commit(added=added, removed=merged.commit.removed))


def record_failed_run(lake: Lake, run: RunInfo, runs: pa.Table) -> Snapshot:
    """Commit only the `runs` row of a run that failed, so the failure is visible in the lake."""
    return commit_run(lake, run, MergeResult(Commit()), runs)
