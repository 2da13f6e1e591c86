"""Machine timestamps (tasks/ingest/timestamps.py): ISO 8601 parsed into aware datetimes that keep their offset,
naive times read as UTC, anything else refused with a ValueError that says what it got."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tasks.ingest.timestamps import parse_published


@pytest.mark.parametrize(
    ("value", "expected", "offset_hours"),
    [
        ("2026-11-27T06:15:00Z", datetime(2026, 11, 27, 6, 15, tzinfo=timezone.utc), 0),
        ("2026-11-27T08:15:00+02:00", datetime(2026, 11, 27, 6, 15, tzinfo=timezone.utc), 2),  # the page's offset kept
        ("2026-11-27T01:15:00-05:00", datetime(2026, 11, 27, 6, 15, tzinfo=timezone.utc), -5),
        ("2026-11-27T06:15:00", datetime(2026, 11, 27, 6, 15, tzinfo=timezone.utc), 0),  # naive: UTC
        ("  2026-11-27T06:15:00.250Z\n", datetime(2026, 11, 27, 6, 15, 0, 250_000, tzinfo=timezone.utc), 0),
        ("2026-11-27", datetime(2026, 11, 27, tzinfo=timezone.utc), 0),
    ],
)
def test_iso_times_parse_to_aware_datetimes_keeping_their_offset(value: str, expected: datetime, offset_hours: int) -> None:
    parsed = parse_published(value)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(hours=offset_hours)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("27 November 2026", "'published' is not ISO 8601: '27 November 2026'"),
        ("", "'published' is not ISO 8601: ''"),
        (1764224100, "expected an ISO 8601 string, got int"),  # epoch seconds are not read as a time
        (None, "expected an ISO 8601 string, got NoneType"),
        (["2026-11-27"], "expected an ISO 8601 string, got list"),
    ],
)
def test_anything_else_is_refused_with_what_it_was(value: object, message: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_published(value)
    assert str(refused.value) == message
