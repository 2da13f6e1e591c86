"""The nightly flow: new raw news files in, one committed lake snapshot out."""

from __future__ import annotations

from datetime import date

from prefect import flow, get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.params import DEFAULTS, NightlyParams
from flows.steps import prefect_steps
from tasks.lake import Lake
from tasks.run import new_run, run_night


def build_task_runner(params: NightlyParams) -> TaskRunner:
    """The runner shards execute on: threads in this process, or a Dask cluster (local or at an address)."""
    if params.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if params.dask_address:
            return DaskTaskRunner(address=params.dask_address)
        # One thread per worker process: the stages are CPU-bound Python, threads would share one GIL.
        return DaskTaskRunner(cluster_kwargs={"n_workers": params.dask_workers, "threads_per_worker": 1, "processes": True})
    return ThreadPoolTaskRunner(max_workers=2)


@flow(name="nightly")
def nightly(
    inputs: list[str],
    lake: str = DEFAULTS.lake,
    run_date: date | None = None,
    timezone_name: str = DEFAULTS.timezone,
    batch_files: int = DEFAULTS.batch_files,
    task_runner: str = DEFAULTS.task_runner,
    dask_address: str | None = None,
    dask_workers: int = DEFAULTS.dask_workers,
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
        task_runner=task_runner, dask_address=dask_address, dask_workers=dask_workers, lock_timeout_s=lock_timeout_s,
    )
    run = new_run(params.resolved_date())
    night = run_night(
        params.resolved_inputs(run.run_date), Lake(params.lake), run,
        batch_files=params.batch_files, lock_timeout_s=params.lock_timeout_s,
        steps=prefect_steps(build_task_runner(params)), flow_run_id=flow_run.get_id(), logger=get_run_logger(),
    )
    create_markdown_artifact(key="nightly-run-report", markdown=night.report, description=f"newslake run {run.run_id}")
    page = Lake(params.lake).report_path(run.run_date)
    create_link_artifact(key="nightly-report-page", link=page.as_uri(), link_text=f"newslake {run.run_date}",
                         description="the night's report with charts (a static page in the lake)")
    return night.summary
