"""Nodes and seed clusters (tasks/headlines/nodes.py)."""

from __future__ import annotations

import numpy as np

from tasks.headlines.nodes import build_nodes
from tasks.headlines.rows import load_rows
from tasks.headlines.schemas import STORY_INDEX
from tests.headlines.nights import BASE, table


def test_one_node_per_wording_of_a_dup_group_and_one_per_lead() -> None:
    rows = load_rows(
        table([(BASE, 2), (BASE, 1), ("UPDATE 1-" + BASE, 3, "a9", "A lead."), ("Ferry fares rise", 0)]),
        STORY_INDEX.empty_table(),
    )
    dup_comp = np.array([0, 0, 0, 1])
    nodes = build_nodes(rows, dup_comp)
    # equal normalized text in one group: one node, standing for its earliest row
    assert nodes.node_of_row[0] == nodes.node_of_row[1] == nodes.node_of_row[2]
    assert nodes.n_text == 2 and nodes.node_row[nodes.node_of_row[0]] == 1
    # nodes numbered by first seen: the 0 h headline is node 0
    assert nodes.node_of_row[3] == 0
    assert nodes.lead_src.tolist() == [2] and nodes.lead_texts == ["A lead."]


def test_seeds_join_an_articles_variants_its_lead_and_prior_stories() -> None:
    night = table([("Ferry fares rise", 0, "art1", "A lead."), ("Island ferry prices go up", 1, "art1"), ("Tram opens", 2)])
    prior = table([("Old tram story", -5), ("Another old tram story", -4)], start=50).append_column(
        "text_norm", [["old tram story", "another old tram story"]]
    ).append_column("dup_group_id", [["d1", "d2"]]).append_column("story_id", [["s1", "s1"]])
    rows = load_rows(night, prior)
    nodes = build_nodes(rows, np.arange(rows.n))
    seeds = nodes.seeds
    text = nodes.node_of_row
    lead = nodes.n_text  # the only lead node
    assert seeds[text[0]] == seeds[text[1]] == seeds[lead]
    assert seeds[text[3]] == seeds[text[4]]
    assert len({seeds[text[0]], seeds[text[2]], seeds[text[3]]}) == 3
