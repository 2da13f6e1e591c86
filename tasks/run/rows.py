"""Table rows of a run's records: every row is built against its table's schema, so no column list is typed twice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

import pyarrow as pa

from tasks.ids import stable_id
from tasks.lake.schemas import ARTICLES, FILES, INPUTS, QUARANTINE, RUNS, STAGED_HEADLINES, STAGED_STATEMENTS
from tasks.quotes.speakers import speaker_key
from tasks.records import CleanArticle, InputFile, InputOutcome, Rejected, RunInfo
from tasks.statements import Statement

# The counts a run reports in its `runs` row, as the merge computes them.
RUN_COUNTS = ("skipped", "articles", "duplicates", "headlines", "stories_new", "statements", "quarantined")


# The column names of each schema rows are built against, read once: `pa.Schema.names` builds a new list on every
# call (2 us), and a night builds millions of rows. Keyed by id, with the schema kept to rule out a reused id.
_COLUMNS: dict[int, tuple[pa.Schema, tuple[str, ...], frozenset[str]]] = {}


def _columns(schema: pa.Schema) -> tuple[tuple[str, ...], frozenset[str]]:
    entry = _COLUMNS.get(id(schema))
    if entry is None or entry[0] is not schema:
        entry = _COLUMNS[id(schema)] = (schema, tuple(schema.names), frozenset(schema.names))
    return entry[1], entry[2]


def schema_row(schema: pa.Schema, values: Mapping[str, object]) -> dict[str, object]:
    """The schema's columns, in order, taken from `values` (which may hold more).

    Raises:
        KeyError: a column has no value: a writer that missed a schema change fails loudly, not with nulls.
    """
    names, required = _columns(schema)
    if not required <= values.keys():
        missing = [name for name in names if name not in values]
        raise KeyError(f"no value for column(s) {missing} ({schema.metadata[b'grain'].decode()})")
    return {name: values[name] for name in names}


def _run_columns(run: RunInfo) -> dict[str, object]:
    return {"run_id": run.run_id, "ingest_date": run.run_date}


def article_row(article: CleanArticle, run: RunInfo) -> dict[str, object]:
    """The `articles` row of one clean article."""
    return schema_row(ARTICLES, {
        **vars(article),
        "authors": list(article.authors),
        "word_count": len(article.body.split()),
        "replacement_chars": article.body.count("\ufffd"),
        "stray_blocks": [{"start": s, "end": e, "heading": heading} for s, e, heading in article.stray_blocks],
        **_run_columns(run),
    })


def headline_rows(article: CleanArticle, run: RunInfo) -> list[dict[str, object]]:
    """The staged `headlines` rows of one clean article (groups and stories are assigned by the merge)."""
    seen_at = article.published_at or article.fetched_at or run.run_midnight
    return [
        schema_row(STAGED_HEADLINES, {
            "headline_id": stable_id(article.article_id, text), "article_id": article.article_id, "text": text,
            "role": role, "seen_at": seen_at, "source": article.source, "source_uri": article.source_uri,
            **_run_columns(run),
        })
        for role, text in article.headlines
    ]


def statement_rows(article: CleanArticle, statements: Iterable[Statement], run: RunInfo) -> list[dict[str, object]]:
    """The staged `statements` rows of one article's statements, with offsets into its body."""
    return [
        schema_row(STAGED_STATEMENTS, {
            **vars(found),
            "statement_id": stable_id(article.article_id, str(found.content_start), str(found.content_end)),
            "article_id": article.article_id,
            "speaker_key": speaker_key(found.speaker_canonical, found.speaker_type),
            "source_uri": article.source_uri,
            **_run_columns(run),
        })
        for found in statements
    ]


def quarantine_row(rejected: Rejected, run: RunInfo) -> dict[str, object]:
    """The `quarantine` row of one rejection."""
    return schema_row(QUARANTINE, {**vars(rejected), "quarantined_at": datetime.now(timezone.utc), **_run_columns(run)})


def file_row(
    file: InputFile, source_format: str, articles: int, quarantined: int, skipped_records: Mapping[str, int], run: RunInfo
) -> dict[str, object]:
    """The `files` manifest row of one ingested input file."""
    return schema_row(FILES, {
        "content_sha256": file.content_sha256, "source_uri": file.uri, "size_bytes": file.size_bytes,
        "source_format": source_format, "articles": articles, "quarantined": quarantined,
        "skipped_records": dict(skipped_records), **_run_columns(run),
    })


def input_row(outcome: InputOutcome, run: RunInfo) -> dict[str, object]:
    """The `inputs` row of one input path's outcome."""
    return schema_row(INPUTS, {**vars(outcome), "source_uri": outcome.uri, **_run_columns(run)})


def runs_row(
    run: RunInfo,
    *,
    flow_run_id: str | None,
    started_at: datetime,
    status: str | None,
    files_seen: int,
    files_new: int,
    counts: Mapping[str, int],
    stage_seconds: Mapping[str, float] | None = None,
    startup_seconds: float | None = None,
) -> pa.Table:
    """The `runs` row of one run, as a one-row table.

    A status of None is decided from the counts: `partial` when something was quarantined, else `completed`.
    """
    if status is None:
        status = "partial" if counts.get("quarantined", 0) else "completed"
    row = schema_row(RUNS, {
        "run_id": run.run_id, "flow_run_id": flow_run_id, "run_date": run.run_date, "started_at": started_at,
        "finished_at": datetime.now(timezone.utc), "status": status, "files_seen": files_seen,
        "files_new": files_new, "ingest_date": run.run_date, **{name: counts.get(name, 0) for name in RUN_COUNTS},
        "stage_seconds": {name: round(value, 3) for name, value in stage_seconds.items()} if stage_seconds else None,
        "startup_seconds": None if startup_seconds is None else round(startup_seconds, 3),
    })
    return pa.Table.from_pylist([row], schema=RUNS)
