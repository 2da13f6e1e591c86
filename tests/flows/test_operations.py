"""Nightly operation under the Prefect test harness: backfill, retries, one writer at a time, Dask, deployments."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from flows.cli import main
from tasks.lake import Lake, LakeLockedError
from tests.paths import REPO

pytestmark = pytest.mark.prefect
SAMPLES = REPO / "samples"
# Columns that differ between two runs over the same input by design (ids and clocks of the run itself).
RUN_COLUMNS = {"run_id", "quarantined_at", "started_at", "finished_at", "flow_run_id"}


def lake_tables(lake: Path) -> dict[str, list[dict]]:
    """Every table's rows, without run-specific columns, in a canonical order."""
    con = Lake(lake).connect()
    out = {}
    for name in ("articles", "headlines", "stories", "statements", "quarantine", "files"):
        table = con.sql(f"select * from {name}").to_arrow_table()
        keep = [c for c in table.column_names if c not in RUN_COLUMNS]
        rows = table.select(keep).to_pylist()
        out[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out


def landing_for_three_days(root: Path) -> Path:
    landing = root / "landing"
    names = sorted(p for p in (SAMPLES / "txt").iterdir())
    for day, sample in zip(("2026-11-01", "2026-11-02", "2026-11-03"), names):
        (landing / day).mkdir(parents=True)
        shutil.copy(sample, landing / day)
    return landing


def test_backfill_three_dates_then_rerun_changes_nothing(prefect_harness, tmp_path: Path, capsys) -> None:
    landing = landing_for_three_days(tmp_path)
    lake = tmp_path / "lake"
    argv = ["backfill", "--input", str(landing / "{date}"), "--lake", str(lake), "--from", "2026-11-01", "--to", "2026-11-03"]
    assert main(argv) == 0
    partitions = sorted(p.name for p in (lake / "tables" / "articles").iterdir())
    assert partitions == ["ingest_date=2026-11-01", "ingest_date=2026-11-02", "ingest_date=2026-11-03"]
    before = lake_tables(lake)
    assert len(before["articles"]) == 3

    assert main(argv) == 0
    assert lake_tables(lake) == before
    runs = Lake(lake).connect().sql("select run_date, files_new, status from runs order by run_id").fetchall()
    assert [(str(d), n, s) for d, n, s in runs] == [
        ("2026-11-01", 1, "completed"), ("2026-11-02", 1, "completed"), ("2026-11-03", 1, "completed"),
        ("2026-11-01", 0, "completed"), ("2026-11-02", 0, "completed"), ("2026-11-03", 0, "completed"),
    ]
    # Each run's start-up is its own: it begins where the previous run of this process ended, so it never
    # holds the previous run's start-up and stages.
    timings = Lake(lake).connect().sql(
        "select startup_seconds, epoch(finished_at) - epoch(started_at) from runs order by run_id").fetchall()
    assert all(later < startup + wall for (later, _), (startup, wall) in zip(timings[1:], timings))


def test_transient_storage_error_is_retried_and_the_run_succeeds(prefect_harness, tmp_path: Path, monkeypatch) -> None:
    import flows.nightly as nightly_module
    import flows.steps as steps

    real_commit = Lake.commit
    calls = {"n": 0}

    def flaky_commit(self, run_id, change):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("simulated: object store timed out")
        return real_commit(self, run_id, change)

    monkeypatch.setattr(Lake, "commit", flaky_commit)
    monkeypatch.setattr(steps, "commit_task", steps.commit_task.with_options(retry_delay_seconds=0))
    summary = nightly_module.nightly(inputs=[str(SAMPLES / "txt")], lake=str(tmp_path / "lake"), run_date=date(2026, 11, 27))
    assert calls["n"] == 2 and summary["status"] == "completed" and summary["articles"] == 3


def test_deterministic_failure_is_not_retried_and_is_recorded(prefect_harness, tmp_path: Path, monkeypatch) -> None:
    import flows.nightly as nightly_module
    import flows.steps as steps

    calls = {"n": 0}

    def broken_merge(*args, **kwargs):
        calls["n"] += 1
        raise ValueError("simulated bug in merge")

    monkeypatch.setattr(steps, "merge_task", steps.merge_task.with_options(retry_delay_seconds=0))
    monkeypatch.setattr(steps.merge_task, "fn", broken_merge)
    with pytest.raises(ValueError, match="simulated bug"):
        nightly_module.nightly(inputs=[str(SAMPLES / "txt")], lake=str(tmp_path / "lake"), run_date=date(2026, 11, 27))
    assert calls["n"] == 1
    con = Lake(tmp_path / "lake").connect()
    assert con.sql("select status, files_seen from runs").fetchall() == [("failed", 3)]
    assert con.execute("select count(*) from articles").fetchone() == (0,)


def test_a_second_writer_waits_or_stops_and_the_lake_stays_whole(prefect_harness, tmp_path: Path) -> None:
    from flows.nightly import nightly

    lake = tmp_path / "lake"
    results: dict[str, object] = {}

    def run(name: str, inputs: str, timeout: float) -> None:
        try:
            results[name] = nightly(inputs=[inputs], lake=str(lake), run_date=date(2026, 11, 27), lock_timeout_s=timeout)
        except Exception as error:  # noqa: BLE001 - recorded for the assertions
            results[name] = error

    # Two overlapping runs with a wait: both succeed, one after the other; the overlap adds no duplicate.
    first = threading.Thread(target=run, args=("a", str(SAMPLES), 120))
    second = threading.Thread(target=run, args=("b", str(SAMPLES), 120))
    first.start(), second.start()
    first.join(), second.join()
    # The first run reads the samples (three unreadable parts: partial), the second finds nothing new (completed).
    assert sorted([results["a"]["status"], results["b"]["status"]]) == ["completed", "partial"]
    assert sorted([results["a"]["files_new"], results["b"]["files_new"]]) == [0, 8]
    whole = lake_tables(lake)

    # A run that may not wait stops with a message naming the holder, and writes nothing.
    with Lake(lake).writer_lock("manual-run-in-progress"):
        run("c", str(SAMPLES), 0)
    assert isinstance(results["c"], LakeLockedError) and "manual-run-in-progress" in str(results["c"])
    assert lake_tables(lake) == whole


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def dask_cluster(tmp_path: Path, workers: int = 2) -> Iterator[str]:
    """A Dask scheduler and `workers` workers, each its own process on 127.0.0.1, as on a real cluster."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = str(Path(sys.executable).with_name("dask"))
    common = ["--no-dashboard"]
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], *common],
                                  cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for n in range(workers):
            processes.append(subprocess.Popen(
                [dask, "worker", address, "--nthreads", "1", "--local-directory", str(tmp_path / f"w{n}"), *common],
                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_one_worker_two_workers_and_a_dask_cluster_give_the_same_tables(prefect_harness, tmp_path: Path) -> None:
    from flows.nightly import nightly

    common = {"inputs": [str(SAMPLES)], "run_date": date(2026, 11, 27), "batch_files": 2}
    nightly(**common, lake=str(tmp_path / "one"), task_runner="process", workers=1)
    nightly(**common, lake=str(tmp_path / "two"), task_runner="process", workers=2)
    with dask_cluster(tmp_path) as address:
        summary = nightly(**common, lake=str(tmp_path / "dask"), task_runner="dask", dask_address=address)
    assert summary["files_new"] == 8
    assert lake_tables(tmp_path / "two") == lake_tables(tmp_path / "one")
    assert lake_tables(tmp_path / "dask") == lake_tables(tmp_path / "one")


def test_deployment_built_from_prefect_yaml_has_the_nightly_schedule(prefect_harness) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL

    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name="newslake-process", type="process"), overwrite=True)
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    deploy = subprocess.run(
        [sys.executable, "-m", "prefect", "--no-prompt", "deploy", "--prefect-file", "deployments/prefect.yaml", "--all"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=180,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("nightly/nightly")
    [schedule] = deployment.schedules
    assert schedule.schedule.cron == "30 2 * * *" and schedule.schedule.timezone == "Europe/Amsterdam" and schedule.active
    assert deployment.work_pool_name == "newslake-process"
    assert deployment.parameters["inputs"] == ["landing/{date}/**/*"]
    assert deployment.entrypoint == "flows/nightly.py:nightly"
