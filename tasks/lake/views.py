"""SQL over the lake: the files in sql/, view definitions, and the sandboxed connection readers query through."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow.dataset as ds

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
# Folders of sql/ whose files define views, in the order they must be created (marts read views).
VIEW_FOLDERS = ("views", "marts")


def sql_text(folder: str, name: str) -> str:
    """The text of sql/<folder>/<name>.sql."""
    return (SQL_DIR / folder / f"{name}.sql").read_text(encoding="utf-8")


def view_names() -> list[str]:
    """Every view sql/ defines, in creation order (the file name is the view name)."""
    return [path.stem for folder in VIEW_FOLDERS for path in sorted((SQL_DIR / folder).glob("*.sql"))]


def view_definitions() -> str:
    """The SQL of every view in sql/views/ and sql/marts/ (each reads `src_<table>` relations)."""
    return "\n".join(sql_text(folder, name) for folder in VIEW_FOLDERS
                     for name in sorted(p.stem for p in (SQL_DIR / folder).glob("*.sql")))


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def file_view_sql(view: str, paths: Sequence[Path | str]) -> str:
    """SQL defining `view` over Parquet files (template in sql/sources.sql); the first file may be zero-row."""
    file_list = "[" + ", ".join(_sql_string(str(p)) for p in paths) + "]"
    return (SQL_DIR / "sources.sql").read_text(encoding="utf-8").format(view=view, files=file_list)


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
