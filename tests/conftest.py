"""Fixtures shared by the suite: the ../shared data location and one Prefect test harness per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.prefect_env import configure_local_prefect
from tests.paths import SHARED

configure_local_prefect()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (seeds and evaluation data); tests using it skip in a user's clone, which has none."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the seed and evaluation data live outside the repository")
    return SHARED


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API for the whole session: creating one costs about 25 s here, so tests share it."""
    from prefect.logging import disable_run_logger  # noqa: F401 - imported to fail early if Prefect is broken
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
