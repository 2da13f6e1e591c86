"""Date strings into times: ISO 8601 and e-mail dates from machine fields, dates printed for readers."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache

from tasks.lexicon import load_lexicon

# A publication time and the UTC offset (minutes) the page wrote it in; None when it gave no zone.
Published = tuple[datetime, int | None]

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*"
    r"(Z|UTC|GMT|[+-]\d[\d:]*)?",
    re.IGNORECASE,
)
# A numeric zone as ISO 8601 writes it: +HH, +HHMM or +HH:MM.
_ZONE = re.compile(r"([+-])(\d{2})(?::?(\d{2}))?")
# Real UTC offsets run from -12:00 to +14:00; a zone beyond that is a typo ("-500") no rule can read safely.
_MAX_OFFSET_MINUTES = 14 * 60
# Years outside this range are CMS placeholders ("0001-01-01") or typos, not publication dates.
_PLAUSIBLE_YEARS = range(1990, 2100)
# The e-mail date form; checked first because parsedate_to_datetime also accepts shapes it misreads
# ("November 19, 2019, 07:47 PM" comes back as 07:47).
_RFC2822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# Printed dates: "25.04.24 | 14:07", "2025.06.04 02:37", "01. April 2025, 15:25", "April 1, 2025 3:25 pm",
# "2025年1月14日 01:28".
_TIME = r"(?:\D{0,15}?(?<!\d)(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?!\d)(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
_DMY = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?(?P<year>\d{4}|\d{2})(?![\d.])" + _TIME, re.IGNORECASE
)
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])" + _TIME, re.IGNORECASE)
_YMD = re.compile(
    r"(?<!\d)(?P<year>\d{4})\s?[-./年]\s?(?P<b>\d{1,2})\s?[-./月]\s?(?P<a>\d{1,2})(?!\d)日?" + _TIME, re.IGNORECASE
)


def to_utc(local: datetime, offset: int | None) -> datetime:
    """A wall-clock time written at a UTC offset, as an aware UTC time.

    Args:
        local: the time as written (naive).
        offset: minutes east of UTC; None when the page gave no zone.

    Returns:
        The UTC time; a naive time is taken as UTC: the best guess without the publisher's zone, and stable.
    """
    return local.replace(tzinfo=timezone(timedelta(minutes=offset or 0))).astimezone(UTC)


def parse_iso(value: str) -> Published | None:
    """Parse an ISO-8601-like timestamp found anywhere in a value.

    Args:
        value: a machine date ("2024-03-05T10:00:00+01:00", "2024-03-05").

    Returns:
        (aware UTC time, offset minutes or None when naive), or None when there is no plausible date.
    """
    match = _ISO.search(value or "")
    if not match or int(match.group(1)) not in _PLAUSIBLE_YEARS:
        return None
    year, month, day, hour, minute, second, frac, zone = match.groups()
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((frac or "0")[:6].ljust(6, "0")),
        )
    except ValueError:
        return None
    offset = _zone_offset(zone) if zone else None
    if zone and offset is None:
        return None
    return to_utc(local, offset), offset


def _zone_offset(zone: str) -> int | None:
    """Minutes east of UTC of a written zone ("Z", "-05:00", "+0530"); None when it is not a real offset."""
    if zone.upper() in ("Z", "UTC", "GMT"):
        return 0
    match = _ZONE.fullmatch(zone)
    if not match:
        return None
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    if minutes >= 60 or hours * 60 + minutes > _MAX_OFFSET_MINUTES:
        return None
    return -(hours * 60 + minutes) if sign == "-" else hours * 60 + minutes


def parse_rfc2822(value: str) -> Published | None:
    """Parse "Tue, 05 Mar 2024 10:00:00 +0100", the e-mail date form some CMSs put in meta tags.

    Args:
        value: a machine date.

    Returns:
        (aware UTC time, offset minutes or None when naive), or None when the value is not in that form.
    """
    if not _RFC2822.match(value):
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.year not in _PLAUSIBLE_YEARS:
        return None
    if parsed.tzinfo is None:
        return to_utc(parsed, None), None
    offset = int(parsed.utcoffset().total_seconds() // 60)
    return parsed.astimezone(UTC), offset


@cache
def _month_patterns() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon("html/meta_dates")
    months = {
        word.casefold(): int(group.split("_")[1])
        for group, words in lex.items()
        if group.startswith("month_")
        for word in words
    }
    names = "|".join(re.escape(w) for w in sorted(months, key=len, reverse=True))
    day_first = re.compile(
        r"(?<!\d)(?P<a>\d{1,2})\.?\s+(?:de\s+)?(?P<month>"
        + names
        + r")\.?,?\s+(?:de\s+)?(?P<year>\d{4})(?!\d)"
        + _TIME,
        re.IGNORECASE,
    )
    month_first = re.compile(
        r"(?<!\w)(?P<month>" + names + r")\.?\s+(?P<a>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)" + _TIME,
        re.IGNORECASE,
    )
    return months, day_first, month_first


def _date_from_match(match: re.Match[str], month: int, day: int) -> datetime | None:
    year = int(match.group("year"))
    year = year + 2000 if year < 100 else year
    if year not in _PLAUSIBLE_YEARS:
        return None
    hour, minute = int(match.group("hour") or 0), int(match.group("minute") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _numeric_dates(text: str, month_first: bool) -> list[tuple[int, datetime]]:
    """(offset, date) of every all-digit date in the text: year first, day first, and slashed."""
    found: list[tuple[int, datetime]] = []
    for pattern in (_YMD, _DMY):
        for match in pattern.finditer(text):
            parsed = _date_from_match(match, int(match.group("b")), int(match.group("a")))
            if parsed:
                found.append((match.start(), parsed))
    for match in _SLASHED.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        # 04/05/2025 is April 5 in the United States and 4 May elsewhere; a number above 12 settles it.
        if (month_first and a <= 12) or b > 12:
            a, b = b, a
        parsed = _date_from_match(match, b, a)
        if parsed:
            found.append((match.start(), parsed))
    return found


def parse_printed_date(text: str, month_first: bool, named_only: bool = False) -> datetime | None:
    """The first date printed in a short text, with its time when one follows it.

    Args:
        text: a dateline or similar short text.
        month_first: read 03/05/2024 as March 5 (United States usage).
        named_only: only dates with a month name, for machine-made values where digit groups may be anything.

    Returns:
        The naive wall-clock time of the earliest date in the text, or None.
    """
    months, named_day_first, named_month_first = _month_patterns()
    found: list[tuple[int, datetime]] = []
    for pattern in (named_day_first, named_month_first):
        for match in pattern.finditer(text):
            parsed = _date_from_match(match, months[match.group("month").casefold()], int(match.group("a")))
            if parsed:
                found.append((match.start(), parsed))
    if not named_only:
        found += _numeric_dates(text, month_first)
    return min(found, key=lambda item: item[0])[1] if found else None
