"""Merge stage: fold a run's shard outputs into the lake's state, ready to commit.

Runs once per run, after every shard: drops articles the lake already has, clusters the new
headlines against the lake's story index, re-summarizes every story the run touched, and writes
the final files of every table. SQL lives in sql/pipeline/; this module only sequences it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from tasks.headlines.cluster import HeadlineSettings, cluster_headlines, summarize_stories
from tasks.lake.store import SQL_DIR, Commit, Lake, PartWriter, Snapshot, write_table
from tasks.lake.schemas import FILES, HEADLINES, QUARANTINE, RUNS, STORIES, TABLES
from tasks.run.shard import RunInfo, ShardResult

LEAD_CHARS = 400  # characters of the body given to story matching as context
_BATCH_ROWS = 10_000
_CLUSTER_INPUT = ["headline_id", "article_id", "text", "seen_at", "source", "lead"]


@dataclass
class MergeResult:
    """The commit a run will make, and the counts that go into its `runs` row."""

    commit: Commit
    counts: dict[str, int] = field(default_factory=dict)


def _pipeline_sql(name: str) -> str:
    return (SQL_DIR / "pipeline" / f"{name}.sql").read_text()


def _stream_to(rows: duckdb.DuckDBPyRelation, path: Path, schema: pa.Schema) -> int:
    """Write a relation's rows to one Parquet file in batches (bounded memory); returns the row count, 0 = no file."""
    writer = PartWriter(path, schema)
    for batch in rows.to_arrow_reader(_BATCH_ROWS):
        writer.write(pa.Table.from_batches([batch]))
    writer.close()
    return writer.rows


