"""How crowded each article's neighbourhood is: the similarity of its nearer neighbours beyond an event's own few."""

from __future__ import annotations

import numpy as np


def neighbor_background(lo: np.ndarray, hi: np.ndarray, sim: np.ndarray, n_nodes: int, first_rank: int) -> np.ndarray:
    """Per node, the mean similarity of its neighbours ranked first_rank .. 2 * first_rank - 1 (0-based).

    An event's own articles are a node's nearest neighbours; the ones ranked just beyond them tell how
    crowded its topic is tonight. Among a thousand events of one night, the fifteenth-nearest article of a
    jobless-claims report is another week's report written in the same words, so sharing topic words says
    little; in a quiet window the same rank is an unrelated article. Missing ranks (a node with fewer
    candidate pairs) count as 0: blocking found nothing that close.

    Args:
        lo, hi: candidate pairs (each node must keep at least 2 * first_rank of its best ones).
        sim: similarity per pair.
        n_nodes: number of nodes.
        first_rank: rank of the first neighbour that counts (0 is the nearest).

    Returns:
        Background similarity per node (float32, at least 0).
    """
    if first_rank <= 0:
        return np.zeros(n_nodes, dtype=np.float32)
    node = np.concatenate([lo, hi])
    both = np.concatenate([sim, sim])
    order = np.lexsort((-both, node))
    node, both = node[order], both[order]
    starts = np.flatnonzero(np.r_[True, node[1:] != node[:-1]]) if len(node) else np.empty(0, np.int64)
    rank = np.arange(len(node)) - np.repeat(starts, np.diff(np.r_[starts, len(node)]))
    counted = (rank >= first_rank) & (rank < 2 * first_rank)
    total = np.bincount(node[counted], weights=np.maximum(both[counted], 0), minlength=n_nodes)
    return (total / first_rank).astype(np.float32)
