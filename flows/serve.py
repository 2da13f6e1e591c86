"""`newslake serve`: serve the nightly deployment from this process, with no worker and no work pool.

The schedule and default parameters come from deployments/prefect.yaml, so `prefect deploy` and
`newslake serve` can never drift apart.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import yaml

from flows.params import SERVER_PORT
from flows.prefect_env import configure_local_prefect

PREFECT_YAML = Path(__file__).resolve().parents[1] / "deployments" / "prefect.yaml"


@contextmanager
def local_prefect_server(port: int = SERVER_PORT, log_path: Path | None = None, startup_timeout_s: float = 180.0) -> Iterator[str]:
    """Run `prefect server start` on 127.0.0.1 as a child process; yields its API URL; stops it on exit.

    The ephemeral server that Prefect starts by itself cannot schedule runs, so serving a schedule
    needs a real server: this one lives exactly as long as the `with` block.

    Args:
        port: TCP port on 127.0.0.1.
        log_path: where the server's output goes (default: discarded).
        startup_timeout_s: how long to wait for /api/health (a fresh database migrates first).
    """
    api_url = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ)
    configure_local_prefect(env)
    env.pop("PREFECT_API_URL", None)
    with open(log_path, "ab") if log_path else contextlib.nullcontext(subprocess.DEVNULL) as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + startup_timeout_s
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"prefect server exited with code {server.returncode} (port {port} in use?)")
            try:
                if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"prefect server did not answer on {api_url} within {startup_timeout_s:.0f}s")
            time.sleep(0.5)
        yield api_url
    finally:
        # The server runs uvicorn and service subprocesses: stop the whole process group.
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def nightly_deployment(path: Path = PREFECT_YAML, name: str = "nightly") -> dict[str, Any]:
    """The deployment entry called `name` in prefect.yaml."""
    config = yaml.safe_load(path.read_text())
    for deployment in config.get("deployments", []):
        if deployment.get("name") == name:
            return deployment
    raise KeyError(f"no deployment named {name!r} in {path}")


def _stop_like_sigterm(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C stops a started runner as SIGTERM does: Prefect's SIGTERM handler schedules a graceful stop on the
    runner's event loop, while a KeyboardInterrupt raised into that loop at an arbitrary point could leave the
    process hanging (seen in the full test suite: 2 runs of 2). Before the runner starts there is no such handler
    and Ctrl-C interrupts as usual."""
    handler = signal.getsignal(signal.SIGTERM)
    if callable(handler):
        handler(signal.SIGTERM, frame)
    else:
        raise KeyboardInterrupt


def serve(parameters: dict[str, Any] | None = None, name: str = "nightly") -> None:
    """Register the deployment with its cron schedule and run scheduled flow runs until interrupted.

    Args:
        parameters: overrides of the deployment's default parameters (e.g. inputs, lake).
        name: deployment name in prefect.yaml.
    """
    from prefect.schedules import Cron

    from flows.nightly import nightly

    deployment = nightly_deployment(name=name)
    signal.signal(signal.SIGINT, _stop_like_sigterm)
    schedules = [Cron(s["cron"], timezone=s.get("timezone"), active=s.get("active", True)) for s in deployment["schedules"]]
    nightly.serve(
        name=deployment["name"],
        schedules=schedules,
        parameters={**deployment.get("parameters", {}), **(parameters or {})},
        description=deployment.get("description"),
        tags=deployment.get("tags"),
        version=deployment.get("version"),
        # Keep the schedule active when this process stops: a restart must not silently skip nights.
        pause_on_shutdown=False,
    )
