"""Merge stage: fold a run's shard outputs into the lake's state, ready to commit.

Runs once per run, after every shard: drops articles the lake already has, clusters the new
headlines against the lake's story index, re-summarizes every story the run touched, and writes
the final files of every table. SQL lives in sql/pipeline/; this module only sequences it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from tasks.faults import failpoint
from tasks.headlines import CLUSTER_INPUT, HeadlineSettings, cluster_headlines, summarize_stories
from tasks.lake import Lake, PartWriter, write_table
from tasks.lake.schemas import FILES, HEADLINES, STAGED, TABLES
from tasks.lake.views import file_view_sql, sql_text
from tasks.quotes.propagation import QuoteSettings, assign_quote_ids
from tasks.records import RunInfo, ShardResult
from tasks.run.layout import Staging

LEAD_CHARS = 400  # characters of the body given to story matching as context
# Tables that get rows before the shards run (discovery rejections, skipped inputs).
PLANNED_TABLES = ("quarantine", "inputs")
_BATCH_ROWS = 10_000
# DuckDB's own memory in the merge (its buffer pool; it spills to the merge database's directory beyond it). By
# default DuckDB keeps up to 80% of RAM, so the night's articles stayed resident while story clustering and quote
# matching, which run in Python beside it, grew. With this limit and the winners chosen on their keys
# (new_articles.sql), the articles step of a night of 100,000 JSONL articles peaks at 0.75 GB instead of 1.76 GB
# (bench/pipeline.py).
DUCKDB_MEMORY = "512MB"


@dataclass
class MergeResult:
    """What a run will commit: its final files per table (each with its partition), the committed files they
    supersede (copy-on-write), and the counts that go into its `runs` row."""

    files: dict[str, list[tuple[Path, date]]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _pipeline(name: str) -> str:
    return sql_text("pipeline", name)


class _FinalFiles:
    """The run's final files per table (written under staging/final/), placed under tables/ at the end."""

    def __init__(self, staging: Staging, run: RunInfo) -> None:
        self.staging, self.run = staging, run
        self.outputs: dict[str, list[tuple[Path, date]]] = {name: [] for name in TABLES}

    def emit(self, table: str, rows: duckdb.DuckDBPyRelation) -> int:
        """Stream a relation's rows into the table's final file in batches (bounded memory); returns the row count."""
        writer = PartWriter(self.staging.final_part(table), TABLES[table])
        try:
            for batch in rows.to_arrow_reader(_BATCH_ROWS):
                writer.write(pa.Table.from_batches([batch]))
        except BaseException:
            writer.abort()
            raise
        if writer.close() is not None:
            self.outputs[table].append((writer.path, self.run.run_date))
        return writer.rows

    def write(self, table: str, rows: pa.Table, partition: date) -> None:
        """Write rows that belong to another partition than the run's (stories keep their creation date)."""
        path = write_table(rows, self.staging.final_part(table, partition), TABLES[table])
        self.outputs[table].append((path, partition))


def _connect(
    lake: Lake, staging: Staging, shards: Sequence[ShardResult], planned: Mapping[str, pa.Table]
) -> duckdb.DuckDBPyConnection:
    staging.root.mkdir(parents=True, exist_ok=True)
    for stale in (staging.merge_database, staging.merge_database.with_name(staging.merge_database.name + ".wal")):
        stale.unlink(missing_ok=True)  # an earlier attempt's tables: a retried merge starts from the shards again
    # On disk, and held to DUCKDB_MEMORY: the night's tables spill instead of staying resident beside clustering.
    con = duckdb.connect(str(staging.merge_database), config={"memory_limit": DUCKDB_MEMORY})
    con.execute(lake.source_views_sql())
    for table, schema in STAGED.items():
        empty = write_table(schema.empty_table(), staging.empty_part(table), schema)
        con.execute(file_view_sql(f"staged_{table}", [empty, *(s.parts[table] for s in shards if table in s.parts)]))
    for table in PLANNED_TABLES:
        rows = planned.get(table)
        con.register(f"planned_{table}", TABLES[table].empty_table() if rows is None else rows.cast(TABLES[table]))
    return con


def _cluster(con: duckdb.DuckDBPyConnection, run: RunInfo, settings: HeadlineSettings) -> pa.Table:
    """The run's new headlines with dup groups and stories, matched against the lake's headlines in the window."""
    midnight, window = run.run_midnight, timedelta(days=settings.window_days)
    new = con.sql(_pipeline("new_headlines"), params={"lead_chars": LEAD_CHARS}).to_arrow_table()
    prior = con.sql(
        _pipeline("prior_headlines"),
        params={"since": midnight - window, "until": midnight + timedelta(days=1) + window, "lead_chars": LEAD_CHARS},
    ).to_arrow_table()
    clustered = cluster_headlines(new.select(CLUSTER_INPUT.names), prior, settings)
    for name in ("role", "run_id", "ingest_date"):
        clustered = clustered.append_column(name, new.column(name))
    return clustered.select(HEADLINES.names).cast(HEADLINES)


