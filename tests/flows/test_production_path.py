"""The production path end to end: PostgreSQL-backed Prefect server, `prefect deploy`, a process worker, a triggered run.

PostgreSQL comes from `NEWSLAKE_TEST_PG_URL` (a `postgresql+asyncpg://` URL whose role may create databases),
as CI exports it from the last line of `scripts/postgres_for_tests.sh`. Without that variable the test
runs the script itself with `--no-install` (it starts an installed PostgreSQL but never installs one), and
skips with the script's reason when there is none. Each run gets a fresh database, dropped at the end, so no
schedule or flow run of an earlier run can leak into this one.

The deployment is made from a working copy in tmp_path: `flows` links to the repository's flows (the worker
runs the repository's code), `deployments/prefect.yaml` is a copy of the real one, and the samples are landed
under `landing/<date>/`, so the deployment's relative defaults (inputs `landing/{date}/**/*`, lake `data_lake`)
resolve inside tmp_path, even for a scheduled run that fell due during the test.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.paths import REPO

pytestmark = pytest.mark.prefect

PG_SCRIPT = REPO / "scripts" / "postgres_for_tests.sh"
BIN = Path(sys.executable).parent
RUN_DATE = "2026-11-27"
# A fresh PostgreSQL database migrates in about 20 s here; allow slow CI machines several times that.
SERVER_STARTUP_S = 150.0
FLOW_RUN_TIMEOUT_S = 120.0
TERMINAL_STATES = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def postgres_url() -> str:
    """The PostgreSQL URL for Prefect, or skip the test with the reason there is none."""
    url = os.environ.get("NEWSLAKE_TEST_PG_URL", "").strip()
    if not url:
        try:
            done = subprocess.run(["bash", str(PG_SCRIPT), "--no-install"], check=False, capture_output=True, text=True,
                                  timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            pytest.skip(f"no PostgreSQL: {PG_SCRIPT.name} did not run ({error})")
        lines = done.stdout.strip().splitlines()
        url = lines[-1] if lines else f"unavailable: {PG_SCRIPT.name} printed nothing ({done.stderr.strip()[-300:]})"
    if not url.startswith("postgresql+asyncpg://"):
        pytest.skip(f"no PostgreSQL for the production-path test: {url}")
    return url


async def _fetchval(url: str, statement: str, *args: object) -> object:
    import asyncpg
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    connection = await asyncpg.connect(user=parts.username, password=parts.password, host=parts.host,
                                       port=parts.port, database=parts.database, timeout=10)
    try:
        return await connection.fetchval(statement, *args)
    finally:
        await connection.close()


def pg_value(url: str, statement: str, *args: object) -> object:
    """The first value of a statement's result, run on PostgreSQL with asyncpg (which Prefect needs anyway)."""
    return asyncio.run(_fetchval(url, statement, *args))


@pytest.fixture
def prefect_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one Prefect server; dropped afterwards."""
    from sqlalchemy.engine import make_url

    url = postgres_url()
    name = f"newslake_test_{uuid.uuid4().hex[:10]}"
    try:
        pg_value(url, f'create database "{name}"')
    except Exception as error:  # noqa: BLE001 - any connection problem means: no usable PostgreSQL here
        pytest.skip(f"PostgreSQL at {make_url(url).render_as_string(hide_password=True)} is not usable: {error}")
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        # WITH (FORCE) (PostgreSQL 13+) drops it even if a killed server left a connection behind.
        pg_value(url, f'drop database if exists "{name}" with (force)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def process_group(argv: list[str], log: Path, env: dict[str, str], cwd: Path) -> Iterator[subprocess.Popen]:
    """Run argv in its own process group; on exit stop the whole group (SIGTERM, then SIGKILL) by its id."""
    with open(log, "ab") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True)
        try:
            yield process
        finally:
            stop_group(process)


def stop_group(process: subprocess.Popen, grace_s: float = 20.0) -> None:
    """Stop a process started with start_new_session=True together with every child it left in its group."""
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue
        try:  # the leader is gone: are children of the group still there?
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.5)
    process.poll()


def wait_for(check: Callable[[], object], timeout_s: float, what: str, poll_s: float = 0.5) -> object:
    """Poll check() until it returns something truthy; fail with `what` on timeout."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(poll_s)
    pytest.fail(f"timed out after {timeout_s:.0f}s waiting for {what}")


def tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else "(no log)"


