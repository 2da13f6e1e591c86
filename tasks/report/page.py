"""The report of a night, or a range of nights, as one self-contained static HTML page (inline CSS and SVG charts).

It opens with no network and no script: every chart is drawn at build time (tasks/report/charts.py) from the
same queries as the run's Markdown report (sql/report/).
"""

from __future__ import annotations

import html
from datetime import date, datetime, timezone
from pathlib import Path

from tasks.lake import Lake, Snapshot
from tasks.lake.files import write_atomic
from tasks.report.charts import bar_chart, column_chart
from tasks.report.queries import Section, report_sections

_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1d2330; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #d8dde6; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: 12.5px; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eceff4; vertical-align: top; }
th { background: #f4f6f9; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: .6rem 0; } figure.chart svg { max-width: 100%; height: auto; }
p.meta, p.none { color: #5b6475; }
"""


def _cell(value: object) -> str:
    if isinstance(value, float):
        value = f"{value:g}"
    elif isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    elif isinstance(value, datetime):
        value = value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")
    text = "" if value is None else str(value)
    return html.escape(text if len(text) <= 220 else text[:219] + "…")


def _table(section: Section) -> str:
    if not section.rows:
        return '<p class="none">None.</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in section.columns)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{_cell(v)}</td>' if isinstance(v, (int, float)) and not isinstance(v, bool)
                         else f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
        for row in section.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _chart(svg: str, name: str) -> str:
    return f'<figure class="chart" data-chart="{name}">{svg}</figure>'


def _ranked(section: Section, label: str, value: str, title: str, unit: str, name: str) -> str:
    """A bar chart of one section's label and value columns, then its table."""
    if not section.rows:
        return _table(section)
    i, j = section.columns.index(label), section.columns.index(value)
    chart = bar_chart([row[i] for row in section.rows], [row[j] for row in section.rows], title, unit)
    return _chart(chart, name) + _table(section)


def _stages(section: Section) -> str:
    if not section.rows:
        return _table(section)
    columns = section.columns
    series = {name: [row[columns.index(name)] for row in section.rows]
              for name in ("articles", "statements", "headlines", "quarantined")}
    labels = [f"{row[columns.index('night')]} ({row[columns.index('status')]})" for row in section.rows]
    return _chart(column_chart(labels, series, "What each run added", "rows"), "stage_counts") + _table(section)


def night_report(lake: Lake, first: date, last: date | None = None, snapshot: Snapshot | None = None,
                 sections: dict[str, Section] | None = None) -> str:
    """The HTML report of the nights first..last (inclusive) of a lake.

    Args:
        lake: the lake to report on (its files read by DuckDB for the report's own queries).
        first: first night (a run date).
        last: last night; default: the same night.
        snapshot: the snapshot to read (default: the committed one; a run passes its pending one).
        sections: the report's sections when the caller has them already.

    Returns:
        A complete HTML document.
    """
    last = last or first
    snapshot = snapshot or lake.snapshot()
    if sections is None:
        with lake.connect_trusted(snapshot) as con:
            sections = report_sections(con, first, last)
    span = str(first) if first == last else f"{first} to {last}"
    parts = [
        f"<h1>newslake: {html.escape(span)}</h1>",
        f'<p class="meta">Lake {html.escape(str(lake.root))}, snapshot {snapshot.version} '
        f"({html.escape(snapshot.committed_at or 'empty')}).</p>",
        "<h2>Counts per stage</h2>", _stages(sections["stage_counts"]),
        "<h2>Stories by number of outlets</h2>",
        _ranked(sections["stories"], "canonical_headline", "n_outlets", "Outlets per story", "outlets", "stories"),
        "<h2>Top speakers</h2>",
        _ranked(sections["speakers"], "speaker", "n_statements", "Statements per speaker", "statements", "speakers"),
        "<h2>Quotes that spread</h2>",
        _ranked(sections["quotes"], "content", "n_outlets", "Outlets per repeated quote", "outlets", "quotes"),
        "<h2>Statements per story</h2>",
        _ranked(sections["story_statements"], "canonical_headline", "n_statements", "Statements per story",
                "statements", "story_statements"),
        "<h2>Quarantine reasons</h2>",
        _ranked(sections["quarantine"], "error_kind", "n", "Inputs that could not be read", "inputs", "quarantine"),
    ]
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newslake {html.escape(span)}</title>'
            f"<style>{_CSS}</style></head><body>{''.join(parts)}</body></html>\n")


def write_page(page: str, path: Path) -> Path:
    """Write an HTML page atomically (a browser never opens half of it); returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, page)
    return path


def write_night_report(lake: Lake, first: date, last: date | None, path: Path) -> Path:
    """Write night_report(...) of the committed lake to `path`; returns the path."""
    return write_page(night_report(lake, first, last), path)
