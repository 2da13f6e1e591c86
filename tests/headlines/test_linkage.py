"""Average-linkage agglomeration (tasks/headlines/linkage.py)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from tasks.headlines import HeadlineSettings
from tasks.headlines.linkage import agglomerate, seed_sums


def _unit(rows: list[list[float]]) -> np.ndarray:
    a = np.asarray(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_average_linkage_merges_the_close_pair_and_not_the_far_one() -> None:
    tf = sp.csr_matrix(_unit([[1, 0.1, 0], [1, 0, 0.1], [0, 0, 1]]))
    emb = _unit([[1, 0], [1, 0.1], [0, 1]]).astype(np.float16)
    ones = np.ones(3, np.float32)
    mask = np.zeros(3, np.float32)
    labels, sums = seed_sums(np.arange(3), ones, ones, tf, emb, mask, np.zeros(3, np.float32))
    out = agglomerate(labels, sums, np.array([0, 1, 0]), np.array([1, 2, 2]), mask, HeadlineSettings())
    assert out[0] == out[1] != out[2]


def test_seed_sums_add_members_with_their_weights() -> None:
    tf = sp.csr_matrix(np.eye(2, dtype=np.float32))
    emb = np.eye(2, dtype=np.float16)
    labels, sums = seed_sums(np.array([4, 4]), np.array([2.0, 1.0], np.float32), np.array([1.0, 0.0], np.float32),
                             tf, emb, np.array([1.0, 0.0], np.float32), np.array([1.0, 0.0], np.float32))
    assert labels.tolist() == [0, 0]
    assert sums.size.tolist() == [3.0] and sums.e_size.tolist() == [1.0]
    assert sums.t_sum.toarray().tolist() == [[2.0, 1.0]] and sums.e_sum.tolist() == [[1.0, 0.0]]
    assert sums.name_sq.tolist() == [4.0]
    assert sums.with_lead.tolist() == [2.0]  # the weight of the member that has a lead
