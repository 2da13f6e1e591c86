"""The Prefect side of a night: which task runner the shards get, and which failures are retried."""

from __future__ import annotations

import duckdb
import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from flows.params import NightlyParams
from flows.steps import build_task_runner, is_transient


class _State:
    def __init__(self, error: BaseException | None) -> None:
        self.error = error

    def result(self) -> None:
        if self.error:
            raise self.error


@pytest.mark.parametrize(("error", "retried"), [
    (OSError(5, "Input/output error"), True),
    (duckdb.IOException("disk full"), True),
    (FileNotFoundError("gone"), False),
    (PermissionError("denied"), False),
    (TimeoutError(), False),
    (ValueError("a bug"), False),
    (None, False),
])
def test_only_storage_errors_are_retried(error: BaseException | None, retried: bool) -> None:
    assert is_transient(None, None, _State(error)) is retried


def test_auto_runs_many_shards_in_processes_and_one_shard_in_a_thread() -> None:
    params = NightlyParams(inputs=["x"], workers=2)
    many, one = build_task_runner(params, 5), build_task_runner(params, 1)
    assert isinstance(many, ProcessPoolTaskRunner) and many._max_workers == 2
    assert isinstance(one, ThreadPoolTaskRunner)
    assert isinstance(build_task_runner(NightlyParams(inputs=["x"], workers=1), 5), ThreadPoolTaskRunner)


def test_an_explicit_runner_is_kept_and_never_has_more_workers_than_shards() -> None:
    runner = build_task_runner(NightlyParams(inputs=["x"], task_runner="process", workers=4), 3)
    assert isinstance(runner, ProcessPoolTaskRunner) and runner._max_workers == 3
    assert isinstance(build_task_runner(NightlyParams(inputs=["x"], task_runner="thread", workers=4), 9),
                      ThreadPoolTaskRunner)
