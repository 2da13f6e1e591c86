"""The run's Markdown report: counts per stage, its night's stories, speakers, quotes and quarantine reasons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tasks.lake import Lake
from tasks.report.markdown import run_report
from tasks.report.queries import report_sections
from tasks.run import new_run, run_night
from tests.paths import SAMPLES


def test_report_of_the_samples_night(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    night = date(2026, 11, 27)
    done = run_night([str(SAMPLES)], lake, new_run(night), batch_files=10)
    page = lake.report_path(night)
    # The run reported through its pending snapshot; the committed lake gives the same report.
    again = run_report(report_sections(lake.connect(), night, night), done.summary["run_id"], night,
                       done.summary, page=str(page))
    assert done.report == again
    assert page.exists() and f"(file://{page})" in done.report  # the run wrote the night's page and links it
    for heading in ("## Counts per stage", "## Stories this night added to", "## Top speakers",
                    "## Quotes that spread", "## Quarantine reasons"):
        assert heading in done.report
    assert "14 new articles, 1 duplicates skipped" in done.report and "| ingest | bad_json | 1 |" in done.report
    assert "| Elena Brandt | person |" in done.report


def test_report_of_a_run_that_added_nothing_says_none(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    run_night([str(SAMPLES / "txt")], lake, new_run(date(2026, 11, 27)), batch_files=10)
    again = run_night([str(SAMPLES / "txt")], lake, new_run(date(2026, 11, 28)), batch_files=10)
    assert "_none_" in again.report and "0 new articles" in again.report and "3 skipped" in again.report
