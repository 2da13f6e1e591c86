"""Prefect tasks: one thin wrapper per stage function, so the stages themselves stay free of Prefect.

Tasks take and return paths, ids and small dataclasses (never large tables), use no input-hashing
cache (it would hash every argument on every call), and retry only where storage can fail transiently.
"""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NONE

from tasks.ingest import discover, plan_shards
from tasks.merge import commit_run, merge_run
from tasks.shard import process_shard

# Storage steps retry with backoff; a deterministic failure (bad input) never reaches here: it is quarantined.
_STORAGE_RETRIES = {"retries": 3, "retry_delay_seconds": [2, 10, 30]}

discover_task = task(discover, name="discover", cache_policy=NONE, **_STORAGE_RETRIES)
plan_shards_task = task(plan_shards, name="plan-shards", cache_policy=NONE)
process_shard_task = task(process_shard, name="process-shard", cache_policy=NONE, **_STORAGE_RETRIES)
merge_task = task(merge_run, name="merge", cache_policy=NONE, **_STORAGE_RETRIES)
commit_task = task(commit_run, name="commit", cache_policy=NONE, **_STORAGE_RETRIES)