def merge_run(
    lake: Lake,
    run: RunInfo,
    shards: Sequence[ShardResult],
    discovery_quarantine: pa.Table | None = None,
    settings: HeadlineSettings | None = None,
) -> MergeResult:
    """Turn staged shard parts into the final files of this run and the commit that publishes them.

    Args:
        lake: the lake (its committed snapshot is the state merged against; hold the writer lock).
        run: the run's id and logical date.
        shards: results of every shard of the run.
        discovery_quarantine: rejections found before the shards ran (QUARANTINE schema), if any.
        settings: headline clustering settings (defaults if None).

    Returns:
        The commit (files placed under tables/, not yet visible) and row counts per table.
    """
    settings = settings or HeadlineSettings()
    stage = lake.staging_dir(run.run_id)
    stage.mkdir(parents=True, exist_ok=True)
    final_dir = stage / "final"
    con = duckdb.connect(str(stage / "merge.duckdb"))  # on disk: large runs spill instead of failing
    con.execute(lake.source_views_sql())
    for table in ("articles", "headlines", "statements", "quarantine", "files"):
        con.execute(lake.file_view_sql(f"staged_{table}", table, [s.parts[table] for s in shards if table in s.parts]))
    con.register("discovery_quarantine", (QUARANTINE.empty_table() if discovery_quarantine is None else discovery_quarantine).cast(QUARANTINE))

    counts: dict[str, int] = {}
    outputs: dict[str, list[tuple[Path, date]]] = {name: [] for name in TABLES}

    def emit(table: str, rows: duckdb.DuckDBPyRelation) -> int:
        path = final_dir / table / f"{run.run_id}.parquet"
        written = _stream_to(rows, path, TABLES[table])
        if written:
            outputs[table].append((path, run.run_date))
        return written

    # 1. Articles the lake does not have yet; the others are duplicates (counted in `runs`, not dropped silently).
    con.execute(_pipeline_sql("new_articles"))
    counts["articles"] = emit("articles", con.table("new_articles"))
    counts["duplicates"] = sum(s.counts.get("articles", 0) for s in shards) - counts["articles"]

    # 2. Headlines: cluster the new ones against the lake's story index inside the time window.
    midnight = run.run_midnight
    window = timedelta(days=settings.window_days)
    new = con.sql(_pipeline_sql("new_headlines"), params={"lead_chars": LEAD_CHARS}).to_arrow_table()
    prior = con.sql(
        _pipeline_sql("prior_headlines"),
        params={"since": midnight - window, "until": midnight + timedelta(days=1) + window, "lead_chars": LEAD_CHARS},
    ).to_arrow_table()
    clustered = cluster_headlines(new.select(_CLUSTER_INPUT), prior, settings)
    for name in ("role", "run_id", "ingest_date"):
        clustered = clustered.append_column(name, new.column(name))
    clustered = clustered.select(HEADLINES.names).cast(HEADLINES)
    con.register("clustered", clustered)
    counts["headlines"] = emit("headlines", con.from_arrow(clustered))

    # 3. Stories: re-summarize every touched story; rewrite the committed files that held their old versions.
    con.register("summaries", summarize_stories(con.sql(_pipeline_sql("story_members")).to_arrow_table()))
    rewrite = [row[0] for row in con.execute(_pipeline_sql("story_files_to_rewrite")).fetchall()]
    con.register("rewrite_files", pa.table({"filename": pa.array(rewrite, pa.string())}))
    story_rows = con.sql(_pipeline_sql("story_rows"), params={"run_date": run.run_date}).to_arrow_table()
    counts["stories_new"] = pc.sum(story_rows.column("is_new")).as_py() or 0
    for partition_date in pc.unique(story_rows.column("ingest_date")).to_pylist():
        path = final_dir / "stories" / partition_date.isoformat() / f"{run.run_id}.parquet"
        rows = story_rows.filter(pc.equal(story_rows.column("ingest_date"), partition_date))
        outputs["stories"].append((write_table(rows, path, STORIES), partition_date))

    # 4. Statements of new articles, quarantine, the file manifest.
    counts["statements"] = emit("statements", con.sql(_pipeline_sql("new_statements")))
    counts["quarantined"] = emit("quarantine", con.sql(_pipeline_sql("run_quarantine")))
    emit("files", con.table("staged_files").select(*FILES.names))
    con.close()

    commit = Commit(removed={"stories": [str(Path(f).resolve().relative_to(lake.root)) for f in rewrite]})
    for table, files in outputs.items():
        for path, partition_date in files:
            commit.added.setdefault(table, []).append(lake.place(path, table, partition_date, f"{run.run_id}.parquet"))
    return MergeResult(commit, counts)


def runs_row(
    run: RunInfo,
    *,
    flow_run_id: str | None,
    started_at: datetime,
    status: str,
    files_seen: int,
    files_new: int,
    counts: dict[str, int],
) -> pa.Table:
    """The `runs` row of one run."""
    row = {
        "run_id": run.run_id,
        "flow_run_id": flow_run_id,
        "run_date": run.run_date,
        "started_at": started_at,
        "finished_at": datetime.now(timezone.utc),
        "status": status,
        "files_seen": files_seen,
        "files_new": files_new,
        "ingest_date": run.run_date,
        **{name: counts.get(name, 0) for name in ("articles", "duplicates", "headlines", "stories_new", "statements", "quarantined")},
    }
    return pa.Table.from_pylist([row], schema=RUNS)


def commit_run(lake: Lake, run: RunInfo, merged: MergeResult, runs: pa.Table) -> Snapshot:
    """Add the run's `runs` row to its commit and publish everything in one snapshot (hold the writer lock)."""
    path = write_table(runs, lake.partition_path("runs", run.run_date, f"{run.run_id}.parquet"), RUNS)
    added = {**merged.commit.added, "runs": [path]}
    return lake.commit(run.run_id, Commit(added=added, removed=merged.commit.removed))


def record_failed_run(lake: Lake, run: RunInfo, runs: pa.Table) -> Snapshot:
    """Commit only the `runs` row of a run that failed, so the failure is visible in the lake (hold the writer lock)."""
    return commit_run(lake, run, MergeResult(Commit()), runs)
