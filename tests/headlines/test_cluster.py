"""Duplicate folding, story clustering, cross-night joining and story summaries (tasks/headlines.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest

from tasks.headlines.cluster import (
    HeadlineSettings,
    _name_tokens,
    cluster_headlines,
    summarize_stories,
)

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


def test_lead_tips_a_link_the_headlines_half_make() -> None:
    lead = "The regional carrier grounded its whole fleet on Monday after a software fault in its booking system."
    other = "Regional carrier grounds fleet after booking software fault, stranding passengers on Monday."
    rows = [
        ("Regional carrier halts flights", 0, "art1", lead),
        ("Carrier software fault strands travellers", 1, "art2", other),
        *FILLER,
    ]
    with_leads = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert with_leads[0] == with_leads[1]
    without = cluster_headlines(table([r[:2] for r in rows]), None).column("story_id").to_pylist()
    assert without[0] != without[1]
    # filler stories stay apart from it and from each other
    assert len(set(with_leads)) == 4


def test_leads_alone_do_not_link_headlines_that_share_no_words() -> None:
    # lead_weight below a headline's weight: leads can support a link, not make one on their own
    lead = "The regional carrier grounded its whole fleet on Monday after a software fault in its booking system."
    other = "Regional carrier grounds fleet after booking software fault, stranding passengers on Monday."
    rows = [("Thousands stranded at terminals", 0, "art1", lead), ("Travel chaos: what to know", 1, "art2", other)]
    stories = cluster_headlines(table(rows + list(FILLER)), None).column("story_id").to_pylist()
    assert stories[0] != stories[1]
    strong = cluster_headlines(table(rows + list(FILLER)), None, HeadlineSettings(lead_weight=2.0))
    assert strong.column("story_id")[0] == strong.column("story_id")[1]


@pytest.mark.parametrize(
    ("first", "second", "folds"),
    [
        # one swapped common word folds
        ("Brightwater council votes to close two branch libraries", "Brightwater council votes to shut two branch libraries", True),
        # one inserted common word folds
        ("Brightwater council votes to close two branch libraries", "Brightwater council votes to close two libraries", True),
        # a swapped place is another story (Lowmoor is written capitalized mid-headline below, so it is a name)
        ("Brightwater council votes to close two branch libraries", "Lowmoor council votes to close two branch libraries", False),
        # a swapped number is another result
        ("Harbour rowing club wins regional final by 3 lengths", "Harbour rowing club wins regional final by 5 lengths", False),
    ],
)
def test_one_word_edits_fold_unless_the_word_is_a_name_or_number(first: str, second: str, folds: bool) -> None:
    rows = [(first, 0), (second, 1), ("Ferry strike in Lowmoor and Brightwater enters third day", 2)]
    groups = cluster_headlines(table(rows), None).column("dup_group_id").to_pylist()
    assert (groups[0] == groups[1]) is folds


def test_name_agreement_keeps_same_shaped_stories_of_two_places_apart() -> None:
    rows = [
        ("Dock workers in Brightwater vote to strike over pay", 0),
        ("Brightwater dock workers back strike over pay", 1),
        ("Dock workers in Lowmoor vote to strike over pay cuts", 2),
        ("Lowmoor dock workers back strike over pay cuts", 3),
        *FILLER,
    ]
    loose = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert loose[0] == loose[2]  # without the rule one place's strike absorbs the other's
    strict = cluster_headlines(table(rows), None, HeadlineSettings(name_agreement=0.01)).column("story_id").to_pylist()
    assert strict[0] == strict[1] and strict[2] == strict[3]
    assert strict[0] != strict[2]


def test_empty_night_returns_empty_columns() -> None:
    first = cluster_headlines(table([(BASE, 0)]), None)
    for prior in (None, first.drop_columns(["is_canonical"])):
        out = cluster_headlines(table([(BASE, 0)]).slice(0, 0), prior)
        assert out.num_rows == 0 and "story_id" in out.column_names


def test_single_headline_is_its_own_canonical_story() -> None:
    out = cluster_headlines(table([(BASE, 0)]), None).to_pylist()[0]
    assert out["is_canonical"] is True
    assert out["dup_group_id"].startswith("d") and out["story_id"].startswith("s")


def test_name_tokens_are_never_written_in_lowercase() -> None:
    texts = [
        "Ferry strike in Lowmoor enters third day",
        "Talks in Lowmoor stall as ferry strike goes on",
        "New ferry for the Strait route",  # "strait" capitalized once, never lowercase
        "Ferries return to the strait",  # ...and here lowercase: not a name
        "Gulls Return To The Harbour",  # Title Case: no evidence either way
    ]
    assert _name_tokens(texts, HeadlineSettings()) == {"lowmoor"}


def test_min_topic_similarity_keeps_a_shared_place_alone_from_linking() -> None:
    rows = [
        ("Brightwater council approves harbour wall repair", 0),
        ("Harbour wall repair in Brightwater gets council backing", 1),
        ("Brightwater budget leaves libraries short", 2),
        ("Libraries in Brightwater face budget cuts", 3),
        *FILLER,
    ]
    loose = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert loose[0] == loose[2]  # by default the shared place and the embedding join the two stories
    strict = cluster_headlines(table(rows), None, HeadlineSettings(min_topic_similarity=0.02))
    stories = strict.column("story_id").to_pylist()
    assert stories[0] == stories[1] and stories[2] == stories[3]
    assert stories[0] != stories[2]


@pytest.mark.parametrize(("lead_embedding", "linked"), [(False, False), (True, True)])
def test_lead_boilerplate_links_only_through_lead_embeddings(lead_embedding: bool, linked: bool) -> None:
    # Two unrelated articles whose leads share an opener and a boilerplate sentence: their embeddings are
    # close, their rare words are not shared. Weight 1.5 makes the effect visible on a five-row night.
    tail = " The decision follows months of debate at public meetings, and residents will watch the next steps."
    rows = [
        ("Brightwater opens new cycle lane on the seafront", 0, "a1", "Officials said on Monday that a lane opened." + tail),
        ("Lowmoor school canteen switches to local produce", 1, "a2", "Officials said on Monday that meals change." + tail),
        *FILLER,
    ]
    settings = HeadlineSettings(lead_embedding=lead_embedding, lead_weight=1.5)
    stories = cluster_headlines(table(rows), None, settings).column("story_id").to_pylist()
    assert (stories[0] == stories[1]) is linked


def test_masked_row_dots_splits_each_dot_product() -> None:
    import numpy as np
    import scipy.sparse as sp

    from tasks.headlines.vectors import masked_row_dots

    a = sp.csr_matrix(np.array([[1.0, 2.0, 0.0], [3.0, 1.0, 5.0], [0.0, 0.0, 1.0]], dtype=np.float32))
    mask = np.array([0.0, 1.0, 1.0], dtype=np.float32)
    full, part = masked_row_dots(a, np.array([0, 1]), np.array([1, 2]), mask)
    assert full.tolist() == [5.0, 5.0]  # 1*3 + 2*1; 5*1
    assert part.tolist() == [2.0, 5.0]  # the masked columns only
