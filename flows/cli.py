"""The `newslake` command line: run the nightly flow, and query the lake with SQL."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from flows.params import DEFAULTS

DEFAULT_LAKE = os.environ.get("NEWSLAKE_LAKE", DEFAULTS.lake)
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


def _flow_kwargs(args: argparse.Namespace) -> dict[str, object]:
    return {
        "inputs": [str(p) for p in args.input],
        "lake": args.lake,
        "timezone_name": args.timezone,
        "batch_files": args.batch_files,
        "task_runner": args.task_runner,
        "dask_address": args.dask_address,
        "lock_timeout_s": args.lock_timeout,
    }


def _validate(kwargs: dict[str, object], run_date: date | None) -> str | None:
    """Check parameters the way the flow will, before paying for Prefect's start-up; returns an error or None."""
    from pydantic import ValidationError

    from flows.params import NightlyParams

    try:
        params = NightlyParams.from_flow(**kwargs, run_date=run_date)
        params.resolved_inputs(params.resolved_date())
    except ValidationError as error:
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'parameters'}: {e['msg']}" for e in error.errors())
    except ValueError as error:
        return str(error)
    return None


_SUMMARY_KEYS = ("run_id", "run_date", "status", "files_seen", "files_new", "articles", "duplicates", "headlines",
                 "stories_new", "statements", "quarantined", "snapshot", "lake")


def cmd_run(args: argparse.Namespace) -> int:
    kwargs = _flow_kwargs(args)
    run_date = args.date  # None: the flow's default, yesterday in --timezone
    if error := _validate(kwargs, run_date):
        print(f"newslake run: {error}", file=sys.stderr)
        return 2
    _configure_prefect()
    from flows.nightly import nightly

    summary = nightly(**kwargs, run_date=run_date)
    print(format_rows(["metric", "value"], [(k, summary[k]) for k in _SUMMARY_KEYS], "table"))
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    if args.to_date < args.from_date:
        print("newslake backfill: --to is before --from", file=sys.stderr)
        return 2
    kwargs = _flow_kwargs(args)
    days = [args.from_date + timedelta(days=n) for n in range((args.to_date - args.from_date).days + 1)]
    for day in days:
        if error := _validate(kwargs, day):
            print(f"newslake backfill: {day}: {error}", file=sys.stderr)
            return 2
    _configure_prefect()
    from flows.nightly import nightly

    rows = []
    for day in days:  # in order, one flow run per date: each date is its own partition and its own `runs` row
        summary = nightly(**kwargs, run_date=day)
        rows.append([summary[k] for k in ("run_date", "files_new", "articles", "headlines", "statements", "quarantined")])
    print(format_rows(["run_date", "files_new", "articles", "headlines", "statements", "quarantined"], rows, "table"))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _configure_prefect()
    from flows.serve import local_prefect_server, serve

    overrides = {"inputs": args.input} if args.input else {}
    if args.lake:
        overrides["lake"] = args.lake
    try:
        if os.environ.get("PREFECT_API_URL"):
            serve(overrides)
        else:
            # Prefect's ephemeral server cannot schedule: run a real one for as long as we serve.
            print(f"newslake serve: no PREFECT_API_URL, starting a Prefect server on 127.0.0.1:{args.port}", file=sys.stderr)
            with local_prefect_server(args.port) as api_url:
                os.environ["PREFECT_API_URL"] = api_url
                print(f"newslake serve: UI at {api_url.removesuffix('/api')}", file=sys.stderr)
                serve(overrides)
    except KeyboardInterrupt:
        pass
    print("newslake serve: stopped", file=sys.stderr)
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
    if not lake.exists:
        print(f"newslake views: no lake at {lake.root}: run `newslake run` first", file=sys.stderr)
        return 2
    sys.stdout.write(lake.views_sql())
    return 0


def cmd_tables(args: argparse.Namespace) -> int:
    from tasks.lake.schemas import TABLES, describe

    for name, schema in TABLES.items():
        print(f"## {name}: {schema.metadata[b'grain'].decode()}")
        print(format_rows(["column", "type", "description"], describe(schema), "table").rsplit("\n", 1)[0])
        print()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslake", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def add_run_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--input", action="append", required=True, metavar="PATH",
                             help="file, directory or glob; {date} is replaced by the run date (repeatable)")
        command.add_argument("--lake", default=DEFAULT_LAKE, help="lake root (default: %(default)s)")
        command.add_argument("--timezone", default=DEFAULTS.timezone,
                             help="IANA zone whose yesterday is the default run date (default: %(default)s)")
        command.add_argument("--batch-files", type=int, default=DEFAULTS.batch_files,
                             help="input files per shard (default: %(default)s)")
        command.add_argument("--task-runner", choices=("thread", "dask"), default=DEFAULTS.task_runner,
                             help="where shards run (default: %(default)s)")
        command.add_argument("--dask-address", help="scheduler address of an existing Dask cluster")
        command.add_argument("--lock-timeout", type=float, default=DEFAULTS.lock_timeout_s,
                             help="seconds to wait for another writer (default: %(default)s)")

    run = sub.add_parser("run", help="run the nightly flow once over input files or directories")
    add_run_options(run)
    run.add_argument("--date", type=_iso_date, help="logical run date YYYY-MM-DD (default: yesterday in --timezone)")
    run.set_defaults(handler=cmd_run)

    backfill = sub.add_parser("backfill", help="one flow run per date, in order (idempotent)")
    add_run_options(backfill)
    backfill.add_argument("--from", dest="from_date", type=_iso_date, required=True, help="first date YYYY-MM-DD")
    backfill.add_argument("--to", dest="to_date", type=_iso_date, required=True, help="last date YYYY-MM-DD (inclusive)")
    backfill.set_defaults(handler=cmd_backfill)

    serve = sub.add_parser("serve", help="serve the nightly schedule of deployments/prefect.yaml from this process")
    serve.add_argument("--input", action="append", metavar="PATH", help="override the deployment's landing inputs")
    serve.add_argument("--lake", help="override the deployment's lake root")
    serve.add_argument("--port", type=int, default=4200, help="port of the Prefect server started when PREFECT_API_URL is unset")
    serve.set_defaults(handler=cmd_serve)

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
