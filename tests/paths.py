"""Where the suite finds the repository, its samples, and ../shared (seeds and evaluation data, absent in a user's clone)."""

import importlib
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


def bench_module(name: str, needs: Path) -> ModuleType:
    """The benchmark bench/<name>.py as a module, for tests that score with it; skips the test when the shared
    data it reads (`needs`) is absent."""
    import pytest  # here: tests/night_process.py imports this module in every night process it starts

    if not needs.exists():
        pytest.skip(f"shared evaluation data absent: {needs} (../shared is laid beside the repo on dev machines and CI)")
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))
    return importlib.import_module(name)


def script_module(path: Path) -> ModuleType:
    """A script of the repository (scripts/*.py) as a module, loaded as the benches load theirs (bench/loading.py)."""
    return bench_module("loading", REPO / "bench").script_module(path)


def shared_script(path: Path) -> ModuleType:
    """A scorer of ../shared (a score.py script) as a module; skips the test when it is absent."""
    return bench_module("loading", path).script_module(path)
