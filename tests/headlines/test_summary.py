"""Story summaries: counts and the canonical-headline display rule (tasks/headlines/summary.py)."""

from __future__ import annotations

from datetime import timedelta

import pyarrow as pa
import pytest

from tasks.headlines import summarize_stories
from tests.headlines.nights import T0, TS


def _summary_rows(texts: list[str], hours: list[int], groups: list[str]) -> pa.Table:
    n = len(texts)
    return pa.table(
        {
            "headline_id": [f"h{i}" for i in range(n)],
            "article_id": [f"a{i}" for i in range(n)],
            "text": texts,
            "dup_group_id": groups,
            "story_id": ["s1"] * n,
            "is_canonical": [i == 0 for i in range(n)],
            "seen_at": pa.array([T0 + timedelta(hours=h) for h in hours], TS),
            "source": [f"x{i}" for i in range(n)],
        }
    )


def test_summarize_stories_counts_and_largest_group() -> None:
    rows = {
        "headline_id": ["h1", "h2", "h3", "h4", "h5"],
        "article_id": ["a1", "a2", "a3", "a4", "a4"],
        "text": ["Early lone wording", "Popular wording", "POPULAR wording - AP", "Popular wording ...", "Other story"],
        "dup_group_id": ["d1", "d2", "d2", "d2", "d9"],
        "story_id": ["s1", "s1", "s1", "s1", "s2"],
        "is_canonical": [True, False, True, False, True],
        "seen_at": pa.array([T0, T0 + timedelta(hours=3), T0 + timedelta(hours=2), T0 + timedelta(hours=4), T0], TS),
        "source": ["x", "y", "y", None, "z"],
    }
    out = summarize_stories(pa.table(rows)).to_pylist()
    s1 = out[0]
    # the largest dup group (d2) wins over the earliest one (d1); its earliest clean member gives the text,
    # not its first-seen (canonical) row, which carries an outlet suffix
    assert s1["canonical_headline"] == "Popular wording"
    assert (s1["n_headlines"], s1["n_dup_groups"], s1["n_articles"], s1["n_sources"]) == (4, 2, 4, 2)
    assert s1["first_seen"] == T0 and s1["last_seen"] == T0 + timedelta(hours=4)
    assert out[1]["story_id"] == "s2"


@pytest.mark.parametrize(
    ("texts", "hours", "expected"),
    [
        # earliest clean member wins over an earlier decorated one
        (["UPDATE 2-Ferry fares to rise in spring", "Ferry fares to rise in spring"], [0, 1], "Ferry fares to rise in spring"),
        # among clean members the earliest, whatever the input order
        (["Ferry fares set to rise", "Ferry fares to rise in spring"], [3, 1], "Ferry fares to rise in spring"),
        # a truncated member is not clean; nothing clean: the earliest whole member, suffix stripped
        (["Ferry fares to rise in ...", "FERRY FARES TO RISE IN SPRING - Reuters"], [0, 1], "FERRY FARES TO RISE IN SPRING"),
        # nothing clean: the earliest member, prefix and suffix stripped, casing kept
        (["REFILE-Ferry Fares To Rise | BBC News", "UPDATE 1-ferry fares to rise"], [0, 1], "Ferry Fares To Rise"),
        # every member cut: the earliest, prefix stripped, mark kept so readers see it is cut
        (["UPDATE 3-Ferry fares to rise in ...", "Ferry fares to rise in spr..."], [0, 2], "Ferry fares to rise in ..."),
        # surrounding whitespace is trimmed
        (["  Ferry fares to rise  "], [0], "Ferry fares to rise"),
    ],
)
def test_canonical_headline_display_rule(texts: list[str], hours: list[int], expected: str) -> None:
    out = summarize_stories(_summary_rows(texts, hours, ["d1"] * len(texts))).to_pylist()
    assert out[0]["canonical_headline"] == expected
def test_canonical_headline_ignores_clean_rows_of_smaller_groups() -> None:
    texts = ["UPDATE 1-Ferry fares to rise", "Ferry fares to rise - Reuters", "Ferry operator confirms price rise"]
    out = summarize_stories(_summary_rows(texts, [0, 1, 0], ["d1", "d1", "d2"])).to_pylist()
    assert out[0]["canonical_headline"] == "Ferry fares to rise"
