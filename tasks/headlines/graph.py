"""Array helpers of the clustering: integer codes for strings, and graphs given as edge arrays."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components


def factorize(values: list[str]) -> np.ndarray:
    """Integer code per string (equal strings, equal codes), via Arrow's hash table.

    Args:
        values: strings, one per row.

    Returns:
        int64 code per row.
    """
    return pc.dictionary_encode(pa.array(values, pa.string())).indices.to_numpy().astype(np.int64)


def components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected-component label per node of the undirected graph given by edge arrays.

    Args:
        n: number of nodes.
        left, right: edge endpoints.

    Returns:
        Component label per node (0..n_components-1).
    """
    graph = sp.coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def same_label_edges(labels: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges chaining the rows (under mask) that share a non-empty label.

    Args:
        labels: object array of strings, "" for no label.
        mask: rows that take part.

    Returns:
        (left, right) row indices: each labelled row linked to the next row with its label.
    """
    rows = np.flatnonzero(mask & (labels != ""))
    if len(rows) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    codes = np.unique(labels[rows].astype(str), return_inverse=True)[1]
    order = np.argsort(codes, kind="stable")
    same = codes[order][1:] == codes[order][:-1]
    return rows[order][:-1][same], rows[order][1:][same]