def _stories(con: duckdb.DuckDBPyConnection, run: RunInfo, final: _FinalFiles) -> tuple[int, list[str]]:
    """Re-summarize every story the run touched; returns the number of new stories and the files they supersede."""
    con.register("summaries", summarize_stories(con.sql(_pipeline("story_members")).to_arrow_table()))
    rewrite = [row[0] for row in con.execute(_pipeline("story_files_to_rewrite")).fetchall()]
    con.register("rewrite_files", pa.table({"filename": pa.array(rewrite, pa.string())}))
    story_rows = con.sql(_pipeline("story_rows"), params={"run_date": run.run_date}).to_arrow_table()
    for partition in pc.unique(story_rows.column("ingest_date")).to_pylist():
        final.write("stories", story_rows.filter(pc.equal(story_rows.column("ingest_date"), partition)), partition)
    return pc.sum(story_rows.column("is_new")).as_py() or 0, rewrite


def _quoted(con: duckdb.DuckDBPyConnection, run: RunInfo, settings: QuoteSettings) -> duckdb.DuckDBPyRelation:
    """The run's new statements, each with the quote_id it shares with its copies in other articles.

    The statements stay in the merge database (on disk, so a big night spills); only the columns quote matching
    reads go to Python, and the quote ids come back as a column joined by position."""
    con.execute(f"create or replace table new_statements as {_pipeline('new_statements')}",
                {"run_midnight": run.run_midnight})
    new = con.sql(_pipeline("quote_match_input")).to_arrow_table()
    since = run.run_midnight - timedelta(days=settings.window_days)
    prior = con.sql(_pipeline("prior_statements"), params={"since": since}).to_arrow_table()
    con.register("new_quote_ids", pa.table({"quote_id": assign_quote_ids(new, prior, settings)}))
    return con.sql(_pipeline("quoted_statements"))


def merge_run(
    lake: Lake,
    run: RunInfo,
    shards: Sequence[ShardResult],
    planned: Mapping[str, pa.Table] | None = None,
    settings: HeadlineSettings | None = None,
) -> MergeResult:
    """Turn staged shard parts into the final files of this run and the commit that publishes them.

    Args:
        lake: the lake (its committed snapshot is the state merged against; hold the writer lock).
        run: the run's id and logical date.
        shards: results of every shard of the run.
        planned: rows made before the shards ran, by table: "quarantine" (discovery rejections) and "inputs"
            (skipped inputs), in those tables' schemas.
        settings: headline clustering settings (defaults if None).

    Returns:
        The final files (in the run's staging directory), the files they supersede, and row counts per table.
    """
    staging = Staging(lake.staging_dir(run.run_id), run.run_id)
    con = _connect(lake, staging, shards, planned or {})
    try:
        return _merge(con, lake, run, shards, _FinalFiles(staging, run), settings or HeadlineSettings())
    finally:
        con.close()


def _merge(con: duckdb.DuckDBPyConnection, lake: Lake, run: RunInfo, shards: Sequence[ShardResult],
           final: _FinalFiles, settings: HeadlineSettings) -> MergeResult:
    counts: dict[str, int] = {}
    failpoint("merge.connected")

    # 1. Articles the lake does not have yet; the others are duplicates (counted in `runs`, not dropped silently).
    con.execute(_pipeline("new_articles"))
    for table in ("headlines", "statements"):  # their rows of the copies that won
        con.execute(_pipeline("winning_copy_rows").format(table=table))
    counts["articles"] = final.emit("articles", con.table("new_articles"))
    counts["duplicates"] = sum(s.counts.get("articles", 0) for s in shards) - counts["articles"]
    failpoint("merge.articles")

    # 2. Headlines: cluster the new ones against the lake's story index inside the time window.
    clustered = _cluster(con, run, settings)
    con.register("clustered", clustered)
    counts["headlines"] = final.emit("headlines", con.from_arrow(clustered))
    failpoint("merge.headlines")

    # 3. Stories: re-summarize every touched story; rewrite the committed files that held their old versions.
    counts["stories_new"], rewrite = _stories(con, run, final)
    failpoint("merge.stories")

    # 4. Statements of new articles, each with its quote (matched against the lake's statements in the window).
    counts["statements"] = final.emit("statements", _quoted(con, run, QuoteSettings()))
    failpoint("merge.statements")

    # 5. Quarantine, the file manifest, the outcome of every input path.
    counts["quarantined"] = final.emit("quarantine", con.sql(_pipeline("run_quarantine")))
    con.execute(_pipeline("run_files"))
    final.emit("files", con.table("run_files").select(*FILES.names))
    con.execute(_pipeline("run_inputs"), {"run_id": run.run_id, "run_date": run.run_date})
    final.emit("inputs", con.table("run_inputs"))
    [(counts["skipped"],)] = con.table("run_inputs").filter("outcome = 'skipped'").count("*").fetchall()
    failpoint("merge.inputs")

    removed = {"stories": [str(Path(f).resolve().relative_to(lake.root)) for f in rewrite]}
    return MergeResult(final.outputs, removed, counts)
