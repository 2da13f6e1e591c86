"""Prefect tasks: one thin wrapper per stage function, so the stages themselves stay free of Prefect.

Tasks take and return paths, ids and small dataclasses (never large tables), use no input-hashing
cache (it would hash every argument on every call), and retry only what storage can fail transiently.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.params import NightlyParams
from tasks.ingest import discover
from tasks.records import RunInfo, ShardResult
from tasks.report.run import report_run
from tasks.run import NightSteps
from tasks.run.commit import commit_run, place_run, record_failed_run
from tasks.run.layout import Staging
from tasks.run.merge import merge_run
from tasks.run.plan import plan_shards
from tasks.run.shard import process_shard


def is_transient(task, task_run, state) -> bool:  # noqa: ANN001 - Prefect's retry_condition_fn signature
    """Retry I/O failures (disk, network filesystem, object store); a deterministic error would fail again."""
    try:
        state.result()
    except (TimeoutError, FileNotFoundError, PermissionError):
        return False  # a step past its timeout, a missing file, a denied path: the same again on a retry
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
place_task = task(place_run, name="place", timeout_seconds=600, **STORAGE)
commit_task = task(commit_run, name="commit", timeout_seconds=600, **STORAGE)
record_failed_run_task = task(record_failed_run, name="record-failed-run", timeout_seconds=600, **STORAGE)
run_report_task = task(report_run, name="run-report", cache_policy=NONE)


@flow(name="nightly-shards")
def run_shards(run: RunInfo, staging: str) -> list[ShardResult]:
    """Process every shard of a saved plan on this flow's task runner; one progress line per finished shard."""
    logger = get_run_logger()
    shards = Staging(Path(staging), run.run_id).load_plan()
    futures = [process_shard_task.submit(files, run, staging, index) for index, files in enumerate(shards)]
    results = []
    for index, future in enumerate(futures, start=1):
        results.append(future.result())
        logger.info("shard %d/%d: %s", index, len(futures), results[-1].counts)
    return results


def build_task_runner(params: NightlyParams, n_shards: int) -> TaskRunner:
    """The runner the shards execute on: worker processes (one per core), threads, or a Dask cluster."""
    workers = params.resolved_workers()
    if params.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if params.dask_address:
            return DaskTaskRunner(address=params.dask_address)
        # One thread per worker process: the stages are CPU-bound Python, threads would share one GIL.
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    if params.task_runner == "process" or (params.task_runner == "auto" and n_shards > 1 and workers > 1):
        return ProcessPoolTaskRunner(max_workers=min(workers, n_shards))
    # One shard (or one core): a worker process would cost its start-up and win nothing.
    return ThreadPoolTaskRunner(max_workers=min(workers, max(1, n_shards)))


@contextlib.contextmanager
def shared_api_server() -> Iterator[None]:
    """Point worker processes at this process's temporary API server.

    With no PREFECT_API_URL, every Python process that talks to Prefect starts a temporary server of its own
    (a uvicorn subprocess: 8-18 s of start-up and about 200 MB each), and a spawned worker process inherits no
    URL. The settings context is what Prefect's process pool passes on to its workers, so the shards' subflow
    runs with the URL of the server this process already runs."""
    if PREFECT_API_URL.value():  # a real server: workers inherit its URL (and the server package stays unimported)
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the process's one temporary server (a singleton), started by its client
    if not server.running:
        yield
        return
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def prefect_steps(params: NightlyParams) -> NightSteps:
    """The night's steps as Prefect tasks; the shards run in a subflow on the runner their number calls for."""

    def shards(run: RunInfo, staging: str, n_shards: int) -> list[ShardResult]:
        runner = build_task_runner(params, n_shards)
        with shared_api_server() if isinstance(runner, ProcessPoolTaskRunner) else contextlib.nullcontext():
            return run_shards.with_options(task_runner=runner)(run, staging)

    return NightSteps(
        discover=discover_task,
        plan=plan_shards_task,
        shards=shards,
        merge=merge_task,
        place=place_task,
        report=run_report_task,
        commit=commit_task,
        record_failed=record_failed_run_task,
    )
