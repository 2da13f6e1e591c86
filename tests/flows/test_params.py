"""Flow parameters: bad values are refused before any work, with a message that names the problem."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from flows.params import NightlyParams


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"inputs": []}, "at least 1 item"),
        ({"batch_files": 0}, "greater than or equal to 1"),
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"task_runner": "spark"}, "'auto', 'process', 'thread' or 'dask'"),
        ({"dask_address": "tcp://10.0.0.5:8786"}, "task_runner is not 'dask'"),
        ({"lock_timeout_s": -1}, "greater than or equal to 0"),
        ({"surprise": 1}, "Extra inputs are not permitted"),
    ],
)
def test_bad_parameters_are_refused(overrides: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        NightlyParams(**{"inputs": ["landing"], **overrides})


@pytest.mark.parametrize(
    ("zone", "now", "expected"),
    [
        ("UTC", datetime(2026, 11, 28, 1, 0, tzinfo=timezone.utc), date(2026, 11, 27)),
        # 23:30 UTC is already the next day in Amsterdam: yesterday there is the UTC day itself.
        ("Europe/Amsterdam", datetime(2026, 11, 27, 23, 30, tzinfo=timezone.utc), date(2026, 11, 27)),
        ("America/New_York", datetime(2026, 11, 28, 3, 0, tzinfo=timezone.utc), date(2026, 11, 26)),
    ],
)
def test_default_run_date_is_yesterday_in_the_time_zone(zone: str, now: datetime, expected: date) -> None:
    assert NightlyParams(inputs=["x"], timezone=zone).resolved_date(now) == expected


def test_explicit_run_date_wins() -> None:
    assert NightlyParams(inputs=["x"], run_date=date(2026, 1, 2)).resolved_date() == date(2026, 1, 2)


def test_inputs_fill_in_the_date_and_expand_globs(tmp_path: Path) -> None:
    day_dir = tmp_path / "landing" / "2026" / "11" / "27"
    day_dir.mkdir(parents=True)
    (day_dir / "a.txt").write_text("A")
    (day_dir / "b.jsonl").write_text("{}")
    params = NightlyParams(inputs=[str(tmp_path / "landing/{date:%Y/%m/%d}/*.txt"), str(tmp_path / "landing/{date:%Y/%m/%d}")])
    assert params.resolved_inputs(date(2026, 11, 27)) == [str(day_dir / "a.txt"), str(day_dir)]
    # A glob that matches nothing is a quiet night; a plain path that is missing is an error.
    assert NightlyParams(inputs=[str(tmp_path / "landing/{date:%Y/%m/%d}/*")]).resolved_inputs(date(2026, 11, 28)) == []
    with pytest.raises(ValueError, match="not found"):
        NightlyParams(inputs=[str(tmp_path / "landing/{date}")]).resolved_inputs(date(2026, 11, 27))


def test_a_recursive_glob_names_each_path_once_and_discovery_meets_each_once(tmp_path: Path) -> None:
    # `landing/{date}/**/*` (the deployment's pattern) matches a directory and everything under it, and `**`
    # follows a symlink loop: discovery must still see each path of the landing zone once.
    from tasks.ingest import discover

    day = tmp_path / "landing" / "2026-11-27"
    (day / "sub").mkdir(parents=True)
    (day / "a.txt").write_text("A")
    (day / "sub" / "b.txt").write_text("B")
    os.mkfifo(day / "sub" / "pipe")
    os.symlink(day / "gone", day / "sub" / "broken")
    os.symlink(".", day / "sub" / "loop")
    params = NightlyParams(inputs=[str(tmp_path / "landing/{date}/**/*")])
    found = discover(params.resolved_inputs(date(2026, 11, 27)))
    assert sorted(Path(f.path).relative_to(day).as_posix() for f in found.files) == ["a.txt", "sub/b.txt"]
    assert sorted((Path(r.source_uri).name, r.error_kind) for r in found.rejected) == [
        ("broken", "broken_symlink"), ("loop", "symlink_loop"), ("pipe", "special_file")]


def test_an_input_with_an_unknown_placeholder_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"only placeholder an input may hold is \{date\}"):
        NightlyParams(inputs=["landing/{batch}"]).resolved_inputs(date(2026, 11, 27))
