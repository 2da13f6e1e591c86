"""Commit stage: the run's files placed under tables/, its `runs` row, and one snapshot that publishes them all.

Until the snapshot is published nothing of the run is visible: placed files are unreferenced (a crash leaves them
to the next writer's orphan sweep), so the run can be read back through a pending snapshot (for its report)
before it commits.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from tasks.faults import failpoint
from tasks.lake import Commit, Lake, Snapshot, write_table
from tasks.lake.schemas import RUNS
from tasks.records import RunInfo
from tasks.run.merge import MergeResult


def place_run(lake: Lake, run: RunInfo, merged: MergeResult) -> Commit:
    """Move the run's final files to their partitions under tables/ (still invisible: no snapshot names them)."""
    change = Commit(removed=merged.removed)
    for table, files in merged.files.items():
        for path, partition in files:
            change.added.setdefault(table, []).append(lake.place(path, table, partition, f"{run.run_id}.parquet"))
            failpoint("commit.placed_one")
    failpoint("commit.placed_all")
    return change


def write_runs_row(lake: Lake, run: RunInfo, runs: pa.Table) -> Path:
    """Write (or rewrite) the run's `runs` row file; it is visible once a snapshot names it."""
    path = write_table(runs, lake.partition_path("runs", run.run_date, f"{run.run_id}.parquet"), RUNS)
    failpoint("commit.runs_row")
    return path


def with_runs_row(change: Commit, runs_file: Path) -> Commit:
    """The change plus the run's `runs` row file."""
    return Commit(added={**change.added, "runs": [runs_file]}, removed=change.removed)


def commit_run(lake: Lake, run: RunInfo, change: Commit, runs: pa.Table) -> Snapshot:
    """Write the run's final `runs` row and publish it with the placed files in one snapshot."""
    return lake.commit(run.run_id, with_runs_row(change, write_runs_row(lake, run, runs)))


def record_failed_run(lake: Lake, run: RunInfo, runs: pa.Table) -> Snapshot:
    """Commit only the `runs` row of a run that failed, so the failure is visible in the lake."""
    return commit_run(lake, run, Commit(), runs)
