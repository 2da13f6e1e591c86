"""Run one night (run_night with the plain steps) in a process of its own, for tests that kill it or measure it.

    python -m tests.night_process LAKE DATE INPUT [INPUT ...]

Prints the night's summary as one JSON line, with the process's peak RSS in MiB. Fail points
(tasks/faults.py) are armed through the environment of this process.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path

from tasks.lake import Lake
from tasks.run import new_run, run_night
from tests.paths import REPO


def main(argv: list[str]) -> int:
    lake, night, *inputs = argv
    summary = run_night(inputs, Lake(lake), new_run(date.fromisoformat(night)), batch_files=2).summary
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({**summary, "peak_rss_mib": round(peak_mib)}, default=str))
    return 0


def run_night_process(lake: Path, night: str, inputs: list[Path], env: dict[str, str] | None = None,
                      timeout: float = 300, user: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run this module as a child process (as another `user` id when given: root can drop to one); its return code
    is -9 when a fail point killed it."""
    return subprocess.run(
        [sys.executable, "-m", "tests.night_process", str(lake), night, *map(str, inputs)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, user=user,
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
