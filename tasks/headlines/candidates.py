"""Candidate story pairs by sorted-neighbourhood blocking over rare tokens, cut to a kNN graph: never all pairs."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from tasks.headlines.rows import DAY_US
from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.vectors import dense_dots, row_dots


def candidate_edges(
    node_tokens: list[np.ndarray],
    times: np.ndarray,
    dated: np.ndarray,
    tf: sp.csr_matrix,
    emb: np.ndarray,
    settings: HeadlineSettings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs by sorted-neighbourhood blocking, scored and cut to a kNN graph as they stream in.

    Postings are sorted by (token, time): each node meets the block_neighbors nodes that follow it in
    time under each of its tokens, then the pair is kept only if the two lie within the window or one of
    them is undated (its seen_at is the run's midnight, not a time the article gives). Offsets
    are scored one at a time and the kept edges cut to each node's top `neighbors` whenever they outgrow
    twice that bound, so memory stays linear in the number of nodes however large a token's posting list grows.

    Args:
        node_tokens: blocking token ids per node.
        times: seen_at per node (microseconds).
        dated: per node, whether its time is its own.
        tf: unit IDF rows per node.
        emb: unit embedding rows per node.
        settings: window, block_neighbors, neighbors, edge_floor and tfidf_weight.

    Returns:
        (lo, hi, sim): node pairs (int32), lo < hi, and their similarity (float32).
    """
    k = len(node_tokens)
    window_us = settings.window_days * DAY_US
    lengths = np.fromiter((len(t) for t in node_tokens), dtype=np.int64, count=k)
    # int32 ids: at a million nodes every postings and edge array is half the size.
    node = np.repeat(np.arange(k, dtype=np.int32), lengths)
    tok = np.concatenate(node_tokens).astype(np.int32) if k else np.empty(0, np.int32)
    order = np.lexsort((node, times[node], tok))
    node, tok = node[order], tok[order]
    del order
    w = np.float32(settings.tfidf_weight)
    # Pairs gather rows many times over: one float32 copy costs less than converting every gathered row.
    emb = emb.astype(np.float32)
    kept_lo = np.empty(0, np.int32)
    kept_hi = np.empty(0, np.int32)
    kept_sim = np.empty(0, np.float32)
    for d in range(1, settings.block_neighbors + 1):
        if d >= len(tok):
            break
        p = np.flatnonzero(tok[d:] == tok[:-d])
        if len(p) == 0:
            break
        u, v = node[p], node[p + d]
        lo, hi = np.minimum(u, v), np.maximum(u, v)
        ok = (lo != hi) & ((np.abs(times[lo] - times[hi]) <= window_us) | ~dated[lo] | ~dated[hi])
        code = np.unique(lo[ok].astype(np.int64) * k + hi[ok])
        del p, u, v, lo, hi, ok
        code = code[~np.isin(code, kept_lo.astype(np.int64) * k + kept_hi, assume_unique=True)]
        lo, hi = (code // k).astype(np.int32), (code % k).astype(np.int32)
        del code
        sim = w * row_dots(tf, tf, lo, hi) + (1 - w) * dense_dots(emb, emb, lo, hi)
        strong = sim >= settings.edge_floor
        kept_lo = np.concatenate([kept_lo, lo[strong]])
        kept_hi = np.concatenate([kept_hi, hi[strong]])
        kept_sim = np.concatenate([kept_sim, sim[strong]])
        # Cutting only when the kept edges outgrow twice the final bound keeps memory linear; the result is
        # the same as cutting after every offset, since an edge outside both endpoints' top k never re-enters.
        if len(kept_lo) > 2 * settings.neighbors * k:
            kept_lo, kept_hi, kept_sim = _cut(kept_lo, kept_hi, kept_sim, settings.neighbors)
    return _cut(kept_lo, kept_hi, kept_sim, settings.neighbors)


def _cut(
    lo: np.ndarray, hi: np.ndarray, sim: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The edges among the k most similar of either endpoint."""
    keep = top_k_mask(lo, hi, sim, k)
    return lo[keep], hi[keep], sim[keep]


def top_k_mask(left: np.ndarray, right: np.ndarray, sim: np.ndarray, k: int) -> np.ndarray:
    """Keep an edge if it is among the k most similar edges of either endpoint (a symmetric kNN graph).

    Args:
        left, right: edge endpoints.
        sim: similarity per edge.
        k: edges kept per node.

    Returns:
        Keep flag per edge.
    """
    node = np.concatenate([left, right])
    edge = np.tile(np.arange(len(left), dtype=np.int32), 2)
    order = np.lexsort((-np.concatenate([sim, sim]), node))  # stable: equal sims keep edge order
    node, edge = node[order], edge[order]
    del order
    starts = np.flatnonzero(np.r_[True, node[1:] != node[:-1]])
    rank = np.arange(len(node)) - np.repeat(starts, np.diff(np.r_[starts, len(node)]))
    keep = np.zeros(len(left), dtype=bool)
    keep[edge[rank < k]] = True
    return keep
