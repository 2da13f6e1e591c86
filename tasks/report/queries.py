"""The sections of a report over a range of nights: each is one query in sql/report/, over the lake's marts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from tasks.lake.views import sql_parameters, sql_text

# Rows per ranked section (stories, speakers, quotes, statements per story).
TOP = 10
SECTIONS = ("stage_counts", "stories", "speakers", "quotes", "story_statements", "quarantine")


@dataclass(frozen=True)
class Section:
    """One report section: its query's column names and rows."""

    columns: list[str]
    rows: list[tuple]


def latest_night(con: duckdb.DuckDBPyConnection) -> date | None:
    """The latest night with a run, or None for a lake with none."""
    return con.execute(sql_text("report", "latest_night")).fetchone()[0]


def report_sections(con: duckdb.DuckDBPyConnection, first: date, last: date, top: int = TOP) -> dict[str, Section]:
    """Every section of the report of the nights first..last (inclusive), from a reader connection."""
    params = {"from": first, "to": last, "top": top}
    sections = {}
    for name in SECTIONS:
        sql = sql_text("report", name)
        result = con.execute(sql, {key: params[key] for key in sql_parameters(sql)})
        sections[name] = Section([d[0] for d in result.description], result.fetchall())
    return sections
