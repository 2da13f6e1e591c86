"""Candidate pairs by blocking (tasks/headlines/candidates.py)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from tasks.headlines import HeadlineSettings
from tasks.headlines.candidates import candidate_edges, top_k_mask
from tasks.headlines.rows import DAY_US


def test_top_k_mask_keeps_an_edge_that_either_endpoint_ranks_high() -> None:
    left, right = np.array([0, 0, 0, 1]), np.array([1, 2, 3, 2])
    sim = np.array([0.9, 0.5, 0.1, 0.2], dtype=np.float32)
    # k=1: 0's best is 1; 2's best is 0-2 (0.5); 3's only edge is 0-3
    assert top_k_mask(left, right, sim, 1).tolist() == [True, True, True, False]


def test_pairs_share_a_blocking_token_and_lie_inside_the_window() -> None:
    dense = np.eye(4, dtype=np.float32) + 0.5
    tf = sp.csr_matrix(dense / np.linalg.norm(dense, axis=1, keepdims=True))
    emb = np.zeros((4, 8), np.float16)
    tokens = [np.array([7]), np.array([7]), np.array([9]), np.array([7])]
    times = np.array([0, 1, 2, 10 * DAY_US])
    dated = np.ones(4, bool)
    left, right, sim = candidate_edges(tokens, times, dated, tf, emb, HeadlineSettings(window_days=2))
    # node 2 shares no token; node 3 is out of the window
    assert sorted(zip(left.tolist(), right.tolist())) == [(0, 1)]
    assert sim.dtype == np.float32 and len(sim) == 1


def test_an_undated_node_has_no_place_in_time_so_the_window_never_parts_it() -> None:
    dense = np.eye(3, dtype=np.float32) + 0.5
    tf = sp.csr_matrix(dense / np.linalg.norm(dense, axis=1, keepdims=True))
    tokens = [np.array([7])] * 3
    times = np.array([0, 10 * DAY_US, 20 * DAY_US])  # node 1's time is only its run's midnight
    dated = np.array([True, False, True])
    left, right, _ = candidate_edges(tokens, times, dated, tf, np.zeros((3, 8), np.float16), HeadlineSettings())
    assert sorted(zip(left.tolist(), right.tolist())) == [(0, 1), (1, 2)]
