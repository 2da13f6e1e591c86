"""Assertions shared by the statement tests: every span locates its field, and a text yields one statement."""

from __future__ import annotations

from tasks.statements import Statement, extract_statements

KINDS = {"direct", "indirect", "mixed"}
TYPES = {"person", "organization", "publication", "anonymous", "unresolved"}


JOINER = " \u2026 "


def check_offsets(text: str, rows: list[Statement]) -> None:
    """Every span locates its field exactly: each fragment is text[start:end], the content joins them, the
    content span runs from the first to the last; no two rows share a content span; kinds and types come from
    the documented sets."""
    assert len({(s.content_start, s.content_end) for s in rows}) == len(rows)
    for s in rows:
        assert s.fragments and all(start < end for start, end in s.fragments)
        assert all(a[1] <= b[0] for a, b in zip(s.fragments, s.fragments[1:]))
        assert (s.content_start, s.content_end) == (s.fragments[0][0], s.fragments[-1][1])
        assert s.content == JOINER.join(text[start:end] for start, end in s.fragments)
        assert s.content.strip()
        assert s.kind in KINDS
        assert s.speaker_type in TYPES
        if s.speaker_start is None:
            assert s.speaker == "" and s.speaker_end is None
        else:
            assert text[s.speaker_start : s.speaker_end] == s.speaker
        if s.cue_start is None:
            assert s.cue == "" and s.cue_end is None
        else:
            assert text[s.cue_start : s.cue_end] == s.cue


def only(text: str) -> Statement:
    """The one statement of `text` (fails when there are none or several)."""
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert len(rows) == 1, rows
    return rows[0]


def rule_row(text: str) -> tuple[str, str, str, str, str]:
    """(rule, speaker, cue, kind, content) of the one statement of `text`."""
    s = only(text)
    return s.rule, s.speaker, s.cue, s.kind, s.content
