"""The tables story clustering reads and writes, derived from the lake's `headlines` and `stories` schemas."""

from __future__ import annotations

import pyarrow as pa

from tasks.lake.schemas import HEADLINES, STORIES


def _columns(schema: pa.Schema, names: list[str]) -> list[pa.Field]:
    return [schema.field(name) for name in names]


_LEAD = pa.field("lead", pa.string(), metadata={"doc": "opening characters of the article body: story-matching context"})
_DATED = pa.field(
    "dated", pa.bool_(),
    metadata={"doc": "seen_at is the article's own time (published or fetched), not the run's midnight; null counts as dated"},
)

CLUSTER_INPUT = pa.schema(
    [*_columns(HEADLINES, ["headline_id", "article_id", "text", "seen_at", "source"]), _LEAD, _DATED],
    metadata={"grain": "one row per new headline to fold and cluster"},
)
STORY_INDEX = pa.schema(
    [*CLUSTER_INPUT, *_columns(HEADLINES, ["text_norm", "dup_group_id", "story_id"])],
    metadata={"grain": "one row per lake headline inside the matching window (the prior night's groups and stories)"},
)
CLUSTERED = pa.schema(
    [*CLUSTER_INPUT, *_columns(HEADLINES, ["text_norm", "dup_group_id", "story_id", "is_canonical"])],
    metadata={"grain": "one row per new headline, with its dup group and story"},
)
STORY_SUMMARY = pa.schema(
    [f for f in STORIES if f.name != "ingest_date"],
    metadata={"grain": "one row per story touched by a run (partition assigned by the merge)"},
)
