"""Every view in sql/views/ selects exactly its table's declared columns, and every view builds on an empty lake."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.lake import Lake
from tasks.lake.schemas import TABLES
from tasks.lake.views import SQL_DIR, view_names


@pytest.fixture(scope="module")
def empty_lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    lake = Lake(tmp_path_factory.mktemp("lake"))
    lake.init()
    return lake


@pytest.mark.parametrize("table", sorted(TABLES))
def test_table_view_selects_exactly_the_schema_columns(empty_lake: Lake, table: str) -> None:
    assert (SQL_DIR / "views" / f"{table}.sql").exists(), f"sql/views/{table}.sql is missing"
    con = empty_lake.connect()
    columns = [row[0] for row in con.execute(f"describe {table}").fetchall()]
    assert columns == TABLES[table].names  # same names, same order: no column typed twice differently


def test_every_view_file_is_a_table() -> None:
    assert {p.stem for p in (SQL_DIR / "views").glob("*.sql")} == set(TABLES)


@pytest.mark.parametrize("view", view_names())
def test_every_view_builds_and_reads_on_an_empty_lake(empty_lake: Lake, view: str) -> None:
    assert empty_lake.connect().execute(f"select count(*) from {view}").fetchone() == (0,)


def test_reader_refuses_files_outside_the_snapshot(empty_lake: Lake, tmp_path: Path) -> None:
    con = empty_lake.connect()
    for sql in (
        f"copy (select 1 as x) to '{tmp_path / 'out.parquet'}'",
        "select * from read_csv('/etc/passwd')",
        "set enable_external_access = true",
    ):
        with pytest.raises(Exception, match="Permission|configuration"):
            con.execute(sql)
    assert not (tmp_path / "out.parquet").exists()
