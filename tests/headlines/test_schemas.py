"""The tables story clustering reads and writes (tasks/headlines/schemas.py) are what the merge's SQL gives it and
what it turns back into `headlines` and `stories` rows: same names, same types as the lake's columns."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from tasks.headlines import cluster_headlines, summarize_stories
from tasks.headlines.schemas import CLUSTER_INPUT, CLUSTERED, STORY_INDEX, STORY_SUMMARY
from tasks.lake import Lake
from tasks.lake.schemas import HEADLINES, STORIES
from tasks.lake.views import sql_text
from tests.headlines.nights import table

# What the merge adds to the clustered rows from the new rows before casting them to HEADLINES (tasks/run/merge.py).
FROM_THE_NEW_ROWS = ("role", "run_id", "ingest_date")


def _types(schema: pa.Schema) -> list[tuple[str, pa.DataType]]:
    return [(f.name, f.type) for f in schema]


def test_every_lake_column_of_the_clustering_tables_keeps_its_headlines_type() -> None:
    for schema in (CLUSTER_INPUT, STORY_INDEX, CLUSTERED):
        for field in schema:
            if field.name in HEADLINES.names:
                assert field.type == HEADLINES.field(field.name).type, (field.name, field.type)
    assert set(HEADLINES.names) <= set(CLUSTERED.names) | set(FROM_THE_NEW_ROWS)


def test_clustering_returns_exactly_the_clustered_columns_for_an_empty_and_a_real_night() -> None:
    night = table([("Port Alder bridge closes", 0), ("UPDATE 1-Port Alder bridge closes", 1)])
    night = night.append_column("dated", pa.array([True, True])).select(CLUSTER_INPUT.names)
    for new in (CLUSTER_INPUT.empty_table(), night):
        clustered = cluster_headlines(new, None)
        assert _types(clustered.schema) == _types(CLUSTERED)
        assert clustered.num_rows == new.num_rows


def test_the_merges_window_query_yields_the_story_index(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    midnight = datetime(2026, 11, 27, tzinfo=timezone.utc)
    with lake.connect_trusted() as con:
        prior = con.sql(sql_text("pipeline", "prior_headlines"),
                        params={"since": midnight, "until": midnight, "lead_chars": 400}).to_arrow_table()
    assert sorted(prior.column_names) == sorted(STORY_INDEX.names)
    prior.select(STORY_INDEX.names).cast(STORY_INDEX)  # every column converts to the declared type


def test_a_story_summary_is_a_stories_row_without_its_partition() -> None:
    assert STORY_SUMMARY.names + ["ingest_date"] == STORIES.names
    night = table([("Port Alder bridge closes", 0), ("Sorno market hall opens", 1)])
    clustered = cluster_headlines(night.append_column("dated", pa.array([True, True])).select(CLUSTER_INPUT.names), None)
    summary = summarize_stories(clustered)
    assert _types(summary.schema) == _types(STORY_SUMMARY) and summary.num_rows == 2
