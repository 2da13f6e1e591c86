"""The `newslake` command line: run the nightly flow, and query the lake with SQL."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

DEFAULT_LAKE = os.environ.get("NEWSLAKE_LAKE", "data_lake")
_MAX_CELL = 80

# Prefect is local-only here: no analytics, no Cloud, and a patient ephemeral server (first start migrates a DB).
_PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_TASKS_DEFAULT_NO_CACHE": "true",
}


def _configure_prefect() -> None:
    for key, value in _PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _json_default(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def format_rows(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str) -> str:
    """Render query results as an aligned text table, CSV, or a JSON list of objects."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=_json_default, ensure_ascii=False, indent=1)
    if fmt == "csv":
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")

    def cell(value: object) -> str:
        text = "" if value is None else (value.isoformat() if isinstance(value, (date, datetime)) else str(value))
        text = " ".join(text.split())
        return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"

    table = [list(columns)] + [[cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(columns))]
    lines = [" | ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in table]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    missing = [p for p in args.input if not Path(p).exists()]
    if missing:
        print(f"newslake run: input path(s) not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.batch_files < 1:
        print("newslake run: --batch-files must be at least 1", file=sys.stderr)
        return 2
    _configure_prefect()
    from flows.nightly import nightly

    summary = nightly(
        inputs=[str(p) for p in args.input],
        lake=args.lake,
        run_date=args.date or date.today(),
        batch_files=args.batch_files,
        lock_timeout_s=args.lock_timeout,
    )
    keys = ("run_id", "run_date", "status", "files_seen", "files_new", "articles", "duplicates", "headlines",
            "stories_new", "statements", "quarantined", "snapshot", "lake")
    print(format_rows(["metric", "value"], [(k, summary[k]) for k in keys], "table"))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from tasks.lake import Lake

    query = Path(args.file).read_text() if args.file else args.query
    if not query:
        print("newslake sql: give a query or --file", file=sys.stderr)
        return 2
    try:
        con = Lake(args.lake).connect()
        result = con.execute(query)
    except FileNotFoundError as error:
        print(f"newslake sql: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - DuckDB errors are the user's SQL errors: show them plainly
        print(f"newslake sql: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    columns = [d[0] for d in result.description or []]
    print(format_rows(columns, result.fetchall(), args.format))
    return 0


def cmd_views(args: argparse.Namespace) -> int:
    from tasks.lake import Lake

    lake = Lake(args.lake)
    lake.init()
    sys.stdout.write(lake.views_sql())
    return 0


def cmd_tables(args: argparse.Namespace) -> int:
    from tasks.schemas import TABLES, describe

    for name, schema in TABLES.items():
        print(f"## {name}: {schema.metadata[b'grain'].decode()}")
        print(format_rows(["column", "type", "description"], describe(schema), "table").rsplit("\n", 1)[0])
        print()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslake", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the nightly flow once over input files or directories")
    run.add_argument("--input", action="append", required=True, metavar="PATH", help="file or directory (repeatable)")
    run.add_argument("--lake", default=DEFAULT_LAKE, help="lake root (default: %(default)s)")
    run.add_argument("--date", type=_iso_date, help="logical run date YYYY-MM-DD (default: today)")
    run.add_argument("--batch-files", type=int, default=200, help="input files per shard (default: %(default)s)")
    run.add_argument("--lock-timeout", type=float, default=0.0, help="seconds to wait for another writer (default: 0)")
    run.set_defaults(handler=cmd_run)

    sql = sub.add_parser("sql", help="run read-only SQL over the lake's DuckDB views")
    sql.add_argument("query", nargs="?", help="SQL text")
    sql.add_argument("--file", help="read the SQL from a file (e.g. sql/examples/top_speakers.sql)")
    sql.add_argument("--lake", default=DEFAULT_LAKE, help="lake root (default: %(default)s)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.set_defaults(handler=cmd_sql)

    views = sub.add_parser("views", help="print the SQL that defines the lake's views (for the duckdb shell)")
    views.add_argument("--lake", default=DEFAULT_LAKE)
    views.set_defaults(handler=cmd_views)

    tables = sub.add_parser("tables", help="describe every table's columns")
    tables.set_defaults(handler=cmd_tables)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
