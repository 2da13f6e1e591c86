"""Prefect tasks: one thin wrapper per stage function, so the stages themselves stay free of Prefect.

Tasks take and return paths, ids and small dataclasses (never large tables), use no input-hashing
cache (it would hash every argument on every call), and retry only what storage can fail transiently.
"""

from __future__ import annotations

import duckdb
from prefect import task
from prefect.cache_policies import NONE

from tasks.ingest.read import discover, plan_shards
from tasks.run.merge import commit_run, merge_run, record_failed_run
from tasks.run.report import run_report
from tasks.run.shard import process_shard


def is_transient(task, task_run, state) -> bool:  # noqa: ANN001 - Prefect's retry_condition_fn signature
    """Retry I/O failures (disk, network filesystem, object store); a deterministic error would fail again."""
    try:
        state.result()
    except (OSError, duckdb.IOException):
        return True
    except Exception:  # noqa: BLE001 - anything else is a bug or bad input: no retry
        return False
    return False


# Backoff 2 s, 10 s, 30 s: long enough for a remounted disk or a throttled object store.
STORAGE = {"retries": 3, "retry_delay_seconds": [2, 10, 30], "retry_condition_fn": is_transient, "cache_policy": NONE}

discover_task = task(discover, name="discover", timeout_seconds=1800, **STORAGE)
plan_shards_task = task(plan_shards, name="plan-shards", cache_policy=NONE)
# No timeout here: shards run in worker threads or Dask workers, where a Prefect timeout cannot interrupt
# blocking work (it only fires afterwards); readers bound their own work instead (size limits per record).
process_shard_task = task(process_shard, name="process-shard", **STORAGE)
merge_task = task(merge_run, name="merge", timeout_seconds=3600, **STORAGE)
commit_task = task(commit_run, name="commit", timeout_seconds=600, **STORAGE)
record_failed_run_task = task(record_failed_run, name="record-failed-run", timeout_seconds=600, **STORAGE)
run_report_task = task(run_report, name="run-report", cache_policy=NONE)
