"""Pinned floors of story clustering on the labelled event-level sets (../shared/eval/stories, dev halves)."""

from __future__ import annotations

import pytest

from tests.paths import SHARED, bench_module

STORIES = SHARED / "eval" / "stories"

# Skipped as a whole, with the reason, in a clone without ../shared (the bench fixture would skip each test too).
pytestmark = pytest.mark.skipif(not STORIES.exists(), reason=f"shared evaluation data absent: {STORIES}")

# Measured 2026-12-01 with default HeadlineSettings (bench/headlines.py, opaque ids as the flow's): story B-cubed
# F1 allsides 0.913, ecbplus 0.876 (in-topic cross-event merges 0.048), neus 0.801 (largest story 12). With the
# sets' own ids, which name the story and sorted each story's articles together on an undated night, neus read
# 0.815. Floors sit slightly below.
FLOORS = {"allsides_dev": 0.90, "ecbplus_dev": 0.85, "neus_dev": 0.79}
ECB_CROSS_EVENT_CEILING = 0.05


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    return bench_module("headlines", needs=STORIES)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_level_floors(bench, name: str) -> None:  # type: ignore[no-untyped-def]
    from tasks.headlines import HeadlineSettings

    table, rows = bench.load_story_set(STORIES / f"{name}.csv")
    result = bench.score_set(table, rows, HeadlineSettings())
    assert result["bcubed_F1"] >= FLOORS[name]
    if "merged_cross_event_pairs_in_topic" in result:
        assert result["merged_cross_event_pairs_in_topic"] <= ECB_CROSS_EVENT_CEILING


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_bench_ids_do_not_order_articles_by_story(bench, name: str) -> None:  # type: ignore[no-untyped-def]
    """Clustering breaks ties of time by headline_id: ids in story order would hand the labels to blocking."""
    table, rows = bench.load_story_set(STORIES / f"{name}.csv")
    story = dict(zip(table.column("headline_id").to_pylist(), table.column("story").to_pylist()))
    ordered = [story[h] for h in sorted(story)]
    adjacent = sum(a == b for a, b in zip(ordered, ordered[1:])) / (len(ordered) - 1)
    assert adjacent < 0.05  # the sets' own ids: neus 0.67, allsides 0.66, ecbplus 0.15
    assert all(r["story"] not in r["id"] for r in rows)
