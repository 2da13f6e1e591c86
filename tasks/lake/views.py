"""SQL over the lake: the files in sql/, view definitions, and the sandboxed connection readers query through."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow.dataset as ds

from tasks.lake.schemas import TABLES

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
# Folders of sql/ whose files define views, in the order they must be created (marts read views).
VIEW_FOLDERS = ("views", "marts")


def sql_text(folder: str, name: str) -> str:
    """The text of sql/<folder>/<name>.sql."""
    return (SQL_DIR / folder / f"{name}.sql").read_text(encoding="utf-8")


_COMMENT = re.compile(r"--[^\n]*")
_READS = re.compile(r"\b(?:from|join)\s+(\w+)")
_PARAMETER = re.compile(r"\$(\w+)")


def sql_parameters(sql: str) -> set[str]:
    """The names of the `$name` parameters a query uses (its comments left out)."""
    return set(_PARAMETER.findall(_COMMENT.sub("", sql)))


def _view_files() -> dict[str, Path]:
    return {path.stem: path for folder in VIEW_FOLDERS for path in sorted((SQL_DIR / folder).glob("*.sql"))}


def view_names() -> list[str]:
    """Every view sql/ defines (the file name is the view name), in an order where each comes after the views it
    reads: DuckDB binds a view's query when the view is created."""
    files = _view_files()
    reads = {name: set(_READS.findall(_COMMENT.sub("", path.read_text(encoding="utf-8")).lower())) & set(files) - {name}
             for name, path in files.items()}
    ordered: list[str] = []
    while len(ordered) < len(files):
        ready = sorted(name for name in files if name not in ordered and reads[name] <= set(ordered))
        if not ready:
            cycle = sorted(set(files) - set(ordered))
            raise ValueError(f"views read each other in a cycle: {cycle}")
        ordered += ready
    return ordered


def view_grain(name: str) -> str:
    """What one row of a view is: the first sentence of its file's header comment."""
    header = []
    for line in _view_files()[name].read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        header.append(line.removeprefix("--").strip())
    return re.split(r"(?<=[.:])\s", " ".join(header), maxsplit=1)[0].rstrip(".:")


def view_definitions() -> str:
    """The SQL of every view in sql/views/ and sql/marts/ (each reads `src_<table>` relations), in dependency order."""
    files = _view_files()
    return "\n".join(files[name].read_text(encoding="utf-8") for name in view_names())


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def file_view_sql(view: str, paths: Sequence[Path | str]) -> str:
    """SQL defining `view` over Parquet files (template in sql/sources.sql); the first file may be zero-row."""
    file_list = "[" + ", ".join(_sql_string(str(p)) for p in paths) + "]"
    template = (SQL_DIR / "sources.sql").read_text(encoding="utf-8")
    body = "\n".join(line for line in template.splitlines() if not line.startswith("--"))  # the header names {files} too
    return body.format(view=view, files=file_list)


def mart_columns() -> dict[str, list[tuple[str, str]]]:
    """(name, type) of each column of every mart (a view over views), as DuckDB binds them over an empty lake."""
    empty = {name: ds.dataset([], schema=schema, format="parquet") for name, schema in TABLES.items()}
    with reader_connection(empty) as con:
        return {name: [(row[0], row[1]) for row in con.execute(f"describe {name}").fetchall()]
                for name in view_names() if name not in TABLES}


def reader_connection(sources: Mapping[str, ds.Dataset]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with every view defined over `sources`, sandboxed for untrusted SQL.

    Each source becomes the relation `src_<table>`: an Arrow dataset over exactly the snapshot's files, so
    DuckDB itself needs no file path at all. External access is then switched off and the configuration
    locked: no query can read a file, write one (COPY ... TO), attach a database or load an extension, and
    no SET can undo that.

    Args:
        sources: table name -> Arrow dataset of its committed files (in the table's declared schema).
    """
    con = duckdb.connect(":memory:")
    for name, dataset in sources.items():
        con.register(f"src_{name}", dataset)
    con.execute(view_definitions())
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con
