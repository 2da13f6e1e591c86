"""Array and graph helpers (tasks/headlines/graph.py)."""

from __future__ import annotations

import numpy as np

from tasks.headlines.graph import components, factorize, same_label_edges


def test_factorize_gives_equal_codes_to_equal_strings() -> None:
    codes = factorize(["b", "a", "b", "c"]).tolist()
    assert codes[0] == codes[2] and len(set(codes)) == 3


def test_components_of_edge_arrays() -> None:
    labels = components(5, np.array([0, 3]), np.array([1, 4]))
    assert labels[0] == labels[1] and labels[3] == labels[4]
    assert len({labels[0], labels[2], labels[3]}) == 3


def test_same_label_edges_chain_labelled_rows_under_the_mask() -> None:
    labels = np.array(["x", "", "x", "y", "x"], dtype=object)
    mask = np.array([True, True, True, True, False])
    left, right = same_label_edges(labels, mask)
    assert sorted(zip(left.tolist(), right.tolist())) == [(0, 2)]
