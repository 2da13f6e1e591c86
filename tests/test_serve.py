"""`newslake serve` as an operator runs it: registers the nightly schedule, stops cleanly on Ctrl-C, keeps the schedule.

The test starts its own Prefect server with `flows.serve.local_prefect_server` (SQLite in a fresh PREFECT_HOME
under tmp_path) and points `newslake serve` at it with PREFECT_API_URL, so the deployment can still be read
after `serve` has stopped.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import yaml

from flows.serve import local_prefect_server

pytestmark = pytest.mark.prefect

REPO = Path(__file__).resolve().parents[1]
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


def test_serve_registers_the_schedule_and_stops_on_ctrl_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = yaml.safe_load((REPO / "deployments" / "prefect.yaml").read_text())["deployments"][0]["schedules"][0]
    # The server inherits this process's environment: give it a home (and SQLite database) of its own.
    for key in [k for k in os.environ if k.startswith("PREFECT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    landing = f"{tmp_path}/landing/{{date}}/**/*"  # harmless even if the 02:30 run fell due during the test
    lake = str(tmp_path / "lake")
    serve_log = tmp_path / "serve.log"

    with local_prefect_server(free_port(), log_path=tmp_path / "server.log") as api_url:
        env = {**os.environ, "PREFECT_API_URL": api_url}
        with open(serve_log, "wb") as log:
            serve = subprocess.Popen([str(BIN / "newslake"), "serve", "--input", landing, "--lake", lake],
                                     stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path, start_new_session=True)
        try:
            deadline = time.monotonic() + REGISTER_TIMEOUT_S
            while (deployment := get_deployment(api_url)) is None:
                assert serve.poll() is None, f"newslake serve exited early ({serve.returncode}):\n{serve_log.read_text()}"
                assert time.monotonic() < deadline, f"nightly/nightly not registered in {REGISTER_TIMEOUT_S:.0f}s"
                time.sleep(0.5)
            [schedule] = deployment["schedules"]
            assert schedule["schedule"]["cron"] == expected["cron"] == "30 2 * * *"
            assert schedule["schedule"]["timezone"] == expected["timezone"] == "Europe/Amsterdam"
            assert schedule["active"] and not deployment["paused"]
            # The command line overrides reach the deployment; the other defaults come from prefect.yaml.
            assert deployment["parameters"]["inputs"] == [landing] and deployment["parameters"]["lake"] == lake
            assert deployment["parameters"]["timezone_name"] == "Europe/Amsterdam"

            # Ctrl-C: the terminal sends SIGINT to the whole foreground process group.
            os.killpg(serve.pid, signal.SIGINT)
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
        after = get_deployment(api_url)
        assert after is not None and not after["paused"]
        assert [s["active"] for s in after["schedules"]] == [True]

    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{api_url}/health", timeout=2)
