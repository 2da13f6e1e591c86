"""Machine timestamps of feeds and crawls (JSONL `published`, WARC-Date), parsed into aware datetimes."""

from __future__ import annotations

from datetime import datetime, timezone


def parse_published(value: object) -> datetime:
    """Parse an ISO 8601 time (a trailing Z allowed), keeping its UTC offset; naive times are taken as UTC.

    Raises:
        ValueError: not a string in ISO 8601 form.
    """
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 string, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"'published' is not ISO 8601: {value!r}") from None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed
