"""tasks/html/meta/date_parse.py: machine and printed date strings into times."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tasks.html.meta.date_parse import parse_iso, parse_printed_date, parse_rfc2822

UTC = timezone.utc

ISO_ROWS = [
    # (rule, value, (UTC time, offset) or None)
    ("Z is UTC", "2024-03-05T10:00:00Z", (datetime(2024, 3, 5, 10, tzinfo=UTC), 0)),
    ("offset with a colon", "2024-03-05T10:00:00+01:00", (datetime(2024, 3, 5, 9, tzinfo=UTC), 60)),
    ("offset without a colon", "2024-03-05T10:00-0530", (datetime(2024, 3, 5, 15, 30, tzinfo=UTC), -330)),
    ("naive time taken as UTC", "2024-03-05 10:00", (datetime(2024, 3, 5, 10, tzinfo=UTC), None)),
    ("date only", "2024-03-05", (datetime(2024, 3, 5, tzinfo=UTC), None)),
    ("placeholder year", "0001-01-01T00:00:00Z", None),
    # issue 13: "-500" once read as a 50-hour offset, and the conversion raised out of extract_page
    ("an offset of three digits is unreadable", "2018-10-29T10:15-500", None),
    ("an offset beyond 14 hours is unreadable", "2018-10-29T10:15+15:00", None),
    ("an offset with 60 minutes is unreadable", "2018-10-29T10:15+05:60", None),
    ("the widest real offset", "2018-10-29T10:15+14:00", (datetime(2018, 10, 28, 20, 15, tzinfo=UTC), 840)),
    ("impossible day", "2024-02-30", None),
]


@pytest.mark.parametrize("rule,value,expected", ISO_ROWS, ids=[r[0] for r in ISO_ROWS])
def test_parse_iso(rule: str, value: str, expected: tuple[datetime, int | None] | None) -> None:
    assert parse_iso(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Tue, 05 Mar 2024 10:00:00 +0100", (datetime(2024, 3, 5, 9, tzinfo=UTC), 60)),
        ("05 Mar 2024 10:00", (datetime(2024, 3, 5, 10, tzinfo=UTC), None)),
        ("March 5, 2024 10:00", None),  # not the e-mail form
    ],
)
def test_parse_rfc2822(value: str, expected: tuple[datetime, int | None] | None) -> None:
    assert parse_rfc2822(value) == expected


PRINTED_ROWS = [
    # (rule, text, month first, expected)
    ("day.month.year with time", "25.04.24 | 14:07", False, datetime(2024, 4, 25, 14, 7)),
    ("year first with dots", "2025.06.04 02:37", False, datetime(2025, 6, 4, 2, 37)),
    ("day and month name", "1. April 2025, 15:25", False, datetime(2025, 4, 1, 15, 25)),
    ("month name first, pm", "April 1, 2025 3:25 pm", False, datetime(2025, 4, 1, 15, 25)),
    ("CJK year month day", "2025年1月14日 01:28", False, datetime(2025, 1, 14, 1, 28)),
    ("slashed, day first", "04/05/2025", False, datetime(2025, 5, 4)),
    ("slashed, month first", "04/05/2025", True, datetime(2025, 4, 5)),
    ("slashed, a number above 12 settles it", "25/05/2025", True, datetime(2025, 5, 25)),
    ("no date", "Updated recently", False, None),
]


@pytest.mark.parametrize("rule,text,month_first,expected", PRINTED_ROWS, ids=[r[0] for r in PRINTED_ROWS])
def test_parse_printed_date(rule: str, text: str, month_first: bool, expected: datetime | None) -> None:
    assert parse_printed_date(text, month_first) == expected


def test_named_only_ignores_digit_groups() -> None:
    assert parse_printed_date("id 12.10.2024", month_first=False, named_only=True) is None
