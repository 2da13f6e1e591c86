"""A run's report step: the night's HTML page written into the lake, and the Markdown that links to it."""

from __future__ import annotations

from datetime import date

from tasks.lake import Lake
from tasks.report.markdown import run_report
from tasks.report.page import write_night_report


def report_run(lake: Lake, run_id: str, run_date: date, counts: dict[str, object]) -> str:
    """Write the night's page (LAKE/reports/<night>.html, replaced by every run of that night) and return the run's
    Markdown report, which links to it."""
    page = write_night_report(lake, run_date, run_date, lake.report_path(run_date))
    return run_report(lake, run_id, run_date, counts, page=str(page))
