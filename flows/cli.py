"""The `newslake` command line: run the nightly flow (one night, a backfill of nights, or served on a schedule),
query the lake with SQL, write a report page, and list the lake's tables, views and view definitions."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from flows.output import FORMATS, render_table, render_text, write_result
from flows.params import DEFAULTS, SERVER_PORT, TaskRunnerName
from flows.prefect_env import configure_local_prefect

if TYPE_CHECKING:
    import duckdb

DEFAULT_LAKE = DEFAULTS.lake


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _flow_kwargs(args: argparse.Namespace) -> dict[str, object]:
    return {
        "inputs": [str(p) for p in args.input],
        "lake": args.lake,
        "timezone_name": args.timezone,
        "batch_files": args.batch_files,
        "task_runner": args.task_runner,
        "workers": args.workers,
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


class UsageError(Exception):
    """A command cannot run as asked: `main` prints the reason on one line and exits with status 2."""


_SUMMARY_KEYS = ("run_id", "run_date", "status", "files_seen", "files_new", "articles", "duplicates", "headlines",
                 "stories_new", "statements", "quarantined", "snapshot", "lake")


def cmd_run(args: argparse.Namespace) -> int:
    kwargs = _flow_kwargs(args)
    run_date = args.date  # None: the flow's default, yesterday in --timezone
    if error := _validate(kwargs, run_date):
        raise UsageError(error)
    configure_local_prefect()
    from flows.nightly import nightly

    summary = nightly(**kwargs, run_date=run_date)
    print(render_table(["metric", "value"], [(k, summary[k]) for k in _SUMMARY_KEYS]))
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    if args.to_date < args.from_date:
        raise UsageError("--to is before --from")
    kwargs = _flow_kwargs(args)
    days = [args.from_date + timedelta(days=n) for n in range((args.to_date - args.from_date).days + 1)]
    for day in days:
        if error := _validate(kwargs, day):
            raise UsageError(f"{day}: {error}")
    configure_local_prefect()
    from flows.nightly import nightly

    rows = []
    for day in days:  # in order, one flow run per date: each date is its own partition and its own `runs` row
        summary = nightly(**kwargs, run_date=day)
        rows.append([summary[k] for k in ("run_date", "files_new", "articles", "headlines", "statements", "quarantined")])
    print(render_table(["run_date", "files_new", "articles", "headlines", "statements", "quarantined"], rows))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    configure_local_prefect()
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


def _one_line(error: Exception) -> str:
    """A DuckDB error as one line: its first line ("Parser Error: ..."), without DuckDB's multi-line context."""
    lines = str(error).strip().splitlines()
    first = lines[0] if lines else type(error).__name__
    return first if "Error" in first.split(":", 1)[0] else f"{type(error).__name__}: {first}"


def _existing_lake(root: str):  # noqa: ANN202 - a tasks.lake.Lake, imported late to keep `newslake --help` fast
    from tasks.lake import Lake

    lake = Lake(root)
    if not lake.exists:
        raise UsageError(f"no lake at {lake.root}: run `newslake run` first")
    return lake


def cmd_sql(args: argparse.Namespace) -> int:
    try:
        query = Path(args.file).read_text(encoding="utf-8") if args.file else args.query
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error.strerror}") from None
    if not query:
        raise UsageError("give a query or --file")
    if args.format == "parquet" and not args.output:
        raise UsageError("--format parquet needs --output FILE")
    with _existing_lake(args.lake).connect() as con:
        return _run_query(con, query, args)


