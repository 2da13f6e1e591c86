"""Deterministic identifiers: the same input always gets the same ids, so reruns never duplicate rows."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timezone

_SEP = "\x1f"  # unit separator: cannot occur in normalized text, so ("a", "bc") and ("ab", "c") differ


def stable_id(*parts: str | None) -> str:
    """128-bit hex id of the parts (None counts as the empty string)."""
    joined = _SEP.join("" if part is None else part for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def file_sha256(path: str, chunk_bytes: int = 1 << 20) -> str:
    """sha256 of a file's bytes, streamed so large WARC files do not load into memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_bytes):
            digest.update(chunk)
    return digest.hexdigest()


def new_run_id(now: datetime | None = None) -> str:
    """Time-ordered run id, e.g. 20261128T021500.482913Z-3fa9c1: sorts by start time.

    Microseconds, because "the latest run" is max(run_id): two runs started within one second (a rerun of a
    small batch, a test) would otherwise be ordered by their random suffix.
    """
    now = now or datetime.now(timezone.utc)
    return f"{now:%Y%m%dT%H%M%S.%fZ}-{secrets.token_hex(3)}"
