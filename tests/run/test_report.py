"""The run report: counts per stage, the stories a run touched, its speakers and its quarantine reasons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tasks.lake import Lake
from tasks.run import new_run, run_night
from tasks.run.report import run_report
from tests.paths import SAMPLES


def test_report_of_the_samples_night(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    night = run_night([str(SAMPLES)], lake, new_run(date(2026, 11, 27)), batch_files=10)
    report = run_report(lake, night.summary["run_id"], night.summary["run_date"], night.summary)
    assert report == night.report  # the night's own report is this function's output
    for heading in ("## Counts per stage", "## Stories this run added to", "## Top speakers", "## Quarantine reasons"):
        assert heading in report
    assert "11 new articles, 1 duplicates skipped" in report and "| ingest | bad_json | 1 |" in report
    assert "| Elena Brandt |" in report


def test_report_of_a_run_that_added_nothing_says_none(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    night = run_night([str(SAMPLES / "txt")], lake, new_run(date(2026, 11, 27)), batch_files=10)
    again = run_night([str(SAMPLES / "txt")], lake, new_run(date(2026, 11, 28)), batch_files=10)
    assert "_none_" in again.report and "0 new articles" in again.report and night.summary["articles"] == 3
