"""Page metadata scored on the shared metadata sets (../shared/eval/metadata and metadata_postlight) against floors."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.paths import SHARED, bench_module

EVAL = SHARED / "eval"

# Floors sit a little below the scores bench/metadata.py measured on all pages of each set (metadata: title
# 0.922, date 0.992, authors F1 0.948, first words 0.674; metadata_postlight: 0.877, 0.767, 0.781, 0.761).
FLOORS = {
    "metadata": {"title": 0.90, "date": 0.98, "authors_f1": 0.93, "first_words": 0.65},
    "metadata_postlight": {"title": 0.85, "date": 0.75, "authors_f1": 0.75, "first_words": 0.73},
}


def _bench() -> ModuleType:
    return bench_module("metadata", EVAL)


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    if not all((EVAL / name / "truth.json").is_file() for name in FLOORS):
        pytest.skip(f"{EVAL} is absent: the evaluation pages live outside the repository")
    bench = _bench()
    scorer = bench.load_scorer()
    figures = {}
    for name in FLOORS:
        pages, truth = bench.load_set(name)
        preds, _ = bench.run(bench.predict_newslake, pages, truth)
        figures[name] = bench.score_pages(scorer, truth, preds)
    return figures


@pytest.mark.shared
@pytest.mark.parametrize(("name", "field"), [(n, f) for n, floors in FLOORS.items() for f in sorted(floors)])
def test_metadata_field_meets_floor(scores: dict[str, dict[str, float]], name: str, field: str) -> None:
    value, floor = scores[name][field], FLOORS[name][field]
    assert value >= floor, f"{name} {field} {value:.3f} fell below its floor {floor}"
