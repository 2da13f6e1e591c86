"""A run's report (tasks/report/run.py): the night read through the run's pending snapshot, so it describes what
the run is about to commit, as Markdown linking the night's page and as that page, while nothing is published."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import html as lxml_html

from tasks.lake import Commit, Lake, write_table
from tasks.lake.schemas import RUNS
from tasks.records import RunInfo
from tasks.report.run import report_run
from tasks.run.rows import runs_row

NIGHT = date(2026, 11, 27)


def _runs_file(lake: Lake, run: RunInfo, **counts: int) -> tuple[Path, dict[str, object]]:
    row = runs_row(run, flow_run_id=None, started_at=run.run_midnight, status=None, files_seen=4, files_new=3,
                   counts=counts)
    return write_table(row, lake.partition_path("runs", run.run_date, f"{run.run_id}.parquet"), RUNS), row.to_pylist()[0]


def test_the_report_shows_the_pending_run_that_readers_cannot_see_yet(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    earlier = RunInfo("20261126T230000.000000Z-aaaaaa", date(2026, 11, 26))
    lake.commit(earlier.run_id, Commit(added={"runs": [_runs_file(lake, earlier, articles=1)[0]]}))
    run = RunInfo("20261127T230000.000000Z-bbbbbb", NIGHT)
    path, counts = _runs_file(lake, run, articles=5, duplicates=1, skipped=1, quarantined=2)
    pending = lake.pending(run.run_id, Commit(added={"runs": [path]}))

    report = report_run(lake, run.run_id, NIGHT, counts, pending)

    assert report.markdown.startswith(f"# newslake run {run.run_id} (2026-11-27, partial)")
    assert "5 new articles, 1 duplicates skipped" in report.markdown
    assert f"[{lake.report_path(NIGHT)}](file://{lake.report_path(NIGHT)})" in report.markdown
    page = lxml_html.fromstring(report.page)
    assert f"snapshot {pending.version} " in page.find_class("meta")[0].text_content()
    [stages] = [figure for figure in page.find_class("chart") if figure.get("data-chart") == "stage_counts"]
    assert "2026-11-27 (partial)" in lxml_html.tostring(stages, encoding="unicode")  # the pending run, in the chart
    # Nothing was published or written: readers still see the earlier snapshot, the page is written after the commit.
    assert lake.snapshot().version == pending.version - 1
    assert lake.connect().execute("select count(*) from runs where run_date = ?", [NIGHT]).fetchone() == (0,)
    assert not lake.report_path(NIGHT).exists()


def test_a_night_with_nothing_new_reports_none(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    lake.init()
    run = RunInfo("20261127T230000.000000Z-cccccc", NIGHT)
    path, counts = _runs_file(lake, run)
    report = report_run(lake, run.run_id, NIGHT, counts, lake.pending(run.run_id, Commit(added={"runs": [path]})))
    assert f"({NIGHT}, completed)" in report.markdown and report.markdown.count("_none_") == 4
    page = lxml_html.fromstring(report.page)
    assert [figure.get("data-chart") for figure in page.find_class("chart")] == ["stage_counts"]  # only its own run
    assert "<script" not in report.page
