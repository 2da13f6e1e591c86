"""Fail points: named places in a run where a test can kill the process, to prove that a crash there loses nothing.

Set NEWSLAKE_FAILPOINT=<name> (or <name>@<n> for the n-th time the point is reached) in a process's
environment and it dies with SIGKILL there: no cleanup, no `finally`, as when a machine loses power. Unset (the
normal case) a fail point costs one comparison.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

_ARMED, _, _AT = os.environ.get("NEWSLAKE_FAILPOINT", "").partition("@")
_HITS: Counter[str] = Counter()

# Every fail point, in the order a run reaches them (tests/lake/test_crash.py kills a run at each).
POINTS = (
    "night.locked", "night.discovered", "night.planned",
    "shard.file_done", "shard.closed",
    "merge.connected", "merge.articles", "merge.headlines", "merge.stories", "merge.statements", "merge.inputs",
    "commit.placed_one", "commit.placed_all", "commit.runs_row", "night.reported",
    "lake.snapshot_written", "lake.current_replaced", "lake.views_written", "lake.orphan_removed",
    "night.committed",
)


def failpoint(name: str) -> None:
    """Die here (SIGKILL) if this point is armed in the environment."""
    if name != _ARMED:
        return
    _HITS[name] += 1
    if _HITS[name] >= int(_AT or 1):
        os.kill(os.getpid(), signal.SIGKILL)
