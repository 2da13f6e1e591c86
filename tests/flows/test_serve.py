"""`newslake serve` as an operator runs it: registers the nightly schedule, stops cleanly on Ctrl-C, keeps the schedule.

The module starts one Prefect server with `flows.serve.local_prefect_server` (SQLite in a fresh PREFECT_HOME
under a temporary directory) and points `newslake serve` at it with PREFECT_API_URL, so the deployment can
still be read after `serve` has stopped.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from flows.serve import local_prefect_server
from tests.paths import REPO

pytestmark = pytest.mark.prefect

BIN = Path(sys.executable).parent
REGISTER_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def get_deployment(api_url: str) -> dict | None:
    try:
        response = httpx.get(f"{api_url}/deployments/name/nightly/nightly", timeout=5)
    except httpx.HTTPError:
        return None
    return response.json() if response.status_code == 200 else None


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One Prefect server for the module, outliving each `newslake serve` so the schedule can be read afterwards."""
    home = tmp_path_factory.mktemp("prefect-server")
    with pytest.MonkeyPatch.context() as patch:
        # The server inherits this process's environment: give it a home (and SQLite database) of its own.
        for key in [k for k in os.environ if k.startswith("PREFECT_")]:
            patch.delenv(key)
        patch.setenv("PREFECT_HOME", str(home / "prefect-home"))
        patch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        with local_prefect_server(free_port(), log_path=home / "server.log") as api_url:
            yield api_url
    with pytest.raises(httpx.HTTPError):  # the server is gone with the block
        httpx.get(f"{api_url}/health", timeout=2)


# SIGINT is Ctrl-C in a terminal; SIGTERM is what systemd, Docker and Kubernetes send. Prefect pauses a served
# schedule on SIGTERM unless pause_on_shutdown=False, so that row is the one that guards the setting.
@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_registers_the_schedule_and_stops_cleanly(prefect_api: str, tmp_path: Path, stop_signal: int) -> None:
    expected = yaml.safe_load((REPO / "deployments" / "prefect.yaml").read_text())["deployments"][0]["schedules"][0]
    if (old := get_deployment(prefect_api)) is not None:  # registered by the previous row: start from none
        httpx.delete(f"{prefect_api}/deployments/{old['id']}", timeout=10).raise_for_status()
    landing = f"{tmp_path}/landing/{{date}}/**/*"  # harmless even if the 02:30 run fell due during the test
    lake = str(tmp_path / "lake")
    serve_log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_API_URL=prefect_api, PREFECT_HOME=str(tmp_path / "prefect-home"))

    with open(serve_log, "wb") as log:
        serve = subprocess.Popen([str(BIN / "newslake"), "serve", "--input", landing, "--lake", lake],
                                 stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path, start_new_session=True)
    try:
        # READY once the runner polls for runs: only then has Prefect installed its SIGTERM handler (before,
        # SIGTERM kills the process outright, exit -15), and only a started runner pauses schedules on shutdown.
        deadline = time.monotonic() + REGISTER_TIMEOUT_S
        while (deployment := get_deployment(prefect_api)) is None or deployment["status"] != "READY":
            assert serve.poll() is None, f"newslake serve exited early ({serve.returncode}):\n{serve_log.read_text()}"
            assert time.monotonic() < deadline, f"nightly/nightly not registered and polled in {REGISTER_TIMEOUT_S:.0f}s"
            time.sleep(0.5)
        [schedule] = deployment["schedules"]
        assert schedule["schedule"]["cron"] == expected["cron"] == "30 2 * * *"
        assert schedule["schedule"]["timezone"] == expected["timezone"] == "Europe/Amsterdam"
        assert schedule["active"] and not deployment["paused"]
        # The command line overrides reach the deployment; the other defaults come from prefect.yaml.
        assert deployment["parameters"]["inputs"] == [landing] and deployment["parameters"]["lake"] == lake
        assert deployment["parameters"]["timezone_name"] == "Europe/Amsterdam"

        # To the whole process group, as a terminal's Ctrl-C (and systemd's default KillMode) does.
        os.killpg(serve.pid, stop_signal)
        code = serve.wait(timeout=STOP_TIMEOUT_S)
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    output = serve_log.read_text(errors="replace")
    assert code == 0, output
    assert "newslake serve: stopped" in output
    assert "Traceback" not in output, output
    assert not group_alive(serve.pid), "newslake serve left processes running in its group"

    # pause_on_shutdown=False: a restart of the serving process must not skip nights.
    after = get_deployment(prefect_api)
    assert after is not None and not after["paused"], output
    assert [s["active"] for s in after["schedules"]] == [True], output
