"""The records stages hand each other: paths written as the lake can store them, pieces of a file that know where
they sit, a run's midnight in UTC, and fields that the row builders spread straight into their tables' columns."""

from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime, timezone

import pytest

from tasks.lake.schemas import INPUTS, QUARANTINE
from tasks.records import InputFile, InputOutcome, Rejected, RunInfo, ShardResult, display_path


def test_display_path_escapes_only_the_bytes_that_are_not_utf8() -> None:
    assert display_path("landing/Kühlräume.txt") == "landing/Kühlräume.txt"
    raw = os.fsdecode(b"landing/caf\xe9.txt")  # a Latin-1 name: Python keeps the byte as a lone surrogate
    shown = display_path(raw)
    assert shown == "landing/caf\\xe9.txt"
    assert shown.encode("utf-8")  # storable: a lone surrogate would raise here
    assert InputFile(raw, "h", 3).uri == shown and InputFile(raw, "h", 3).path == raw  # opened by its real name


@pytest.mark.parametrize(
    ("start", "end", "whole", "last"),
    [
        (0, None, True, True),
        (0, 40, False, False),
        (40, 100, False, True),  # a piece that ends at the size reaches the end of the file
        (40, None, False, True),
    ],
)
def test_a_piece_of_a_file_knows_whether_it_is_whole_and_whether_it_ends_the_file(
    start: int, end: int | None, whole: bool, last: bool
) -> None:
    piece = InputFile("feed.jsonl", "h", 100, start=start, end=end)
    assert (piece.is_whole, piece.ends_the_file) == (whole, last)


def test_a_run_midnight_is_the_start_of_its_logical_date_in_utc() -> None:
    midnight = RunInfo("r1", date(2026, 11, 27)).run_midnight
    assert midnight == datetime(2026, 11, 27, tzinfo=timezone.utc) and midnight.utcoffset().total_seconds() == 0


def test_records_are_frozen_and_shard_results_do_not_share_their_dicts() -> None:
    rejected = Rejected("a.txt", None, "ingest", "empty_file", "file is empty")
    with pytest.raises(dataclasses.FrozenInstanceError):
        rejected.stage = "clean"  # type: ignore[misc]
    first, second = ShardResult(0), ShardResult(1)
    first.counts["articles"] = 3
    assert second.counts == {} and second.parts == {}


def test_rejections_and_outcomes_name_their_fields_as_their_tables_name_the_columns() -> None:
    # tasks/run/rows.py spreads vars() of these records into their rows: a renamed field would leave a column empty.
    assert {f.name for f in dataclasses.fields(Rejected)} <= set(QUARANTINE.names)
    outcome_fields = {f.name for f in dataclasses.fields(InputOutcome)} - {"uri"}  # written as source_uri
    assert outcome_fields <= set(INPUTS.names)
