"""The records stages hand each other: an input file, a raw and a clean article, a rejection, a run, a shard's result.

They live here, not in the stage that happens to make them, so that no stage imports another stage's
internals to read what it was given. Tables (the lake's rows) are declared in tasks/lake/schemas.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone


def display_path(path: str) -> str:
    """How a path is written in the lake: as is, except that bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates, and Parquet cannot store) are written as backslash escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class InputFile:
    """One input file found by discovery, identified by the hash of its bytes; or one piece of it.

    A large JSONL or WARC file is cut into pieces so that one file can use every core: a piece reads the lines
    (or records) that start in [start, end). A JSONL piece starts at a line and knows its first line's number,
    so its lines are named as in a whole read; a WARC piece starts reading at the first record boundary.
    """

    path: str  # as the file system names it: open this
    content_sha256: str
    size_bytes: int
    start: int = 0
    end: int | None = None  # None: to the end of the file
    first_line: int = 1

    @property
    def uri(self) -> str:
        """The path as the lake records it (see display_path)."""
        return display_path(self.path)

    @property
    def is_whole(self) -> bool:
        return self.start == 0 and self.end is None

    @property
    def ends_the_file(self) -> bool:
        return self.end is None or self.end >= self.size_bytes


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its input, before cleaning. Exactly one of text / html / title carries content."""

    source_uri: str
    source_format: str
    content_sha256: str
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: datetime | None = None
    fetched_at: datetime | None = None
    title: str | None = None
    headlines: tuple[str, ...] = ()
    text: str | None = None
    html: bytes | None = None
    charset: str | None = None


@dataclass(frozen=True)
class Rejected:
    """An input (file, line or record) that could not be read, with the reason: becomes a quarantine row."""

    source_uri: str
    content_sha256: str | None
    stage: str
    error_kind: str
    error: str


@dataclass(frozen=True)
class SkippedRecord:
    """A record of a container file that is by design no article (a WARC request, metadata or warcinfo record):
    counted per kind in the file's manifest row, so every record has an outcome."""

    kind: str


@dataclass(frozen=True)
class InputOutcome:
    """What became of one input path in a run: ingested (read), quarantined (unreadable), or skipped."""

    uri: str
    content_sha256: str | None
    size_bytes: int | None
    outcome: str  # ingested | quarantined | skipped
    reason: str  # articles | <error_kind> | seen_before | duplicate_in_run
    detail: str


@dataclass(frozen=True)
class CleanArticle:
    """One cleaned article and its headlines, ready to become rows of `articles` and `headlines`."""

    article_id: str
    source_uri: str
    source_format: str
    content_sha256: str
    body: str
    title: str | None
    headlines: tuple[tuple[str, str], ...]  # (role, text), title first, distinct texts
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    site_name: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    published_utc_offset_minutes: int | None = None
    fetched_at: datetime | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    stray_blocks: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class RunInfo:
    """What every stage of a run needs to know about it: its id and its logical date."""

    run_id: str
    run_date: date

    @property
    def run_midnight(self) -> datetime:
        return datetime.combine(self.run_date, time(0), tzinfo=timezone.utc)


@dataclass
class ShardResult:
    """Paths of a shard's staged parts (table -> file) and its row counts: small enough for any result store."""

    shard: int
    parts: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
