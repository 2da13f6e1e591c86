"""The lake's single-writer lock: an flock, released by the operating system if the holder dies."""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from tasks.lake.files import write_atomic


class LakeLockedError(RuntimeError):
    """Another run holds the writer lock and did not release it within the timeout."""


def _holder(info_path: Path) -> str:
    """Who holds the lock, as its holder wrote it (the holder may be releasing it right now)."""
    try:
        return info_path.read_text().strip() or "unknown"
    except FileNotFoundError:
        return "unknown"


@contextmanager
def writer_lock(meta_dir: Path, holder: str, timeout_s: float = 0.0, poll_s: float = 1.0) -> Iterator[None]:
    """Hold `<meta_dir>/writer.lock` for the duration of the block.

    Args:
        meta_dir: the lake's metadata directory (it must exist).
        holder: written next to the lock (run id) so a waiting run can say who holds it.
        timeout_s: how long to wait for a running writer; 0 fails at once.
        poll_s: how often to retry while waiting.

    Raises:
        LakeLockedError: the lock is still held after timeout_s.
    """
    lock_path, info_path = meta_dir / "writer.lock", meta_dir / "writer.lock.info"
    handle = open(lock_path, "a+")
    locked = False
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    held_by = _holder(info_path)
                    raise LakeLockedError(
                        f"lake {meta_dir.parent} is being written by another run ({held_by}); "
                        f"waited {timeout_s:.0f}s. Retry when it has finished."
                    ) from None
                time.sleep(poll_s)
        write_atomic(info_path, f"run {holder}, pid {os.getpid()} on {socket.gethostname()}, since "
                                f"{datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
        locked = True
        yield
    finally:
        if locked:  # a waiter must not name a holder that has gone
            info_path.unlink(missing_ok=True)
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()
