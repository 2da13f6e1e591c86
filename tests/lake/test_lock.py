"""The writer lock (tasks/lake/lock.py): one holder at a time, a refused writer names the holder and leaves its
note alone, a waiting writer gets the lock when it is released, and a holder that dies releases it."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tasks.lake.lock import LakeLockedError, writer_lock
from tests.paths import REPO

_HOLD = """
import sys, time
from pathlib import Path
from tasks.lake.lock import writer_lock
with writer_lock(Path(sys.argv[1]), "killed-run"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_writer_is_refused_at_once_with_the_holder_named(tmp_path: Path) -> None:
    with writer_lock(tmp_path, "run-a"):
        started = time.monotonic()
        with pytest.raises(LakeLockedError, match=r"another run \(run run-a, pid \d+ on "):
            with writer_lock(tmp_path, "run-b"):
                pytest.fail("two writers held the lock")
        assert time.monotonic() - started < 1.0  # timeout 0: no waiting
        assert (tmp_path / "writer.lock.info").read_text().startswith("run run-a,")  # the refused one left it
    assert not (tmp_path / "writer.lock.info").exists()  # a released lock names no holder
    with writer_lock(tmp_path, "run-c"):
        assert (tmp_path / "writer.lock.info").read_text().startswith("run run-c,")


def test_the_lock_is_released_when_the_block_raises(tmp_path: Path) -> None:
    with pytest.raises(ZeroDivisionError):
        with writer_lock(tmp_path, "run-a"):
            raise ZeroDivisionError
    with writer_lock(tmp_path, "run-b"):
        pass


def test_a_waiting_writer_gets_the_lock_once_the_holder_releases_it(tmp_path: Path) -> None:
    got: list[float] = []

    def wait_for_it() -> None:
        with writer_lock(tmp_path, "waiter", timeout_s=10, poll_s=0.02):
            got.append(time.monotonic())

    with writer_lock(tmp_path, "holder"):
        waiter = threading.Thread(target=wait_for_it)
        waiter.start()
        time.sleep(0.3)
        assert got == []  # still waiting while the holder holds it
        released = time.monotonic()
    waiter.join(10)
    assert len(got) == 1 and got[0] >= released


def test_a_holder_killed_with_sigkill_releases_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(tmp_path)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(LakeLockedError, match="killed-run"):
            with writer_lock(tmp_path, "next-run"):
                pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        with writer_lock(tmp_path, "next-run"):  # the operating system released the dead holder's flock
            assert (tmp_path / "writer.lock.info").read_text().startswith("run next-run,")
    finally:
        holder.kill()
        holder.wait(10)
