"""Query results for people and files: an aligned table fitted to the terminal, CSV, JSON, or Parquet."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.lake.files import PARQUET_OPTIONS

FORMATS = ("table", "csv", "json", "parquet")
# A column is never narrowed below this (or its header), however wide the others are.
MIN_COLUMN_WIDTH = 8
# Not on a terminal (a pipe, a log), a table keeps its columns whole, only each cell is cut at this many characters.
MAX_CELL_CHARS = 80
_SEPARATOR = " | "


def _json_default(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _cell(value: object) -> str:
    text = "" if value is None else (value.isoformat() if isinstance(value, (date, datetime)) else str(value))
    return " ".join(text.split())


def _fit(widths: list[int], floors: list[int], total: int) -> list[int]:
    """Narrow the widest columns, one character at a time, until the row fits in `total` characters."""
    widths = list(widths)
    while sum(widths) + len(_SEPARATOR) * (len(widths) - 1) > total:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[widest] <= floors[widest]:
            break  # every column at its floor: let the terminal wrap
        widths[widest] -= 1
    return widths


def _terminal_width() -> int | None:
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def render_table(columns: Sequence[str], rows: Sequence[Sequence[object]], width: int | None = None) -> str:
    """An aligned text table no wider than `width` (default: the terminal's, when printing to one; elsewhere
    cells are cut at MAX_CELL_CHARS), long cells cut with "…"."""
    width = width or _terminal_width()
    table = [list(columns)] + [[_cell(v) for v in row] for row in rows]
    natural = [max(len(r[i]) for r in table) for i in range(len(columns))]
    if width is None:  # not a terminal: every column whole, each cell cut at MAX_CELL_CHARS
        natural = [min(n, max(MAX_CELL_CHARS, len(c))) for n, c in zip(natural, columns)]
        width = sum(natural) + len(_SEPARATOR) * (len(columns) - 1)
    floors = [min(n, max(MIN_COLUMN_WIDTH, len(c))) for n, c in zip(natural, columns)]
    widths = _fit(natural, floors, width)

    def clip(text: str, w: int) -> str:
        return text if len(text) <= w else text[: w - 1] + "…"

    lines = [_SEPARATOR.join(clip(v, w).ljust(w) for v, w in zip(r, widths)).rstrip() for r in table]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def render_text(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str, width: int | None = None) -> str:
    """Rows as text: an aligned table, CSV (every value in full), or a JSON list of objects."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=_json_default, ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    return render_table(columns, rows, width)


def write_result(table: pa.Table, fmt: str, path: Path) -> int:
    """Write a query result to a file in `fmt`; returns the row count. Tables in files are never cut to a width."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        pq.write_table(table, path, **PARQUET_OPTIONS)
    else:
        rows = [tuple(row.values()) for row in table.to_pylist()]
        path.write_text(render_text(table.column_names, rows, fmt, width=1 << 30) + "\n", encoding="utf-8")
    return table.num_rows
