"""Duplicate folding, story clustering, cross-night joining and story summaries (tasks/headlines.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest

from tasks.headlines import HeadlineSettings, cluster_headlines, summarize_stories

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TS = pa.timestamp("us", tz="UTC")


def table(rows: list[tuple], start: int = 0) -> pa.Table:
    """rows: (text, hours after T0[, article_id[, lead]]); ids are derived from the position."""
    return pa.table(
        {
            "headline_id": [f"h{start + i:03d}" for i in range(len(rows))],
            "article_id": [r[2] if len(r) > 2 and r[2] else f"a{start + i:03d}" for i, r in enumerate(rows)],
            "text": [r[0] for r in rows],
            "seen_at": pa.array([T0 + timedelta(hours=r[1]) for r in rows], TS),
            "source": [f"outlet{i % 3}" for i in range(len(rows))],
            "lead": pa.array([r[3] if len(r) > 3 else None for r in rows], pa.string()),
        }
    )


BASE = "Harbour city council approves new tram line to the airport"
FILLER = [
    ("Tennis star withdraws from spring open with wrist injury", 1),
    ("Central bank holds interest rates steady as inflation cools", 2),
    ("Volcano eruption forces evacuation of island villages", 3),
]


@pytest.mark.parametrize(
    "variant",
    [
        "UPDATE 2-" + BASE,  # wire prefix
        BASE + " - Reuters",  # outlet suffix
        "Harbour city council approves new tram line ...",  # truncation
        BASE.upper(),  # case
        "Harbour city council approves new tram line to the airport: sources",  # attribution tail
        "Harbour city council approves new tram line to airport",  # one word dropped
    ],
)
def test_dup_folding(variant: str) -> None:
    out = cluster_headlines(table([(BASE, 0), (variant, 1), *FILLER]), None)
    groups = out.column("dup_group_id").to_pylist()
    assert groups[0] == groups[1]
    assert len(set(groups[2:]) | {groups[0]}) == 4


def test_us_spellings_fold() -> None:
    out = cluster_headlines(
        table(
            [("U.S. regulators fine airline over lost luggage", 0), ("US regulators fine airline over lost luggage", 2)]
        ),
        None,
    )
    assert len(set(out.column("dup_group_id").to_pylist())) == 1


def test_short_section_labels_do_not_fold_across_articles() -> None:
    out = cluster_headlines(table([("Market Highlights", 0), ("Market Highlights", 1)]), None)
    assert len(set(out.column("dup_group_id").to_pylist())) == 2


def test_variants_of_one_article_share_a_story() -> None:
    rows = [
        ("Regional airline grounds fleet after software fault", 0, "art1"),
        ("Thousands stranded as carrier halts all flights over glitch", 0, "art1"),
        *FILLER,
    ]
    out = cluster_headlines(table(rows), None)
    stories = out.column("story_id").to_pylist()
    assert stories[0] == stories[1]
    assert out.column("dup_group_id")[0] != out.column("dup_group_id")[1]
    assert len(set(stories)) == 4


def test_differently_worded_headlines_of_one_story_cluster() -> None:
    rows = [
        ("Harbour city council approves tram line to airport", 0),
        ("Council votes yes on airport tram for harbour city", 1),
        ("Harbour city tram to airport wins council approval", 2),
        *FILLER,
    ]
    stories = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert stories[0] == stories[1] == stories[2]
    assert len(set(stories)) == 4


def test_unrelated_headline_with_shared_words_kept_apart() -> None:
    rows = [
        ("Harbour city council approves tram line to airport", 0),
        ("Harbour city tram to airport wins council approval", 1),
        ("Airport strike cancels hundreds of flights in capital", 2),
        *FILLER,
    ]
    stories = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert stories[0] == stories[1]
    assert stories[2] != stories[0]


def test_headline_outside_window_kept_apart() -> None:
    settings = HeadlineSettings(window_days=2)
    rows = [(BASE, 0), (BASE, 24 * 10), *FILLER]
    out = cluster_headlines(table(rows), None, settings)
    assert out.column("dup_group_id")[0] != out.column("dup_group_id")[1]
    assert out.column("story_id")[0] != out.column("story_id")[1]


def test_second_night_joins_first_night_with_same_ids() -> None:
    night1 = cluster_headlines(
        table([(BASE, 0), ("Council votes yes on airport tram for harbour city", 1), *FILLER]), None
    )
    night2_in = table([("UPDATE 1-" + BASE, 20), ("Harbour city tram to airport wins council approval", 21)], start=100)
    night2 = cluster_headlines(night2_in, night1.drop_columns(["is_canonical"]))
    assert night2.column("dup_group_id")[0] == night1.column("dup_group_id")[0]
    assert night2.column("story_id").to_pylist() == [night1.column("story_id")[0].as_py()] * 2
    # joining an existing dup group never makes a later arrival canonical
    assert night2.column("is_canonical")[0].as_py() is False


def test_canonical_is_first_seen_member_of_new_group() -> None:
    out = cluster_headlines(table([(BASE + " - Reuters", 5), (BASE, 1), ("UPDATE 1-" + BASE, 3)]), None)
    assert out.column("is_canonical").to_pylist() == [False, True, False]


def test_same_input_same_ids_and_order_free_grouping() -> None:
    rows = [
        (BASE, 0),
        ("Council votes yes on airport tram for harbour city", 1),
        ("UPDATE 1-" + BASE, 2),
        *FILLER,
    ]
    first = cluster_headlines(table(rows), None)
    again = cluster_headlines(table(rows), None)
    assert first.column("story_id").to_pylist() == again.column("story_id").to_pylist()
    assert first.column("dup_group_id").to_pylist() == again.column("dup_group_id").to_pylist()
    shuffled = first.select(["headline_id", "article_id", "text", "seen_at", "source", "lead"]).take([4, 2, 0, 5, 1, 3])
    out = cluster_headlines(shuffled, None)
    by_id = dict(
        zip(
            out.column("headline_id").to_pylist(),
            zip(out.column("story_id").to_pylist(), out.column("dup_group_id").to_pylist()),
        )
    )
    assert [by_id[h] for h in first.column("headline_id").to_pylist()] == list(
        zip(first.column("story_id").to_pylist(), first.column("dup_group_id").to_pylist())
    )


def test_output_keeps_rows_and_adds_columns() -> None:
    new = table([(BASE, 0), *FILLER])
    out = cluster_headlines(new, None)
    assert out.column_names == new.column_names + ["text_norm", "dup_group_id", "story_id", "is_canonical"]
    assert out.column("headline_id").to_pylist() == new.column("headline_id").to_pylist()


def test_summarize_stories_canonical_rule() -> None:
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
    # the largest dup group (d2) wins over the earliest one (d1); its canonical row gives the text
    assert s1["canonical_headline"] == "POPULAR wording - AP"
    assert (s1["n_headlines"], s1["n_dup_groups"], s1["n_articles"], s1["n_sources"]) == (4, 2, 4, 2)
    assert s1["first_seen"] == T0 and s1["last_seen"] == T0 + timedelta(hours=4)
    assert out[1]["story_id"] == "s2"


def test_lead_links_headlines_that_share_no_words() -> None:
    lead = "The regional carrier grounded its whole fleet on Monday after a software fault in its booking system."
    other = "Regional carrier grounds fleet after booking software fault, stranding passengers on Monday."
    rows = [
        ("Thousands stranded at terminals", 0, "art1", lead),
        ("Travel chaos: what passengers need to know", 1, "art2", other),
        *FILLER,
    ]
    with_leads = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert with_leads[0] == with_leads[1]
    without = cluster_headlines(table([r[:2] for r in rows]), None).column("story_id").to_pylist()
    assert without[0] != without[1]


def test_empty_night_returns_empty_columns() -> None:
    first = cluster_headlines(table([(BASE, 0)]), None)
    for prior in (None, first.drop_columns(["is_canonical"])):
        out = cluster_headlines(table([(BASE, 0)]).slice(0, 0), prior)
        assert out.num_rows == 0 and "story_id" in out.column_names


def test_single_headline_is_its_own_canonical_story() -> None:
    out = cluster_headlines(table([(BASE, 0)]), None).to_pylist()[0]
    assert out["is_canonical"] is True
    assert out["dup_group_id"].startswith("d") and out["story_id"].startswith("s")
