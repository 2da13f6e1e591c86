"""Stable ids and canonical flags (tasks/headlines/ids.py)."""

from __future__ import annotations

import numpy as np

from tasks.headlines import cluster_headlines
from tasks.headlines.ids import assign_ids, canonical_flags
from tests.headlines.nights import BASE, table


def test_prior_rows_keep_their_id_and_lend_it_to_their_component() -> None:
    comp = np.array([0, 0, 1, 1])
    is_prior = np.array([False, True, False, False])
    ids = assign_ids(comp, is_prior, ["", "s-old", "", ""], np.arange(4), ["h0", "h1", "h2", "h3"], "s")
    assert ids[:2] == ["s-old", "s-old"]
    assert ids[2] == ids[3] != "s-old" and ids[2].startswith("s")


def test_most_common_prior_id_wins_ties_to_the_smallest() -> None:
    comp = np.zeros(4, dtype=np.int64)
    is_prior = np.array([False, True, True, True])
    ids = assign_ids(comp, is_prior, ["", "s-b", "s-a", "s-b"], np.arange(4), ["h0", "h1", "h2", "h3"], "s")
    assert ids == ["s-b", "s-b", "s-a", "s-b"]
    tie = assign_ids(comp[:3], is_prior[:3], ["", "s-b", "s-a"], np.arange(3), ["h0", "h1", "h2"], "s")
    assert tie[0] == "s-a"


def test_new_id_derives_from_the_earliest_row_whatever_the_input_order() -> None:
    comp = np.zeros(2, dtype=np.int64)
    no_prior = np.zeros(2, dtype=bool)
    forward = assign_ids(comp, no_prior, ["", ""], np.array([0, 1]), ["h0", "h1"], "d")
    backward = assign_ids(comp, no_prior, ["", ""], np.array([1, 0]), ["h1", "h0"], "d")
    assert forward == backward


def test_canonical_is_the_first_row_of_a_new_group_only() -> None:
    dup_comp = np.array([0, 0, 1, 1])
    is_prior = np.array([False, False, False, True])
    by_time = np.array([1, 0, 3, 2])
    assert canonical_flags(dup_comp, is_prior, by_time).tolist() == [False, True, False, False]


def test_canonical_is_first_seen_member_of_new_group() -> None:
    out = cluster_headlines(table([(BASE + " - Reuters", 5), (BASE, 1), ("UPDATE 1-" + BASE, 3)]), None)
    assert out.column("is_canonical").to_pylist() == [False, True, False]
