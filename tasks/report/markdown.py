"""The Markdown summary of one night's run: the Prefect artifact and the log line a scheduler shows."""

from __future__ import annotations

from datetime import date

from tasks.report.queries import TOP, Section


def markdown_table(section: Section) -> str:
    """A section as a Markdown table (`_none_` when it has no rows)."""
    if not section.rows:
        return "_none_\n"
    lines = ["| " + " | ".join(section.columns) + " |", "|" + "---|" * len(section.columns)]
    for row in section.rows:
        cells = ("" if v is None else str(v).replace("|", "\\|").replace("\n", " ") for v in row)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def run_report(
    sections: dict[str, Section], run_id: str, run_date: date, counts: dict[str, object], page: str | None = None
) -> str:
    """Markdown report of a run: counts per stage, then its night's stories, speakers, quotes and rejections.

    Args:
        sections: the night's report sections (tasks/report/queries.py).
        run_id: the run.
        run_date: its night.
        counts: the run's `runs` row.
        page: where the night's HTML report is written (linked from the Markdown).

    Returns:
        Markdown text.
    """
    stage_rows = [
        ("discover", f"{counts['files_seen']} files seen, {counts['files_new']} new, {counts['skipped']} skipped"),
        ("ingest + clean", f"{counts['articles']} new articles, {counts['duplicates']} duplicates skipped"),
        ("headlines", f"{counts['headlines']} headlines, {counts['stories_new']} new stories"),
        ("statements", f"{counts['statements']} statements"),
        ("quarantine", f"{counts['quarantined']} inputs could not be read"),
    ]
    link = [f"The night's report with charts: [{page}](file://{page})\n"] if page else []
    return "\n".join([
        f"# newslake run {run_id} ({run_date}, {counts['status']})\n",
        *link,
        "## Counts per stage\n",
        markdown_table(Section(["stage", "result"], stage_rows)),
        f"## Stories this night added to (top {TOP})\n",
        markdown_table(sections["stories"]),
        f"## Top speakers (top {TOP})\n",
        markdown_table(sections["speakers"]),
        "## Quotes that spread\n",
        markdown_table(sections["quotes"]),
        "## Quarantine reasons\n",
        markdown_table(sections["quarantine"]),
    ])
