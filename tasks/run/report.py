"""Run report: a Markdown summary of one committed run, for the Prefect artifact and the logs."""

from __future__ import annotations

from datetime import date

from tasks.lake import Lake
from tasks.lake.views import sql_text

TOP = 10


def _table(columns: list[str], rows: list[tuple]) -> str:
    if not rows:
        return "_none_\n"
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        cells = ("" if v is None else str(v).replace("|", "\\|").replace("\n", " ") for v in row)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def run_report(lake: Lake, run_id: str, run_date: date, counts: dict[str, object]) -> str:
    """Markdown report of a committed run: counts per stage, stories, top speakers, quarantine reasons.

    Args:
        lake: the lake the run committed to.
        run_id: the run.
        run_date: its logical date (stories created that day are marked new).
        counts: the run's `runs` row.

    Returns:
        Markdown text.
    """
    con = lake.connect()
    params = {"run_id": run_id, "run_date": run_date, "top": TOP}

    def section(name: str) -> str:
        sql = sql_text("report", name)
        result = con.execute(sql, {key: value for key, value in params.items() if f"${key}" in sql})
        return _table([d[0] for d in result.description], result.fetchall())

    stage_rows = [
        ("discover", f"{counts['files_seen']} files seen, {counts['files_new']} new"),
        ("ingest + clean", f"{counts['articles']} new articles, {counts['duplicates']} duplicates skipped"),
        ("headlines", f"{counts['headlines']} headlines, {counts['stories_new']} new stories"),
        ("statements", f"{counts['statements']} statements"),
        ("quarantine", f"{counts['quarantined']} inputs could not be read"),
    ]
    return "\n".join(
        [
            f"# newslake run {run_id} ({run_date})\n",
            "## Counts per stage\n",
            _table(["stage", "result"], stage_rows),
            f"## Stories this run added to (top {TOP})\n",
            section("run_stories"),
            f"## Top speakers (top {TOP})\n",
            section("run_speakers"),
            "## Quarantine reasons\n",
            section("run_quarantine"),
        ]
    )
