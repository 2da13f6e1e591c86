"""The laptop path: `newslake run` with no Prefect server configured, its shards in worker processes.

With no PREFECT_API_URL, Prefect starts a temporary API server (a uvicorn subprocess) in every process that talks
to it. A spawned worker process would start one more each (seconds of start-up and about 200 MB per worker); the
flow hands its own server's URL to the shards' subflow instead. The run below watches its whole process tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.paths import REPO, SAMPLES, bench_module

pytestmark = pytest.mark.prefect

NEWSLAKE = Path(sys.executable).parent / "newslake"
RUN_TIMEOUT_S = 300.0  # a fresh PREFECT_HOME migrates its database first: 25-32 s here, more on a slow CI machine


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:  # exited meanwhile
        return []


def _is_api_server(command: list[str]) -> bool:
    return "uvicorn" in command and any("prefect.server.api.server:create_app" in part for part in command)


def _is_pool_worker(command: list[str]) -> bool:
    return any("spawn_main" in part for part in command)


class _TreeWatch:
    """The most temporary API servers and the most worker processes alive at once in a process tree."""

    def __init__(self, root: int) -> None:
        self.most_servers = self.most_workers = 0
        self._poller = bench_module("process_tree", REPO / "bench").TreePoller(root, self._observe)

    def _observe(self, tree: list[psutil.Process]) -> None:
        commands = [_cmdline(p) for p in tree[1:]]
        servers, workers = sum(map(_is_api_server, commands)), sum(map(_is_pool_worker, commands))
        self.most_servers, self.most_workers = max(self.most_servers, servers), max(self.most_workers, workers)

    def stop(self) -> None:
        self._poller.stop()


def test_a_serverless_run_starts_one_temporary_server_for_all_its_worker_processes(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    argv = [str(NEWSLAKE), "run", "--input", str(SAMPLES), "--lake", str(tmp_path / "lake"), "--date", "2026-11-27",
            "--task-runner", "process", "--workers", "2", "--batch-files", "2"]
    started = time.monotonic()
    process = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watch = _TreeWatch(process.pid)
    try:
        out, err = process.communicate(timeout=RUN_TIMEOUT_S)
    finally:
        watch.stop()
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, f"newslake run exited {process.returncode} after {time.monotonic() - started:.0f} s:\n{err[-3000:]}"
    assert "status      | partial" in out  # the samples hold pages made to be quarantined
    assert watch.most_workers == 2, "the shards did not run in two worker processes: nothing was tested"
    assert watch.most_servers == 1, f"{watch.most_servers} temporary Prefect servers were alive at once"
