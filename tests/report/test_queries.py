"""Report queries (tasks/report/queries.py): every section over the nights asked for and no other, with the columns
the Markdown and HTML reports read, ranked sections cut at `top`, and the latest night with a run."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pytest

from tasks.lake import Commit, Lake, write_table
from tasks.lake.schemas import HEADLINES, QUARANTINE, RUNS, STORIES
from tasks.records import Rejected, RunInfo
from tasks.report.queries import SECTIONS, latest_night, report_sections
from tasks.run.rows import quarantine_row, runs_row

FIRST, SECOND = date(2026, 11, 26), date(2026, 11, 27)
# The columns tasks/report/page.py and markdown.py read from each section by name.
READ_BY_THE_REPORTS = {
    "stage_counts": {"night", "status", "articles", "statements", "headlines", "quarantined", "run_id"},
    "stories": {"canonical_headline", "n_outlets"},
    "speakers": {"speaker", "n_statements"},
    "quotes": {"content", "n_outlets"},
    "story_statements": {"canonical_headline", "n_statements"},
    "quarantine": {"error_kind", "n", "stage", "example"},
}


def _commit(lake: Lake, run: RunInfo, tables: dict[str, tuple[pa.Schema, list[dict[str, object]]]]) -> None:
    added = {name: [write_table(pa.Table.from_pylist(rows, schema=schema),
                                lake.partition_path(name, run.run_date, f"{run.run_id}.parquet"), schema)]
             for name, (schema, rows) in tables.items()}
    lake.commit(run.run_id, Commit(added=added))


def _run(run: RunInfo, **counts: int) -> list[dict[str, object]]:
    return runs_row(run, flow_run_id=None, started_at=run.run_midnight, status=None, files_seen=1, files_new=1,
                    counts=counts).to_pylist()


def _story(story_id: str, outlets: int, run: RunInfo) -> tuple[dict[str, object], list[dict[str, object]]]:
    """A story of this night with one headline per outlet."""
    seen = run.run_midnight + timedelta(hours=6)
    headlines = [{"headline_id": f"{story_id}-h{k}", "article_id": f"{story_id}-a{k}", "text": f"{story_id} {k}",
                  "text_norm": f"{story_id} {k}", "role": "title", "dup_group_id": f"{story_id}-d{k}",
                  "story_id": story_id, "is_canonical": True, "seen_at": seen, "source": f"outlet {k}",
                  "run_id": run.run_id, "ingest_date": run.run_date} for k in range(outlets)]
    story = {"story_id": story_id, "canonical_headline": f"Story {story_id}", "n_headlines": outlets,
             "n_dup_groups": outlets, "n_articles": outlets, "n_sources": outlets, "first_seen": seen,
             "last_seen": seen, "ingest_date": run.run_date}
    return story, headlines


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    """A lake with a run on each of two nights: quarantined inputs on both, three stories on the second."""
    lake = Lake(tmp_path_factory.mktemp("queries"))
    lake.init()
    first, second = RunInfo("20261126T230000.000000Z-aaaaaa", FIRST), RunInfo("20261127T230000.000000Z-bbbbbb", SECOND)
    _commit(lake, first, {
        "runs": (RUNS, _run(first, articles=2, quarantined=1)),
        "quarantine": (QUARANTINE, [quarantine_row(Rejected("old.jsonl#line-2", "h", "ingest", "bad_json", "x"), first)]),
    })
    stories = [_story(s, n, second) for s, n in (("s1", 1), ("s3", 3), ("s2", 2))]
    rejected = [Rejected(f"in/{n}.bin", "h", "ingest", kind, "x")
                for n, kind in enumerate(["binary_file", "binary_file", "empty_file"])]
    _commit(lake, second, {
        "runs": (RUNS, _run(second, articles=6, headlines=6, stories_new=3, quarantined=3)),
        "quarantine": (QUARANTINE, [quarantine_row(r, second) for r in rejected]),
        "stories": (STORIES, [story for story, _ in stories]),
        "headlines": (HEADLINES, [h for _, rows in stories for h in rows]),
    })
    return lake


def test_an_empty_lake_has_no_latest_night_and_every_section_empty_with_its_columns(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    con = lake.connect()
    assert latest_night(con) is None
    sections = report_sections(con, FIRST, SECOND)
    assert tuple(sections) == SECTIONS
    for name, section in sections.items():
        assert section.rows == [] and READ_BY_THE_REPORTS[name] <= set(section.columns), name


def test_the_latest_night_is_the_last_run_date(two_nights: Lake) -> None:
    assert latest_night(two_nights.connect()) == SECOND


def test_sections_cover_exactly_the_nights_asked_for(two_nights: Lake) -> None:
    con = two_nights.connect()
    stage = report_sections(con, SECOND, SECOND)["stage_counts"]
    rows = [dict(zip(stage.columns, row)) for row in stage.rows]
    assert [(r["night"], r["articles"], r["status"]) for r in rows] == [(SECOND, 6, "partial")]
    both = report_sections(con, FIRST, SECOND)
    assert [row[stage.columns.index("night")] for row in both["stage_counts"].rows] == [FIRST, SECOND]  # run order
    quarantine = both["quarantine"]
    kinds = [(row[quarantine.columns.index("error_kind")], row[quarantine.columns.index("n")]) for row in quarantine.rows]
    assert kinds == [("binary_file", 2), ("bad_json", 1), ("empty_file", 1)]  # most frequent first
    assert report_sections(con, FIRST, FIRST)["stories"].rows == []  # the stories came on the second night


def test_ranked_sections_are_cut_at_top_widest_first(two_nights: Lake) -> None:
    stories = report_sections(two_nights.connect(), SECOND, SECOND, top=2)["stories"]
    headline, outlets = stories.columns.index("canonical_headline"), stories.columns.index("n_outlets")
    assert [(row[headline], row[outlets]) for row in stories.rows] == [("Story s3", 3), ("Story s2", 2)]
