"""The lake: Parquet table files, snapshots that commit a run atomically, the writer lock and DuckDB views.

Layout under the lake root:
    tables/<table>/ingest_date=YYYY-MM-DD/<run_id>-<part>.parquet   data files, never modified in place
    _lake/snapshots/<version>.json   which files make up each table at that version
    _lake/CURRENT                    the committed version: replaced atomically, the only commit point
    _lake/empty/<table>.parquet      zero-row file per table, so views work on an empty lake
    _lake/writer.lock                flock held by the one running writer
    _staging/<run_id>/               a run's files before commit (invisible to readers)
    views.sql                        DuckDB views over the committed files, for the duckdb shell

Readers never list directories: they read the files of the CURRENT snapshot, so a reader sees a
run entirely or not at all, and files of a crashed run are invisible until the next writer removes them.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from tasks.lake.schemas import TABLES

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
# Old snapshots are kept for time travel and for readers that started before a commit.
SNAPSHOTS_KEPT = 20
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3}


class LakeLockedError(RuntimeError):
    """Another run holds the writer lock and did not release it within the timeout."""


@dataclass(frozen=True)
class Snapshot:
    """The set of files that make up every table at one committed version."""

    version: int
    tables: Mapping[str, tuple[str, ...]]
    run_id: str | None = None
    committed_at: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {"version": self.version, "run_id": self.run_id, "committed_at": self.committed_at,
             "tables": {name: list(files) for name, files in self.tables.items()}},
            indent=1,
        )


@dataclass
class Commit:
    """What a run changes: new files per table, and committed files it supersedes (copy-on-write)."""

    added: dict[str, list[Path]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


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


class Lake:
    """A lake root on local disk: the only code that knows the lake's paths."""

    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root).resolve()
        self.meta_dir = self.root / "_lake"
        self.tables_dir = self.root / "tables"

    # ---- layout -------------------------------------------------------------------------------
    def init(self) -> None:
        """Create the layout and the zero-row file of every table (idempotent)."""
        (self.meta_dir / "snapshots").mkdir(parents=True, exist_ok=True)
        (self.meta_dir / "empty").mkdir(exist_ok=True)
        self.tables_dir.mkdir(exist_ok=True)
        for name, schema in TABLES.items():
            empty = self.meta_dir / "empty" / f"{name}.parquet"
            # Rewritten when the declared schema gains a column, so views over older files still bind it.
            if not empty.exists() or not pq.read_schema(empty).equals(schema, check_metadata=False):
                tmp = write_table(schema.empty_table(), empty.with_name(f".{name}.{os.getpid()}.tmp"), schema)
                os.replace(tmp, empty)  # readers may call init() too: never expose a half-written file
        if not (self.meta_dir / "CURRENT").exists():
            self._publish(Snapshot(0, {name: () for name in TABLES}))

    def staging_dir(self, run_id: str) -> Path:
        return self.root / "_staging" / run_id

    def partition_path(self, table: str, ingest_date: date, file_name: str) -> Path:
        return self.tables_dir / table / f"ingest_date={ingest_date.isoformat()}" / file_name

    # ---- snapshots ----------------------------------------------------------------------------
    def snapshot(self, version: int | None = None) -> Snapshot:
        """The committed snapshot (or an older one still kept); an uninitialised lake reads as empty."""
        if version is None:
            current = self.meta_dir / "CURRENT"
            if not current.exists():
                return Snapshot(0, {name: () for name in TABLES})
            version = int(current.read_text().strip())
        data = json.loads((self.meta_dir / "snapshots" / f"{version:08d}.json").read_text())
        tables = {name: tuple(data["tables"].get(name, ())) for name in TABLES}
        return Snapshot(data["version"], tables, data.get("run_id"), data.get("committed_at"))

    def files(self, table: str, snapshot: Snapshot | None = None) -> list[Path]:
        """Absolute paths of a table's committed files (empty list for an empty table)."""
        snapshot = snapshot or self.snapshot()
        return [self.root / rel for rel in snapshot.tables[table]]

    def _publish(self, snapshot: Snapshot) -> None:
        _write_atomic(self.meta_dir / "snapshots" / f"{snapshot.version:08d}.json", snapshot.to_json())
        _write_atomic(self.meta_dir / "CURRENT", f"{snapshot.version}\n")  # the commit point

    def commit(self, run_id: str, change: Commit) -> Snapshot:
        """Move a run's staged files into the tables and publish a new snapshot atomically.

        Must be called with the writer lock held. A crash before the CURRENT pointer is replaced
        leaves the previous snapshot in force; moved files are then unreferenced and removed by the
        next writer (see remove_orphans).

        Args:
            run_id: the committing run.
            change: staged files to add per table (paths under tables/ or _staging/), and
                committed files (relative paths) that the new files replace.

        Returns:
            The new snapshot.
        """
        previous = self.snapshot()
        tables = {name: list(files) for name, files in previous.tables.items()}
        for name, removed in change.removed.items():
            gone = set(removed)
            tables[name] = [f for f in tables[name] if f not in gone]
        for name, paths in change.added.items():
            for path in paths:
                rel = path.resolve().relative_to(self.root)
                if rel.parts[0] != "tables":
                    raise ValueError(f"{path} is not under {self.tables_dir}: move staged files with place()")
                tables[name].append(str(rel))
        snapshot = Snapshot(
            previous.version + 1,
            {name: tuple(files) for name, files in tables.items()},
            run_id,
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        self._publish(snapshot)
        self._write_views_file(snapshot)
        self._expire_snapshots()
        return snapshot

    def place(self, staged: Path, table: str, ingest_date: date, file_name: str) -> Path:
        """Move a staged file to its partition under tables/ (still invisible until commit)."""
        target = self.partition_path(table, ingest_date, file_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
        return target

    def _referenced(self, versions: list[int]) -> set[str]:
        referenced: set[str] = set()
        for version in versions:
            snap = self.snapshot(version)
            for files in snap.tables.values():
                referenced.update(files)
        return referenced

    def _kept_versions(self) -> list[int]:
        return sorted(int(p.stem) for p in (self.meta_dir / "snapshots").glob("*.json"))

    def _expire_snapshots(self) -> None:
        versions = self._kept_versions()
        for version in versions[:-SNAPSHOTS_KEPT]:
            (self.meta_dir / "snapshots" / f"{version:08d}.json").unlink(missing_ok=True)
        self.remove_orphans()

    def remove_orphans(self) -> list[Path]:
        """Delete data files no kept snapshot references, and stale staging. Call with the writer lock held."""
        referenced = self._referenced(self._kept_versions())
        removed = []
        if self.tables_dir.exists():
            for path in self.tables_dir.rglob("*.parquet"):
                if str(path.relative_to(self.root)) not in referenced:
                    path.unlink()
                    removed.append(path)
        shutil.rmtree(self.root / "_staging", ignore_errors=True)
        return removed

    # ---- writer lock --------------------------------------------------------------------------
    @contextmanager
    def writer_lock(self, run_id: str, timeout_s: float = 0.0, poll_s: float = 1.0) -> Iterator[None]:
        """Hold the lake's single-writer lock (an flock: released by the OS if the process dies).

        Args:
            run_id: written next to the lock so a waiting run can say who holds it.
            timeout_s: how long to wait for a running writer; 0 fails at once.
            poll_s: how often to retry while waiting.

        Raises:
            LakeLockedError: the lock is still held after timeout_s.
        """
        self.init()
        lock_path, info_path = self.meta_dir / "writer.lock", self.meta_dir / "writer.lock.info"
        handle = open(lock_path, "a+")
        deadline = time.monotonic() + timeout_s
        try:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        holder = info_path.read_text().strip() if info_path.exists() else "unknown"
                        raise LakeLockedError(
                            f"lake {self.root} is being written by another run ({holder}); "
                            f"waited {timeout_s:.0f}s. Retry when it has finished."
                        ) from None
                    time.sleep(poll_s)
            info_path.write_text(f"run {run_id}, pid {os.getpid()} on {socket.gethostname()}, since "
                                 f"{datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()

    # ---- reading ------------------------------------------------------------------------------
    def file_view_sql(self, view: str, table: str, paths: Sequence[Path | str]) -> str:
        """SQL defining `view` over Parquet files (template in sql/sources.sql).

        The table's zero-row file always comes first: an empty table still has its columns, and files
        written before a column was added read it as NULL (union_by_name).
        """
        paths = [str(self.meta_dir / "empty" / f"{table}.parquet")] + [str(p) for p in paths]
        file_list = "[" + ", ".join(_sql_string(p) for p in paths) + "]"
        return (SQL_DIR / "sources.sql").read_text().format(view=view, files=file_list)

    def source_views_sql(self, snapshot: Snapshot | None = None) -> str:
        """SQL defining one `src_<table>` view per table over the snapshot's files."""
        snapshot = snapshot or self.snapshot()
        return "\n".join(self.file_view_sql(f"src_{name}", name, self.files(name, snapshot)) for name in TABLES)

    def views_sql(self, snapshot: Snapshot | None = None) -> str:
        """All view definitions: the sources of the snapshot, then sql/views/*.sql, then sql/marts/*.sql."""
        parts = [self.source_views_sql(snapshot)]
        for folder in ("views", "marts"):
            parts += [path.read_text() for path in sorted((SQL_DIR / folder).glob("*.sql"))]
        return "\n".join(parts)

    def _write_views_file(self, snapshot: Snapshot) -> None:
        header = f"-- newslake views over snapshot {snapshot.version}; regenerated at every commit.\n" \
                 f"-- Use: duckdb -init {self.root / 'views.sql'}\n"
        _write_atomic(self.root / "views.sql", header + self.views_sql(snapshot))

    def connect(self, snapshot: Snapshot | None = None) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB connection with every lake view defined (read-only use of the files)."""
        con = duckdb.connect(":memory:")
        if not self.root.exists():
            raise FileNotFoundError(f"no lake at {self.root}: run `newslake run` first")
        self.init()
        con.execute(self.views_sql(snapshot))
        return con

    def read_column_values(self, table: str, column: str, values: Sequence[str]) -> set[str]:
        """Which of `values` already occur in `table.column` (e.g. known file hashes, article ids)."""
        files = self.files(table)
        if not values or not files:
            return set()
        probe = pa.array(sorted(set(values)), pa.string())
        found = ds.dataset([str(f) for f in files], format="parquet").to_table(
            columns=[column], filter=pc.field(column).isin(probe)
        )
        return set(found.column(column).to_pylist())
