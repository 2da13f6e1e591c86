"""Lake files (tasks/lake/files.py): small files replaced whole or not at all, tables written as zstd Parquet in
their declared schema, and part files streamed in batches that leave no empty or half-written file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.lake.files import PartWriter, write_atomic, write_table

SCHEMA = pa.schema([pa.field("id", pa.string(), nullable=False), pa.field("n", pa.int32())])


def test_an_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "CURRENT"
    write_atomic(target, "1\n")
    write_atomic(target, "2\n")
    assert target.read_text() == "2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["CURRENT"]


def test_an_atomic_write_that_fails_before_the_replace_leaves_the_old_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "CURRENT"
    write_atomic(target, "1\n")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "2\n" * 1000)
    assert target.read_text() == "1\n"  # a reader never sees part of the new content
    assert [p.name for p in tmp_path.iterdir()] == ["CURRENT"]  # and no half-written copy is left beside it


def test_a_table_is_written_in_schema_order_and_types_with_zstd(tmp_path: Path) -> None:
    rows = pa.table({"extra": ["x"], "n": pa.array([7], pa.int64()), "id": ["a"]})
    path = write_table(rows, tmp_path / "t" / "ingest_date=2026-11-27" / "r1.parquet", SCHEMA)
    assert pq.read_schema(path).names == ["id", "n"] and pq.read_schema(path).field("n").type == pa.int32()
    assert pq.read_table(path).to_pylist() == [{"id": "a", "n": 7}]
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"


def test_a_part_writer_streams_batches_into_one_file_and_writes_none_for_no_rows(tmp_path: Path) -> None:
    writer = PartWriter(tmp_path / "part.parquet", SCHEMA)
    writer.write([{"id": "a", "n": 1}, {"id": "b", "n": 2}])
    writer.write([])
    writer.write(pa.table({"n": pa.array([3], pa.int64()), "id": ["c"]}))  # a table: columns put in schema order
    assert writer.close() == tmp_path / "part.parquet" and writer.rows == 3
    assert pq.read_table(tmp_path / "part.parquet").column("id").to_pylist() == ["a", "b", "c"]
    empty = PartWriter(tmp_path / "empty.parquet", SCHEMA)
    empty.write([])
    assert empty.close() is None and not (tmp_path / "empty.parquet").exists()


def test_an_aborted_part_is_removed_and_its_path_can_be_written_again(tmp_path: Path) -> None:
    path = tmp_path / "part.parquet"
    first = PartWriter(path, SCHEMA)
    first.write([{"id": "a", "n": 1}])
    first.abort()
    assert not path.exists()
    second = PartWriter(path, SCHEMA)
    second.write([{"id": "b", "n": 2}])
    second.close()
    del first  # the aborted writer, collected now, must not write its footer into the new file
    assert pq.read_table(path).to_pylist() == [{"id": "b", "n": 2}]
