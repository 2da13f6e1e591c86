"""Every named query in sql/examples/ answers its question on the bundled samples (the lake `make run` builds: one
run), and is headed by that question."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tasks.lake import Lake
from tasks.run import new_run, run_night
from tests.paths import REPO, SAMPLES

EXAMPLES = sorted((REPO / "sql" / "examples").glob("*.sql"))


@pytest.fixture(scope="module")
def sample_lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    lake = Lake(tmp_path_factory.mktemp("examples") / "lake")
    run_night([str(SAMPLES)], lake, new_run(date(2026, 11, 27)), batch_files=10)
    return lake


def test_there_are_at_least_twelve_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_is_headed_by_its_question_and_returns_rows(sample_lake: Lake, path: Path) -> None:
    text = path.read_text()
    assert text.startswith("-- ") and text.splitlines()[0].rstrip().endswith("?"), "head the query with its question"
    assert sample_lake.connect().execute(text).fetchall(), f"{path.name} returns no row on the sample lake"


def test_the_repeated_quote_and_the_speaker_named_three_ways(sample_lake: Lake) -> None:
    con = sample_lake.connect()
    # Three outlets over three days repeat one quote with small edits: one quote, first seen in the earliest article.
    spread = con.execute("select first_source, first_seen::date, n_outlets, n_articles from quote_spread "
                         "where content like 'We cannot keep sending school buses%'").fetchall()
    assert spread == [("Bay Herald", date(2026, 11, 25), 3, 4)]
    # "Mayor Elena Brandt", "Elena Brandt" and "Brandt" are one speaker.
    rows = con.execute("select name, other_names from speakers where name like '%Brandt%'").fetchall()
    assert rows == [("Elena Brandt", ["Brandt"])]
    ids = con.execute("select count(distinct speaker_id) from statement_context where speaker like '%Brandt%'").fetchone()
    assert ids == (1,)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_pipeline_connection_answers_as_the_sandboxed_reader(sample_lake: Lake, path: Path) -> None:
    """The report's connection (DuckDB reading the Parquet files itself) and the user's sandboxed reader (Arrow
    datasets) are two ways to read one snapshot: every example query gives the same rows through both."""
    text = path.read_text()
    assert sample_lake.connect_trusted().execute(text).fetchall() == sample_lake.connect().execute(text).fetchall()


def test_the_pipeline_connection_creates_nothing_in_the_lake(sample_lake: Lake) -> None:
    before = sorted((p, p.stat().st_mtime_ns) for p in sample_lake.root.rglob("*"))
    sample_lake.connect_trusted().execute("select * from quote_spread, speaker_nights").fetchall()
    assert sorted((p, p.stat().st_mtime_ns) for p in sample_lake.root.rglob("*")) == before
