"""Article nodes and seed clusters (tasks/headlines/nodes.py)."""

from __future__ import annotations

import numpy as np

from tasks.headlines.nodes import build_nodes
from tasks.headlines.rows import load_rows
from tasks.headlines.schemas import STORY_INDEX
from tests.headlines.nights import BASE, table


def test_one_node_per_article_numbered_by_first_seen_with_its_lead() -> None:
    rows = load_rows(
        table([(BASE, 2, "a1"), ("Airport tram approved", 1, "a1", "A lead."), ("Ferry fares rise", 0, "a2")]),
        STORY_INDEX.empty_table(),
    )
    nodes = build_nodes(rows, np.arange(rows.n))
    assert nodes.n == 2
    assert nodes.node_of_row.tolist() == [1, 1, 0]  # a2's row is seen first
    assert nodes.node_row.tolist() == [2, 1]  # each article's earliest row stands for it
    assert nodes.leads == ["", "A lead."]


def test_seeds_join_articles_of_one_dup_group_and_of_one_prior_story() -> None:
    night = table([("Ferry fares rise", 0, "art1"), ("Ferry fares rise", 1, "art2"), ("Tram opens", 2, "art3")])
    prior = table([("Old tram story", -5), ("Another old tram story", -4)], start=50).append_column(
        "text_norm", [["old tram story", "another old tram story"]]
    ).append_column("dup_group_id", [["d1", "d2"]]).append_column("story_id", [["s1", "s1"]])
    rows = load_rows(night, prior)
    dup_comp = np.array([0, 0, 1, 2, 3])
    nodes = build_nodes(rows, dup_comp)
    seed_of_row = nodes.seeds[nodes.node_of_row]
    assert seed_of_row[0] == seed_of_row[1]  # one headline re-sent by two articles
    assert seed_of_row[3] == seed_of_row[4]  # one prior story
    assert len({seed_of_row[0], seed_of_row[2], seed_of_row[3]}) == 3


def test_copies_of_one_article_are_one_weighted_node() -> None:
    rows = load_rows(
        table([(BASE, 0, "a1"), (BASE, 1, "a2"), (BASE, 2, "a3", "A lead."), ("Ferry fares rise", 3, "a4")]),
        STORY_INDEX.empty_table(),
    )
    nodes = build_nodes(rows, np.array([0, 0, 0, 1]))
    # a1 and a2 carry the same headline in one dup group and no lead; a3 has a lead of its own
    assert nodes.node_of_row.tolist() == [0, 0, 1, 2]
    assert nodes.weights.tolist() == [2.0, 1.0, 1.0]
