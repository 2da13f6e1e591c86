"""Rows are built against their table's schema: every column gets a value, and a forgotten one fails loudly."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pyarrow as pa
import pytest

from tasks.lake.schemas import ARTICLES, QUARANTINE, RUNS, STAGED_HEADLINES, STAGED_STATEMENTS
from tasks.records import CleanArticle, Rejected, RunInfo
from tasks.run.rows import article_row, headline_rows, quarantine_row, runs_row, schema_row, statement_rows
from tasks.statements import extract_statements

RUN = RunInfo("20261127T020000.000000Z-test00", date(2026, 11, 27))
ARTICLE = CleanArticle(
    article_id="a1", source_uri="inbox/a.txt", source_format="txt", content_sha256="f" * 64,
    body='"The bridge reopens in June," Mayor Elena Brandt said.', title="Bridge reopens",
    headlines=(("title", "Bridge reopens"), ("variant", "Harbor bridge to reopen")), stray_blocks=((0, 5, "x"),),
)


def test_schema_row_refuses_a_missing_column() -> None:
    with pytest.raises(KeyError, match="word_count"):
        schema_row(ARTICLES, {name: None for name in ARTICLES.names if name != "word_count"})


@pytest.mark.parametrize(
    ("rows", "schema"),
    [
        ([article_row(ARTICLE, RUN)], ARTICLES),
        (headline_rows(ARTICLE, RUN), STAGED_HEADLINES),
        (statement_rows(ARTICLE, extract_statements(ARTICLE.body), RUN), STAGED_STATEMENTS),
        ([quarantine_row(Rejected("inbox/b.txt", None, "ingest", "empty_file", "file is empty"), RUN)], QUARANTINE),
    ],
)
def test_rows_convert_to_their_schema(rows: list[dict[str, object]], schema: pa.Schema) -> None:
    table = pa.Table.from_pylist(rows, schema=schema)
    assert table.num_rows == len(rows) > 0 and table.column("run_id").to_pylist() == [RUN.run_id] * len(rows)


def test_undated_headlines_take_the_run_midnight_and_keep_their_copy() -> None:
    rows = headline_rows(ARTICLE, RUN)
    assert [r["role"] for r in rows] == ["title", "variant"]
    assert {r["seen_at"] for r in rows} == {datetime(2026, 11, 27, tzinfo=timezone.utc)}
    assert {r["source_uri"] for r in rows} == {"inbox/a.txt"}


def test_runs_row_counts_default_to_zero() -> None:
    table = runs_row(RUN, flow_run_id=None, started_at=datetime.now(timezone.utc), status="failed",
                     files_seen=2, files_new=1, counts={"articles": 5})
    [row] = table.to_pylist()
    assert table.schema == RUNS and row["articles"] == 5 and row["statements"] == 0 and row["status"] == "failed"
