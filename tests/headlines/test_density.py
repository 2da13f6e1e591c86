"""The background similarity of a node's neighbourhood (tasks/headlines/density.py)."""

from __future__ import annotations

import numpy as np

from tasks.headlines.density import neighbor_background


def test_background_is_the_mean_of_the_ranks_past_the_nearest_ones() -> None:
    # node 0 has five neighbours; with first_rank 2 its ranks 2 and 3 count (0.5 and 0.3), not 0.9/0.8 nor 0.1
    lo = np.array([0, 0, 0, 0, 0])
    hi = np.array([1, 2, 3, 4, 5])
    sim = np.array([0.3, 0.9, 0.1, 0.8, 0.5], np.float32)
    background = neighbor_background(lo, hi, sim, 6, 2)
    assert np.isclose(background[0], 0.4)
    # a node with one neighbour has no rank 2 or 3: missing ranks count as 0
    assert background[1:].tolist() == [0.0] * 5


def test_no_rank_no_background() -> None:
    assert neighbor_background(np.array([0]), np.array([1]), np.array([0.5], np.float32), 2, 0).tolist() == [0, 0]
