"""The nightly flow: new raw news files in, one committed lake snapshot out."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.params import NightlyParams
from tasks.ids import new_run_id
from tasks.ingest.read import load_plan, save_plan
from tasks.lake.store import Lake
from tasks.run.merge import runs_row
from tasks.lake.schemas import QUARANTINE
from tasks.run.shard import RunInfo, ShardResult, quarantine_row
from flows.steps import (
    commit_task,
    discover_task,
    merge_task,
    plan_shards_task,
    process_shard_task,
    record_failed_run_task,
    run_report_task,
)


def build_task_runner(params: NightlyParams) -> TaskRunner:
    """The runner shards execute on: threads in this process, or a Dask cluster (local or at an address)."""
    if params.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if params.dask_address:
            return DaskTaskRunner(address=params.dask_address)
        # One thread per worker process: the stages are CPU-bound Python, threads would share one GIL.
        return DaskTaskRunner(cluster_kwargs={"n_workers": params.dask_workers, "threads_per_worker": 1, "processes": True})
    return ThreadPoolTaskRunner(max_workers=2)


@flow(name="nightly-shards")
def run_shards(plan: str, run: RunInfo, staging: str) -> list[ShardResult]:
    """Process every shard of a saved plan on this flow's task runner; one progress line per finished shard."""
    logger = get_run_logger()
    shards = load_plan(plan)
    futures = [process_shard_task.submit(files, run, staging, index) for index, files in enumerate(shards)]
    results = []
    for index, future in enumerate(futures, start=1):
        results.append(future.result())
        logger.info("shard %d/%d: %s", index, len(futures), results[-1].counts)
    return results


@flow(name="nightly")
def nightly(
    inputs: list[str],
    lake: str = "data_lake",
    run_date: date | None = None,
    timezone_name: str = "UTC",
    batch_files: int = 200,
    task_runner: str = "thread",
    dask_address: str | None = None,
    dask_workers: int = 2,
    lock_timeout_s: float = 0.0,
) -> dict[str, object]:
    """Ingest every input file the lake has not seen, and commit the run's rows as one snapshot.

    Parameters are validated (see flows/params.py) before anything is read or locked.

    Returns:
        The run's `runs` row as a dict, plus the committed snapshot version and the lake path.
    """
    params = NightlyParams(
        inputs=inputs, lake=lake, run_date=run_date, timezone=timezone_name, batch_files=batch_files,
        task_runner=task_runner, dask_address=dask_address, dask_workers=dask_workers, lock_timeout_s=lock_timeout_s,
    )
    logger = get_run_logger()
    started_at = datetime.now(timezone.utc)
    run = RunInfo(new_run_id(started_at), params.resolved_date())
    paths = params.resolved_inputs(run.run_date)
    target = Lake(params.lake)
    with target.writer_lock(run.run_id, timeout_s=params.lock_timeout_s):
        # Files of a crashed earlier run are unreferenced: clear them before writing anything new.
        target.remove_orphans()
        found, files_new = None, 0
        try:
            # 1. Discover: hash every input file; the lake's manifest says which contents are new.
            found = discover_task(paths)
            known = target.read_column_values("files", "content_sha256", [f.content_sha256 for f in found.files])
            shards = plan_shards_task(found.files, known, params.batch_files)
            files_new = sum(len(shard) for shard in shards)
            logger.info("run %s for %s: %d files seen, %d new, %d shards on %s runner",
                        run.run_id, run.run_date, len(found.files), files_new, len(shards), params.task_runner)

            # 2. Shards (parallel): read, clean, extract statements; each writes its own staged Parquet parts.
            # The plan goes by path: a subflow's parameters are stored by the API, which refuses more than 512 KiB.
            staging = target.staging_dir(run.run_id)
            results = run_shards.with_options(task_runner=build_task_runner(params))(
                str(save_plan(shards, staging / "plan.json")), run, str(staging)
            ) if shards else []

            # 3. Merge (single node): dedupe articles, cluster headlines into stories, write final files.
            rejects = pa.Table.from_pylist([quarantine_row(r, run) for r in found.rejected], schema=QUARANTINE)
            merged = merge_task(target, run, results, rejects)

            # 4. Commit: one atomic snapshot, with the run's `runs` row.
            row = runs_row(run, flow_run_id=flow_run.get_id(), started_at=started_at, status="completed",
                           files_seen=len(found.files), files_new=files_new, counts=merged.counts)
            snapshot = commit_task(target, run, merged, row)
        except BaseException:
            # Leave a trace of the failure in `runs`; the data of the run is not committed.
            failed = runs_row(run, flow_run_id=flow_run.get_id(), started_at=started_at, status="failed",
                              files_seen=len(found.files) if found else 0, files_new=files_new, counts={})
            try:
                record_failed_run_task(target, run, failed)
            except Exception as error:  # noqa: BLE001 - the original failure is the one to report
                logger.error("could not record the failed run: %s", error)
            raise

    summary = {**row.to_pylist()[0], "snapshot": snapshot.version, "lake": str(Path(params.lake).resolve())}
    report = run_report_task(target, run.run_id, run.run_date, summary)
    create_markdown_artifact(key="nightly-run-report", markdown=report, description=f"newslake run {run.run_id}")
    logger.info("committed snapshot %d: %d articles, %d headlines, %d statements, %d quarantined",
                snapshot.version, summary["articles"], summary["headlines"], summary["statements"], summary["quarantined"])
    return summary
