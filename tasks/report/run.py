"""A run's report step: its night read back through the run's pending snapshot, as Markdown and as an HTML page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tasks.lake import Lake, Snapshot
from tasks.report.markdown import run_report
from tasks.report.page import night_report
from tasks.report.queries import report_sections


@dataclass(frozen=True)
class RunReport:
    """What a run reports: Markdown (the Prefect artifact) and the night's HTML page (written after the commit)."""

    markdown: str
    page: str


def report_run(lake: Lake, run_id: str, run_date: date, counts: dict[str, object], snapshot: Snapshot) -> RunReport:
    """The run's reports, read through `snapshot` (the run's pending one: the report describes what it commits)."""
    with lake.connect_trusted(snapshot) as con:  # the report's own SQL: read natively, no sandbox needed
        sections = report_sections(con, run_date, run_date)
    page_path = lake.report_path(run_date)
    return RunReport(
        markdown=run_report(sections, run_id, run_date, counts, page=str(page_path)),
        page=night_report(lake, run_date, run_date, snapshot, sections),
    )
