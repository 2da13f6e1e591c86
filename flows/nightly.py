"""The nightly flow: new raw news files in, one committed lake snapshot out."""

from __future__ import annotations

import time
from datetime import date

import psutil
from prefect import flow, get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.runtime import flow_run

from flows.params import DEFAULTS, NightlyParams
from flows.steps import prefect_steps
from tasks.lake import Lake
from tasks.run import new_run, run_night

# A process older than this when its flow run was scheduled serves many runs (`newslake serve`, a worker's pool):
# its start-up is not this run's, so the run's start-up is counted from its scheduled start instead.
SERVING_PROCESS_S = 600
# When the last flow run of this process ended (a backfill runs several): the next one's start-up begins there.
_previous_run_ended: float | None = None


def startup_seconds() -> float:
    """What this run paid before its first stage: the imports and Prefect's start-up (an ephemeral API server,
    the flow run's creation), from the process's start or the previous run's end in it (or the run's scheduled
    start in a serving process)."""
    now = time.time()
    started = max(psutil.Process().create_time(), _previous_run_ended or 0.0)
    scheduled = flow_run.get_scheduled_start_time().timestamp()
    return now - (started if scheduled - started < SERVING_PROCESS_S else scheduled)


@flow(name="nightly")
def nightly(
    inputs: list[str],
    lake: str = DEFAULTS.lake,
    run_date: date | None = None,
    timezone_name: str = DEFAULTS.timezone,
    batch_files: int = DEFAULTS.batch_files,
    task_runner: str = DEFAULTS.task_runner,
    workers: int | None = None,
    dask_address: str | None = None,
    lock_timeout_s: float = DEFAULTS.lock_timeout_s,
) -> dict[str, object]:
    """Ingest every input file the lake has not seen, and commit the run's rows as one snapshot.

    Parameters are validated (see flows/params.py) before anything is read or locked; the night itself
    is tasks/run/night.py:run_night, with each step as a Prefect task.

    Returns:
        The run's `runs` row as a dict, plus the committed snapshot version and the lake path.
    """
    params = NightlyParams.from_flow(
        inputs=inputs, lake=lake, run_date=run_date, timezone_name=timezone_name, batch_files=batch_files,
        task_runner=task_runner, workers=workers, dask_address=dask_address, lock_timeout_s=lock_timeout_s,
    )
    global _previous_run_ended
    run = new_run(params.resolved_date())
    try:
        night = run_night(
            params.resolved_inputs(run.run_date), Lake(params.lake), run,
            batch_files=params.batch_files, workers=params.resolved_workers(), lock_timeout_s=params.lock_timeout_s,
            steps=prefect_steps(params), flow_run_id=flow_run.get_id(),
            startup_seconds=startup_seconds(), logger=get_run_logger(),
        )
    finally:
        _previous_run_ended = time.time()
    create_markdown_artifact(key="nightly-run-report", markdown=night.report, description=f"newslake run {run.run_id}")
    page = Lake(params.lake).report_path(run.run_date)
    create_link_artifact(key="nightly-report-page", link=page.as_uri(), link_text=f"newslake {run.run_date}",
                         description="the night's report with charts (a static page in the lake)")
    return night.summary