def _run_query(con: duckdb.DuckDBPyConnection, query: str, args: argparse.Namespace) -> int:
    try:
        if args.output:
            relation = con.sql(query)
            if relation is None:
                raise UsageError("the statement returns no rows to write")
            rows = write_result(relation.to_arrow_table(), args.format, Path(args.output))
            print(f"newslake sql: {rows} rows written to {args.output}", file=sys.stderr)
            return 0
        result = con.execute(query)
        columns = [d[0] for d in result.description or []]
        print(render_text(columns, result.fetchall(), args.format))
    except UsageError:
        raise
    except Exception as error:  # noqa: BLE001 - DuckDB errors are the user's SQL errors: one line, no traceback
        print(f"newslake sql: {_one_line(error)}", file=sys.stderr)
        return 1
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from tasks.report.page import write_night_report
    from tasks.report.queries import latest_night

    lake = _existing_lake(args.lake)
    if args.date and (args.from_date or args.to_date):
        raise UsageError("give --date, or --from and --to")
    first, last = args.date or args.from_date, args.date or args.to_date
    if first is None or last is None:
        with lake.connect() as con:
            latest = latest_night(con)
        if latest is None:
            raise UsageError("the lake has no run yet")
        first, last = first or latest, last or latest
    if last < first:
        raise UsageError("--to is before --from")
    path = write_night_report(lake, first, last, Path(args.output))
    print(f"newslake report: {first}{'' if first == last else f' to {last}'} written to {path}", file=sys.stderr)
    return 0


def cmd_views(args: argparse.Namespace) -> int:
    sys.stdout.write(_existing_lake(args.lake).views_sql())
    return 0


def cmd_tables(args: argparse.Namespace) -> int:
    from tasks.lake.schemas import TABLES, describe
    from tasks.lake.views import mart_columns, view_grain

    for name, schema in TABLES.items():
        print(f"## {name}: {schema.metadata[b'grain'].decode()}")
        print(render_table(["column", "type", "description"], describe(schema)).rsplit("\n", 1)[0])
        print()
    for name, columns in mart_columns().items():
        print(f"## {name} (view): {view_grain(name)}")
        print(render_table(["column", "type"], columns).rsplit("\n", 1)[0])
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
        command.add_argument("--task-runner", choices=get_args(TaskRunnerName), default=DEFAULTS.task_runner,
                             help="where shards run (default: %(default)s: processes, threads for a single shard)")
        command.add_argument("--workers", type=int, help="worker processes (default: the machine's cores)")
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
    serve.add_argument("--port", type=int, default=SERVER_PORT,
                       help="port of the Prefect server started when PREFECT_API_URL is unset (default: %(default)s)")
    serve.set_defaults(handler=cmd_serve)

    sql = sub.add_parser("sql", help="run read-only SQL over the lake's DuckDB views")
    sql.add_argument("query", nargs="?", help="SQL text (one statement)")
    sql.add_argument("--file", help="read the SQL from a file (e.g. sql/examples/top_speakers.sql)")
    sql.add_argument("--lake", default=DEFAULT_LAKE, help="lake root (default: %(default)s)")
    sql.add_argument("--format", choices=FORMATS, default="table",
                     help="table (fitted to the terminal), csv, json, or parquet (with --output)")
    sql.add_argument("--output", metavar="FILE", help="write the result to FILE (newslake writes it; SQL cannot)")
    sql.set_defaults(handler=cmd_sql)

    report = sub.add_parser("report", help="write a night's (or a range's) report as one static HTML page")
    report.add_argument("--lake", default=DEFAULT_LAKE, help="lake root (default: %(default)s)")
    report.add_argument("--date", type=_iso_date, help="the night YYYY-MM-DD (default: the lake's latest run date)")
    report.add_argument("--from", dest="from_date", type=_iso_date, help="first night of a range")
    report.add_argument("--to", dest="to_date", type=_iso_date, help="last night of a range (inclusive)")
    report.add_argument("--output", required=True, metavar="FILE", help="the HTML file to write")
    report.set_defaults(handler=cmd_report)

    views = sub.add_parser("views", help="print the SQL that defines the lake's views (for the duckdb shell)")
    views.add_argument("--lake", default=DEFAULT_LAKE)
    views.set_defaults(handler=cmd_views)

    tables = sub.add_parser("tables", help="describe every table's columns and every view's grain and columns")
    tables.set_defaults(handler=cmd_tables)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"newslake {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
