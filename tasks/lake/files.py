"""Writing lake files: zstd Parquet in the declared schema, streamed part files, and atomic small-file replacement."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3}


def write_atomic(path: Path, text: str) -> None:
    """Replace a small text file so that a reader sees the old or the new content, never a mix (fsynced)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed write leaves the old file and no half-written copy beside it
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_table(table: pa.Table, path: Path, schema: pa.Schema) -> Path:
    """Write one Arrow table as a zstd Parquet file with the declared schema (columns in schema order)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table.select(schema.names).cast(schema), path, **PARQUET_OPTIONS)
    return path


class PartWriter:
    """Streams row batches of one table into one Parquet file, so a shard's memory stays flat."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.path, self.schema, self.rows = path, schema, 0
        self._writer: pq.ParquetWriter | None = None

    def write(self, rows: Sequence[Mapping[str, object]] | pa.Table) -> None:
        table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(list(rows), schema=self.schema)
        if table.num_rows == 0:
            return
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(self.path, self.schema, **PARQUET_OPTIONS)
        self._writer.write_table(table.select(self.schema.names).cast(self.schema))
        self.rows += table.num_rows

    def close(self) -> Path | None:
        """Finish the file; returns its path, or None when no row was written (no empty files)."""
        if self._writer is None:
            return None
        self._writer.close()
        return self.path

    def abort(self) -> None:
        """Drop the unfinished file. A retry in the same process writes the same path: a writer left open would
        write its footer into the new file when it is garbage-collected."""
        if self._writer is not None:
            try:
                self._writer.close()
            except (OSError, pa.ArrowException):
                pass  # the disk error that aborted the step may fail this close too
            self._writer = None
        self.path.unlink(missing_ok=True)
