"""The statement record: what the extractor returns for each attributed statement.

It stays a plain Python dataclass when the extractor is compiled (tasks/statements/native.py): callers read
its fields with `vars`, pickle it and compare it like any other record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """One attributed statement; every span is a [start, end) offset into the article body."""

    speaker: str
    speaker_canonical: str | None
    speaker_type: str
    cue: str
    content: str
    kind: str
    content_start: int
    content_end: int
    fragments: tuple[tuple[int, int], ...]
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    rule: str
