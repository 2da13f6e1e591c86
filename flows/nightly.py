"""The nightly flow: new raw news files in, one committed lake snapshot out."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from tasks.ids import new_run_id
from tasks.lake import Lake
from tasks.merge import runs_row
from tasks.schemas import QUARANTINE
from tasks.shard import RunInfo, quarantine_row
from tasks.steps import commit_task, discover_task, merge_task, plan_shards_task, process_shard_task

DEFAULT_LAKE = "data_lake"


@flow(name="nightly")
def nightly(
    inputs: list[str],
    lake: str = DEFAULT_LAKE,
    run_date: date | None = None,
    batch_files: int = 200,
    lock_timeout_s: float = 0.0,
) -> dict[str, object]:
    """Ingest every input file the lake has not seen, and commit the run's rows as one snapshot.

    Args:
        inputs: files or directories (walked recursively) to ingest.
        lake: lake root directory.
        run_date: logical date of the run (partition key); defaults to today in UTC.
        batch_files: input files per shard.
        lock_timeout_s: how long to wait if another run is writing the lake.

    Returns:
        The run's `runs` row as a dict, plus the committed snapshot version.
    """
    logger = get_run_logger()
    started_at = datetime.now(timezone.utc)
    run = RunInfo(new_run_id(started_at), run_date or started_at.date())
    target = Lake(lake)
    with target.writer_lock(run.run_id, timeout_s=lock_timeout_s):
        # Files of a crashed earlier run are unreferenced: clear them before writing anything new.
        target.remove_orphans()

        # 1. Discover: hash every input file; the manifest says which contents are new.
        found = discover_task(inputs)
        known = target.read_column_values("files", "content_sha256", [f.content_sha256 for f in found.files])
        shards = plan_shards_task(found.files, known, batch_files)
        files_new = sum(len(shard) for shard in shards)
        logger.info("run %s for %s: %d files seen, %d new, %d shards", run.run_id, run.run_date, len(found.files), files_new, len(shards))

        # 2. Shards: read, clean, extract statements; each writes its own staged Parquet parts.
        staging = target.staging_dir(run.run_id)
        futures = [process_shard_task.submit(files, run, str(staging), index) for index, files in enumerate(shards)]
        results = []
        for index, future in enumerate(futures):
            results.append(future.result())
            logger.info("shard %d/%d done: %s", index + 1, len(futures), results[-1].counts)

        # 3. Merge across shards: dedupe articles, cluster headlines into stories, final files.
        discovery_rejects = pa.Table.from_pylist([quarantine_row(r, run) for r in found.rejected], schema=QUARANTINE)
        merged = merge_task(target, run, results, discovery_rejects)

        # 4. Commit: one atomic snapshot with the run's `runs` row.
        row = runs_row(
            run,
            flow_run_id=flow_run.get_id(),
            started_at=started_at,
            status="completed",
            files_seen=len(found.files),
            files_new=files_new,
            counts=merged.counts,
        )
        snapshot = commit_task(target, run, merged, row)
    summary = {**row.to_pylist()[0], "snapshot": snapshot.version, "lake": str(Path(lake).resolve())}
    logger.info("committed snapshot %d: %s", snapshot.version, {k: summary[k] for k in ("articles", "headlines", "statements", "quarantined")})
    return summary
