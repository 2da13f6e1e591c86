"""Page metadata scored on the shared real-page set (../shared/eval/metadata) against pinned floors."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from tests.paths import REPO

EVAL = REPO.parent / "shared" / "eval" / "metadata"

# Floors sit a little below the scores measured with bench/metadata.py on all 129 pages
# (title 0.922, date 0.992, authors F1 0.929; trafilatura 2.3.1: 0.783, 0.984, 0.789).
FLOORS = {"title": 0.90, "date": 0.98, "authors_f1": 0.91}


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_metadata", REPO / "bench" / "metadata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not (EVAL / "truth.json").is_file():
        pytest.skip(f"{EVAL} is absent: the evaluation pages live outside the repository")
    bench = _bench()
    scorer = bench.load_scorer(EVAL)
    pages, truth = bench.load_pages(EVAL)
    preds = {key: bench.predict_newslake(raw) for key, raw in pages.items()}
    return bench.score_all(scorer, truth, preds)


@pytest.mark.shared
@pytest.mark.parametrize("field", sorted(FLOORS))
def test_metadata_field_meets_floor(scores: dict[str, float], field: str) -> None:
    assert scores[field] >= FLOORS[field], f"{field} {scores[field]:.3f} fell below its floor {FLOORS[field]}"
