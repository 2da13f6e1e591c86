"""Query results as text and files: a table fitted to a width, CSV and JSON in full, Parquet through the lake's
writer options."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows.output import MAX_CELL_CHARS, MIN_COLUMN_WIDTH, render_table, render_text, write_result

COLUMNS = ["speaker", "quote", "n"]
ROWS = [("Elena Brandt", "We cannot keep sending school buses over a bridge " * 3, 6), ("Piet Vos", None, 3)]


def test_a_table_fits_its_width_and_cuts_the_widest_column_first() -> None:
    lines = render_table(COLUMNS, ROWS, width=60).splitlines()
    assert max(map(len, lines)) <= 60
    assert lines[0].split(" | ")[0].strip() == "speaker" and "Elena Brandt" in lines[2]  # the narrow column whole
    assert lines[2].split(" | ")[1].endswith("…")  # the long quote cut, and marked as cut
    assert lines[-1] == "(2 rows)"


def test_no_column_is_narrowed_below_its_floor() -> None:
    lines = render_table(COLUMNS, ROWS, width=10).splitlines()
    widths = [len(cell) for cell in lines[1].split("-+-")]
    assert min(widths) >= min(MIN_COLUMN_WIDTH, len("n")) and widths[1] == MIN_COLUMN_WIDTH


def test_off_a_terminal_cells_are_cut_at_a_fixed_length_and_null_is_empty() -> None:
    lines = render_table(COLUMNS, ROWS).splitlines()  # pytest's stdout is no terminal
    assert len(lines[2].split(" | ")[1]) == MAX_CELL_CHARS
    assert lines[3].split(" | ")[1].strip() == ""


def test_csv_and_json_keep_every_value_whole() -> None:
    rows = [("a,b", datetime(2026, 11, 27, 6, 15, tzinfo=timezone.utc), date(2026, 11, 27))]
    parsed = list(csv.reader(io.StringIO(render_text(["x", "t", "d"], rows, "csv"))))
    assert parsed == [["x", "t", "d"], ["a,b", "2026-11-27 06:15:00+00:00", "2026-11-27"]]
    assert json.loads(render_text(["x", "t", "d"], rows, "json")) == [
        {"x": "a,b", "t": "2026-11-27T06:15:00+00:00", "d": "2026-11-27"}]


def test_a_result_file_is_never_cut_and_parquet_keeps_the_types(tmp_path: Path) -> None:
    table = pa.table({"quote": [ROWS[0][1]], "n": pa.array([6], pa.int64())})
    assert write_result(table, "table", tmp_path / "out" / "result.txt") == 1
    quote, n = (tmp_path / "out" / "result.txt").read_text().splitlines()[2].split(" | ")
    assert quote.split() == ROWS[0][1].split() and n.strip() == "6"
    write_result(table, "parquet", tmp_path / "result.parquet")
    assert pq.read_table(tmp_path / "result.parquet").equals(table)
