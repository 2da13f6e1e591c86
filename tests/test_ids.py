"""Deterministic ids: the same parts give the same id, and part boundaries matter."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tasks.ids import file_sha256, new_run_id, stable_id


def test_stable_id_is_deterministic_and_separates_parts() -> None:
    assert stable_id("a", "bc") == stable_id("a", "bc") and len(stable_id("a")) == 32
    assert stable_id("a", "bc") != stable_id("ab", "c")
    assert stable_id(None, "x") == stable_id("", "x")


def test_file_sha256_streams_the_bytes(tmp_path: Path) -> None:
    data = b"x" * (3 << 20)  # larger than one read chunk
    (tmp_path / "f").write_bytes(data)
    assert file_sha256(str(tmp_path / "f"), chunk_bytes=1 << 20) == hashlib.sha256(data).hexdigest()


def test_run_ids_sort_by_start_time() -> None:
    start = datetime(2026, 11, 27, 2, 30, tzinfo=timezone.utc)
    ids = [new_run_id(start + timedelta(seconds=s)) for s in (0, 0.000001, 0.5, 1, 60, 3600)]
    assert ids == sorted(ids) and ids[0].startswith("20261127T023000.000000Z-")


def test_run_ids_of_one_second_sort_by_start_time_not_by_their_suffix() -> None:
    start = datetime(2026, 11, 27, 2, 30, tzinfo=timezone.utc)
    for _ in range(50):
        first, second = new_run_id(start), new_run_id(start + timedelta(microseconds=1))
        assert first < second
