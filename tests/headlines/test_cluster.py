"""Story clustering end to end: wordings of one story, leads, cross-night joining, stable ids (tasks/headlines/cluster.py)."""

from __future__ import annotations

import pytest

from tasks.headlines import HeadlineSettings, cluster_headlines
from tests.headlines.nights import BASE, FILLER, table


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


def test_leads_of_one_event_link_headlines_that_share_no_words() -> None:
    # an article's lead is part of its document: the facts an event's leads share outweigh its headlines
    lead = "The regional carrier grounded its whole fleet on Monday after a software fault in its booking system."
    other = "Regional carrier grounds fleet after booking software fault, stranding passengers on Monday."
    rows = [("Thousands stranded at terminals", 0, "art1", lead), ("Travel chaos: what to know", 1, "art2", other)]
    stories = cluster_headlines(table(rows + list(FILLER)), None).column("story_id").to_pylist()
    assert stories[0] == stories[1]
    assert len(set(stories)) == 4


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


def test_lead_boilerplate_does_not_link_two_events_through_headline_embeddings() -> None:
    # Two unrelated articles whose leads share an opener and a boilerplate sentence stay apart when only the
    # headline is embedded. With lead_embedding (the default: it scores better on the labelled sets) the
    # shared boilerplate moves the embeddings together; see HeadlineSettings.lead_embedding. On a night this
    # quiet the cut is its floor (no crowd raises it), and at the default floor 0.25 the boilerplate's shared
    # tokens alone link the two: a known limit (README, Headlines and stories); 0.32 is round 1's floor.
    tail = " The decision follows months of debate at public meetings, and residents will watch the next steps."
    rows = [
        ("Brightwater opens new cycle lane on the seafront", 0, "a1", "Officials said on Monday that a lane opened." + tail),
        ("Lowmoor school canteen switches to local produce", 1, "a2", "Officials said on Monday that meals change." + tail),
        *FILLER,
    ]
    settings = HeadlineSettings(lead_embedding=False, lead_link_threshold=0.32)
    stories = cluster_headlines(table(rows), None, settings).column("story_id")
    assert stories[0] != stories[1]


@pytest.mark.parametrize(("with_leads", "linked"), [(False, True), (True, False)])
def test_articles_with_leads_need_their_leads_to_agree(with_leads: bool, linked: bool) -> None:
    # Same-topic headlines link on headlines alone (lead_link_threshold only binds where leads exist); with
    # leads that tell two different events, the stricter cut keeps them apart.
    leads = [
        "Dock workers in Brightwater walked out on Monday over a pay offer of two percent, the union said.",
        "A ferry ran aground near Lowmoor harbour on Friday; the coastguard rescued all forty passengers.",
    ]
    rows = [
        ("Brightwater harbour strike halts ferries", 0, "a1", leads[0] if with_leads else None),
        ("Harbour ferries halted at Lowmoor", 1, "a2", leads[1] if with_leads else None),
        *FILLER,
    ]
    stories = cluster_headlines(table(rows), None).column("story_id").to_pylist()
    assert (stories[0] == stories[1]) is linked