def prefect_env(home: Path, api_url: str | None) -> dict[str, str]:
    """The environment of every Prefect process of the test: its own home, local-only, no prompts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_CLI_PROMPT="false",
        PREFECT_TASKS_DEFAULT_NO_CACHE="true",
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def server_healthy(api_url: str, server: subprocess.Popen, log: Path) -> Callable[[], bool]:
    def check() -> bool:
        if server.poll() is not None:
            pytest.fail(f"prefect server exited with code {server.returncode}:\n{tail(log)}")
        try:
            return httpx.get(f"{api_url}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    return check


def make_working_copy(work: Path) -> None:
    """A deploy directory whose relative paths resolve under tmp_path but whose code is the repository's."""
    work.mkdir()
    (work / "flows").symlink_to(REPO / "flows", target_is_directory=True)
    (work / "deployments").mkdir()
    shutil.copy(REPO / "deployments" / "prefect.yaml", work / "deployments" / "prefect.yaml")
    shutil.copytree(REPO / "samples", work / "landing" / RUN_DATE)


def run_cli(argv: list[str], env: dict[str, str], cwd: Path, timeout_s: float = 120) -> str:
    done = subprocess.run(argv, check=False, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout_s)
    assert done.returncode == 0, f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


def test_deployment_runs_on_a_process_worker_against_postgres(prefect_database: str, tmp_path: Path) -> None:
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    work = tmp_path / "work"
    make_working_copy(work)
    server_env = {**prefect_env(tmp_path / "prefect-home", None), "PREFECT_API_DATABASE_CONNECTION_URL": prefect_database}
    env = prefect_env(tmp_path / "prefect-home", api_url)
    server_log, worker_log = tmp_path / "server.log", tmp_path / "worker.log"

    server_argv = [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with process_group(server_argv, server_log, server_env, tmp_path) as server:
        wait_for(server_healthy(api_url, server, server_log), SERVER_STARTUP_S, f"the Prefect server on port {port}")

        run_cli([str(BIN / "prefect"), "work-pool", "create", "newslake-process", "--type", "process"], env, work)
        worker_argv = [str(BIN / "prefect"), "worker", "start", "--pool", "newslake-process", "--type", "process"]
        # The worker polls every 10 s by default; 2 s saves the test most of a poll interval.
        worker_env = {**env, "PREFECT_WORKER_QUERY_SECONDS": "2"}
        with process_group(worker_argv, worker_log, worker_env, work) as worker:
            run_cli([str(BIN / "prefect"), "deploy", "--prefect-file", "deployments/prefect.yaml", "--all"], env, work)
            deployment = httpx.get(f"{api_url}/deployments/name/nightly/nightly", timeout=10).json()
            assert deployment["work_pool_name"] == "newslake-process"
            assert [(s["schedule"]["cron"], s["schedule"]["timezone"], s["active"]) for s in deployment["schedules"]] == [
                ("30 2 * * *", "Europe/Amsterdam", True)
            ]

            # Only the date is overridden: inputs and lake are the deployment's relative defaults.
            out = run_cli([str(BIN / "prefect"), "deployment", "run", "nightly/nightly", "--param", f"run_date={RUN_DATE}"],
                          env, work)
            flow_run_id = re.search(r"UUID: ([0-9a-f-]{36})", out).group(1)

            def finished() -> dict | None:
                if worker.poll() is not None:
                    pytest.fail(f"the worker exited with code {worker.returncode}:\n{tail(worker_log)}")
                run = httpx.get(f"{api_url}/flow_runs/{flow_run_id}", timeout=10).json()
                return run if run["state"]["type"] in TERMINAL_STATES else None

            run = wait_for(finished, FLOW_RUN_TIMEOUT_S, f"flow run {flow_run_id} to finish", poll_s=1.0)
            assert run["state"]["type"] == "COMPLETED", f"{run['state']}\n{tail(worker_log)}"
            assert run["work_pool_name"] == "newslake-process"
            # The server keeps its state in PostgreSQL (a silent SQLite fallback would pass everything above).
            stored = pg_value(prefect_database, "select state_type from flow_run where id = $1", uuid.UUID(flow_run_id))
            assert stored == "COMPLETED"

    lake = work / "data_lake"
    assert lake.is_dir(), "the run did not write the deployment's relative lake path"

    def sql(query: str) -> list[dict]:
        out = run_cli([str(BIN / "newslake"), "sql", "--lake", str(lake), "--format", "json", query], env, tmp_path)
        return json.loads(out)

    [runs] = sql("select run_id, flow_run_id, status, run_date, files_new, articles, statements from runs")
    # The lake's `runs` row is tied to the Prefect flow run the worker executed.
    # The samples hold three unreadable parts on purpose: the run is complete but partial.
    assert runs["flow_run_id"] == flow_run_id and runs["status"] == "partial"
    assert runs["run_date"] == RUN_DATE and runs["files_new"] > 0
    counts = sql("select (select count(*) from articles) as articles, (select count(*) from statements) as statements, "
                 "(select count(*) from statements s join articles a using (article_id)) as attributed")[0]
    assert counts["articles"] == runs["articles"] > 0
    assert counts["statements"] == runs["statements"] == counts["attributed"] > 0
