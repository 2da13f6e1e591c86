"""`newslake sql`, `views` and `tables` on a lake built without Prefect: formats, files, sandboxed SQL, clear errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.cli import main
from flows.output import render_table
from tasks.lake import Lake
from tasks.run import new_run, run_night
from tests.paths import SAMPLES


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "lake"
    run_night([str(SAMPLES)], Lake(root), new_run(date(2026, 11, 27)), batch_files=10)
    return root


def newslake(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sql_formats(lake: Path, capsys) -> None:
    query = "select title, word_count from articles order by title limit 2"
    code, out, _ = newslake(capsys, "sql", "--lake", str(lake), "--format", "json", query)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 and set(rows[0]) == {"title", "word_count"}
    code, out, _ = newslake(capsys, "sql", "--lake", str(lake), "--format", "csv", query)
    assert out.splitlines()[0] == "title,word_count" and len(out.splitlines()) == 3


def test_table_output_fits_the_width() -> None:
    rows = [("a" * 200, "short", 1), ("b", "x" * 90, 22)]
    table = render_table(["long_text", "other", "n"], rows, width=60)
    assert all(len(line) <= 60 for line in table.splitlines())
    assert "…" in table and table.endswith("(2 rows)")
    assert render_table(["n"], [(1,)], width=60).splitlines()[2] == "1"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "json", "table"])
def test_sql_output_file_is_written_by_newslake(lake: Path, tmp_path: Path, capsys, fmt: str) -> None:
    out_file = tmp_path / f"result.{fmt}"
    code, _, err = newslake(capsys, "sql", "--lake", str(lake), "--format", fmt, "--output", str(out_file),
                            "select article_id, body from articles")
    assert code == 0 and "14 rows written" in err
    if fmt == "parquet":
        assert pq.read_table(out_file).num_rows == 14
    else:
        assert "…" not in out_file.read_text()  # a file gets every value in full


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("copy (select * from articles) to '{lake}/tables/articles/x.parquet'", "Permission"),
        ("copy (select 1) to '{lake}/x.csv' (use_tmp_file false)", "Permission"),
        ("select * from read_csv('/etc/passwd')", "Permission"),
        ("set enable_external_access = true", "configuration"),
        ("attach '{lake}/other.duckdb'", "Permission"),
        ("selec 1", "Parser Error: syntax error"),
        ("select nope from articles", "Binder"),
    ],
)
def test_sql_cannot_write_or_escape_and_errors_are_one_line(lake: Path, capsys, query: str, message: str) -> None:
    before = sorted(str(p) for p in lake.rglob("*"))
    code, out, err = newslake(capsys, "sql", "--lake", str(lake), query.format(lake=lake))
    assert code == 1 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert sorted(str(p) for p in lake.rglob("*")) == before


def test_sql_from_a_file(lake: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "q.sql").write_text("-- how many\nselect count(*) as n from statements;\n")
    code, out, _ = newslake(capsys, "sql", "--lake", str(lake), "--format", "json", "--file", str(tmp_path / "q.sql"))
    assert code == 0 and json.loads(out)[0]["n"] > 0
    code, _, err = newslake(capsys, "sql", "--lake", str(lake), "--file", str(tmp_path / "missing.sql"))
    assert code == 2 and "cannot read" in err


@pytest.mark.parametrize("command", [["sql", "select 1"], ["views"]])
def test_readers_refuse_a_missing_lake_and_create_nothing(tmp_path: Path, capsys, command: list[str]) -> None:
    missing = tmp_path / "no-lake"
    code, _, err = newslake(capsys, command[0], "--lake", str(missing), *command[1:])
    assert code == 2 and "no lake at" in err and not missing.exists()


def test_parquet_needs_an_output_file(lake: Path, capsys) -> None:
    code, _, err = newslake(capsys, "sql", "--lake", str(lake), "--format", "parquet", "select 1")
    assert code == 2 and "--output" in err


def test_tables_lists_every_table(capsys) -> None:
    code, out, _ = newslake(capsys, "tables")
    assert code == 0 and "## inputs: one row per input path per run" in out and "replacement_chars" in out


def test_report_writes_a_page_for_a_night_or_a_range(lake: Path, tmp_path: Path, capsys) -> None:
    code, _, err = newslake(capsys, "report", "--lake", str(lake), "--output", str(tmp_path / "night.html"))
    assert code == 0 and "2026-11-27 written to" in err and "<svg" in (tmp_path / "night.html").read_text()
    code, _, err = newslake(capsys, "report", "--lake", str(lake), "--from", "2026-11-20", "--to", "2026-11-27",
                            "--output", str(tmp_path / "week.html"))
    assert code == 0 and "2026-11-20 to 2026-11-27" in (tmp_path / "week.html").read_text()
    code, _, err = newslake(capsys, "report", "--lake", str(lake), "--from", "2026-11-27", "--to", "2026-11-20",
                            "--output", str(tmp_path / "bad.html"))
    assert code == 2 and "before --from" in err and not (tmp_path / "bad.html").exists()
