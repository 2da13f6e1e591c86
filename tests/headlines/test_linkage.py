"""Average-linkage agglomeration (tasks/headlines/linkage.py)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from tasks.headlines import HeadlineSettings
from tasks.headlines.linkage import NodeFeatures, agglomerate, concentration, seed_sums
from tasks.headlines.times import NamedTimes


def _unit(rows: list[list[float]]) -> np.ndarray:
    a = np.asarray(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def _nodes(tf: sp.csr_matrix, emb: np.ndarray, has_lead: float = 0.0, **given: np.ndarray) -> NodeFeatures:
    """NodeFeatures of n nodes of weight 1 that name no time, with the given fields replaced."""
    n = tf.shape[0]
    ones = np.ones(n, np.float32)
    fields = {
        "weights": ones, "e_weights": ones, "tf": tf, "emb": emb, "name_mask": np.zeros(tf.shape[1], np.float32),
        "has_lead": ones * has_lead, "times": NamedTimes(np.zeros((n, 2), np.float32), np.zeros((n, 1), np.float32)),
        "background": np.zeros(n, np.float32),
    }
    return NodeFeatures(**{**fields, **given})


def test_average_linkage_merges_the_close_pair_and_not_the_far_one() -> None:
    tf = sp.csr_matrix(_unit([[1, 0.1, 0], [1, 0, 0.1], [0, 0, 1]]))
    emb = _unit([[1, 0], [1, 0.1], [0, 1]]).astype(np.float16)
    labels, sums = seed_sums(np.arange(3), _nodes(tf, emb))
    out = agglomerate(labels, sums, np.array([0, 1, 0]), np.array([1, 2, 2]), np.zeros(3, np.float32), HeadlineSettings())
    assert out[0] == out[1] != out[2]


def test_seed_sums_add_members_with_their_weights() -> None:
    tf = sp.csr_matrix(np.eye(2, dtype=np.float32))
    emb = np.eye(2, dtype=np.float16)
    nodes = _nodes(
        tf, emb, weights=np.array([2.0, 1.0], np.float32), e_weights=np.array([1.0, 0.0], np.float32),
        name_mask=np.array([1.0, 0.0], np.float32), has_lead=np.array([1.0, 0.0], np.float32),
        background=np.array([0.5, 0.2], np.float32),
    )
    labels, sums = seed_sums(np.array([4, 4]), nodes)
    assert labels.tolist() == [0, 0]
    assert sums.size.tolist() == [3.0] and sums.e_size.tolist() == [1.0]
    assert sums.t_sum.toarray().tolist() == [[2.0, 1.0]] and sums.e_sum.tolist() == [[1.0, 0.0]]
    assert sums.name_sq.tolist() == [4.0]
    assert sums.with_lead.tolist() == [2.0]  # the weight of the member that has a lead
    assert np.isclose(sums.background[0], 1.2) and sums.node_sq.tolist() == [5.0]


def test_articles_naming_different_days_need_more_to_merge() -> None:
    # Two close articles merge; when one says Tuesday and the other Friday, the clash pulls them under the cut.
    tf = sp.csr_matrix(_unit([[1, 0.5], [1, 0.6]]))
    emb = _unit([[1, 0.5], [1, 0.6]]).astype(np.float16)
    apart = NamedTimes(np.array([[1, 0], [0, 1]], np.float32), np.ones((2, 1), np.float32))
    settings = HeadlineSettings(lead_link_threshold=0.9, density_offset=0.0)
    for times, merged in [(None, True), (apart, False)]:
        nodes = _nodes(tf, emb, has_lead=1.0) if times is None else _nodes(tf, emb, has_lead=1.0, times=times)
        labels, sums = seed_sums(np.arange(2), nodes)
        out = agglomerate(labels, sums, np.array([0]), np.array([1]), np.zeros(2, np.float32), settings)
        assert bool(out[0] == out[1]) is merged


def test_crowded_neighbourhood_raises_the_cut_between_articles_with_leads() -> None:
    tf = sp.csr_matrix(_unit([[1, 1], [1, 0.7]]))
    emb = _unit([[1, 1], [1, 0.7]]).astype(np.float16)
    settings = HeadlineSettings(lead_link_threshold=0.5, density_offset=0.1, density_weight=1.0)
    for background, merged in [(0.2, True), (0.95, False)]:
        nodes = _nodes(tf, emb, has_lead=1.0, background=np.full(2, background, np.float32))
        labels, sums = seed_sums(np.arange(2), nodes)
        out = agglomerate(labels, sums, np.array([0]), np.array([1]), np.zeros(2, np.float32), settings)
        assert bool(out[0] == out[1]) is merged


def test_two_tight_clusters_that_are_only_loosely_alike_stay_apart() -> None:
    # Two seeds of five articles each (two complete reports of two same-kind events): each holds together at
    # about 0.95, the two only at about 0.6. The cohesion rule keeps them apart; without it the cut joins them.
    rng = np.random.default_rng(0)
    centres = _unit([[1, 0.5, 0], [1, -0.5, 0]])
    rows = np.vstack([centres[i] + 0.05 * rng.standard_normal((5, 3)) for i in range(2)])
    tf = sp.csr_matrix(_unit(rows.tolist()))
    emb = _unit(rows.tolist()).astype(np.float16)
    seeds = np.repeat([0, 1], 5)
    for ratio, merged in [(0.0, True), (0.9, False)]:
        settings = HeadlineSettings(lead_link_threshold=0.3, density_offset=0.0, cohesion_ratio=ratio)
        labels, sums = seed_sums(seeds, _nodes(tf, emb, has_lead=1.0))
        out = agglomerate(labels, sums, np.array([0]), np.array([5]), np.zeros(3, np.float32), settings)
        assert bool(out[0] == out[5]) is merged


def test_concentration_is_the_share_of_the_shared_tokens_nodes_inside_the_pair() -> None:
    # Columns: an event word held by nodes 0-1 only, an affair word held by all four nodes.
    tf = sp.csr_matrix(_unit([[1, 1], [1, 1], [0, 1], [0, 1]]))
    emb = np.eye(4, 2, dtype=np.float16)
    nodes = _nodes(tf, emb, df=np.array([2.0, 4.0]))
    labels, sums = seed_sums(np.arange(4), nodes)
    event_pair, affair_pair = concentration(sums, np.array([0, 2]), np.array([1, 3]))
    # 0-1 share both words equally: (2/2 + 2/4) / 2; 2-3 share only the affair word: 2/4.
    assert np.isclose(event_pair, 0.75) and np.isclose(affair_pair, 0.5)
    assert seed_sums(np.arange(4), _nodes(tf, emb))[1].presence is None  # the rule off keeps no counts
