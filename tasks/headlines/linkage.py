"""Average-linkage agglomeration of seed clusters over the candidate graph, exact from per-cluster sums.

Similarity is a weighted sum of IDF-token cosine and WordLlama embedding cosine; both are dot products of
unit vectors, so the average similarity of two clusters is the dot product of their member sums divided by
n_a * n_b. Rounds merge reciprocal best pairs above `link_threshold` (plus a margin for small clusters), and
let a large cluster absorb in one round the small ones that pick it. Cluster ids stay those of the seeds (a
merged pair keeps the smaller id), so only pairs that touch a cluster merged in the previous round need
their similarity recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.vectors import dense_dots, masked_row_dots


@dataclass
class ClusterSums:
    """Per cluster: its weight, embedding weight, IDF-vector sum, embedding sum and name-part squared norm."""

    size: np.ndarray
    e_size: np.ndarray
    t_sum: sp.csr_matrix
    e_sum: np.ndarray
    name_sq: np.ndarray
    """Squared norm of each cluster's name part: zero when no member names anyone."""
    with_lead: np.ndarray
    """Weight of the members that have a lead (body text beyond their headlines)."""


@dataclass
class _Pairs:
    """Distinct cluster pairs (lo < hi) with their last computed scores; `stale` pairs need rescoring."""

    lo: np.ndarray
    hi: np.ndarray
    sim: np.ndarray
    name_cos: np.ndarray
    topic: np.ndarray
    stale: np.ndarray


def _name_sq(t_sum: sp.csr_matrix, name_mask: np.ndarray) -> np.ndarray:
    return np.asarray(t_sum.multiply(t_sum) @ name_mask, dtype=np.float32).ravel()


def seed_sums(
    seeds: np.ndarray,
    weights: np.ndarray,
    e_weights: np.ndarray,
    tf: sp.csr_matrix,
    emb: np.ndarray,
    name_mask: np.ndarray,
    has_lead: np.ndarray,
) -> tuple[np.ndarray, ClusterSums]:
    """Compact seed label per node, and the sums of every seed cluster.

    Args:
        seeds: seed cluster per node.
        weights: node weight in IDF averages.
        e_weights: node weight in embedding averages (a lead may count for its tokens only).
        tf: unit IDF rows per node.
        emb: unit embedding rows per node (float16).
        name_mask: 1.0 for the IDF columns of name tokens.
        has_lead: nodes that have a lead.

    Returns:
        (label per node, sums per seed cluster).
    """
    labels = np.unique(seeds, return_inverse=True)[1]
    n_seeds = int(labels.max()) + 1 if len(labels) else 0
    member = sp.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(n_seeds, len(labels)))
    size = np.asarray(member.sum(axis=1)).ravel().astype(np.float32)
    e_size = np.bincount(labels, weights=e_weights, minlength=n_seeds).astype(np.float32)
    e_sum = np.zeros((n_seeds, emb.shape[1]), dtype=np.float32)
    for start in range(0, len(labels), 65_536):  # chunks: emb is float16, the sums float32
        sl = slice(start, start + 65_536)
        np.add.at(e_sum, labels[sl], emb[sl].astype(np.float32) * e_weights[sl, None])
    t_sum = sp.csr_matrix(member @ tf)
    with_lead = np.bincount(labels, weights=weights * has_lead, minlength=n_seeds).astype(np.float32)
    return labels, ClusterSums(size, e_size, t_sum, e_sum, _name_sq(t_sum, name_mask), with_lead)


def _initial_pairs(labels: np.ndarray, left: np.ndarray, right: np.ndarray, n_clusters: int) -> _Pairs:
    """The distinct cluster pairs that candidate node pairs connect, all stale."""
    cl, cr = labels[left], labels[right]
    lo, hi = np.minimum(cl, cr), np.maximum(cl, cr)
    code = np.unique(lo[lo != hi].astype(np.int64) * n_clusters + hi[lo != hi])
    lo, hi = code // n_clusters, code % n_clusters
    zeros = np.zeros(len(lo), dtype=np.float32)
    return _Pairs(lo, hi, zeros, zeros.copy(), zeros.copy(), np.ones(len(lo), dtype=bool))


def _rescore(pairs: _Pairs, sums: ClusterSums, name_mask: np.ndarray, tfidf_weight: float) -> None:
    """Recompute similarity, topic similarity (outside names) and name cosine of the stale pairs."""
    a = np.float32(tfidf_weight)
    idx = np.flatnonzero(pairs.stale)
    lo, hi = pairs.lo[idx], pairs.hi[idx]
    full, part = masked_row_dots(sums.t_sum, lo, hi, name_mask)
    weight = sums.size[lo] * sums.size[hi]
    e_weight = np.maximum(sums.e_size[lo] * sums.e_size[hi], np.float32(1e-6))
    pairs.sim[idx] = a * full / weight + (1 - a) * dense_dots(sums.e_sum, sums.e_sum, lo, hi) / e_weight
    pairs.topic[idx] = (full - part) / weight
    norms = np.sqrt(sums.name_sq[lo] * sums.name_sq[hi])
    pairs.name_cos[idx] = np.divide(part, norms, out=np.ones_like(part), where=norms > 0)


def _mergeable(pairs: _Pairs, sums: ClusterSums, settings: HeadlineSettings) -> np.ndarray:
    """Pairs similar enough to merge under the threshold and the optional gates."""
    size = sums.size
    # Articles that carry body text are compared on it: the facts of an event recur in every lead, a topic's
    # words do not, so two clusters whose members have leads must agree more than headline-only ones.
    lead_share = np.minimum(sums.with_lead[pairs.lo] / size[pairs.lo], sums.with_lead[pairs.hi] / size[pairs.hi])
    base = settings.link_threshold + (settings.lead_link_threshold - settings.link_threshold) * lead_share
    # Averages over few pairs are noisy: two lone headlines sharing a word ("airport") must agree more
    # than two large clusters whose averages are diluted by each story's own breadth.
    margin = settings.small_cluster_margin * (1 - lead_share)
    need = base + margin / np.sqrt(size[pairs.lo] * size[pairs.hi])
    small = np.minimum(size[pairs.lo], size[pairs.hi]) <= settings.name_veto_max_size
    ok = (pairs.sim >= need) & (pairs.topic >= settings.min_topic_similarity)
    # Two clusters whose names disagree ("<town A> strike" / "<town B> strike") are two stories.
    return ok & (~small | (pairs.name_cos >= settings.name_agreement))


def _moves(pairs: _Pairs, ok: np.ndarray, size: np.ndarray, absorb_min_size: float) -> tuple[np.ndarray, np.ndarray]:
    """Clusters that merge this round and each one's best partner.

    Reciprocal best pairs merge (the larger id into the smaller): average linkage is reducible, so merging
    every reciprocal pair at once gives the same tree as merging one best pair at a time. A small cluster
    whose best partner is a large one joins it in the same round even when the large one prefers another
    partner: adding a few rows barely moves a large cluster's average, so this equals the exact order
    closely and saves one round per absorbed headline.

    Returns:
        (ids of the clusters that move, best partner per cluster, -1 for none).
    """
    n_clusters = len(size)
    ids = np.arange(n_clusters)
    src = np.concatenate([pairs.lo[ok], pairs.hi[ok]])
    dst = np.concatenate([pairs.hi[ok], pairs.lo[ok]])
    s2 = np.concatenate([pairs.sim[ok], pairs.sim[ok]])
    order = np.lexsort((dst, -s2, src))
    src, dst = src[order], dst[order]
    first = np.r_[True, src[1:] != src[:-1]]
    best = np.full(n_clusters, -1, dtype=np.int64)
    best[src[first]] = dst[first]
    has = best >= 0
    mutual = has & (best[np.where(has, best, 0)] == ids)
    moving = mutual & (best < ids)
    big = size >= absorb_min_size
    absorb = has & ~mutual & ~big & big[np.where(has, best, 0)]
    return np.flatnonzero(moving | absorb), best


def _merge(
    labels: np.ndarray, sums: ClusterSums, pairs: _Pairs, move: np.ndarray, best: np.ndarray, name_mask: np.ndarray
) -> tuple[np.ndarray, _Pairs]:
    """Apply one round's merges to the sums (in place), the node labels and the pair list.

    Returns:
        (new label per node, pairs between the remaining clusters: pairs touching a grown cluster are stale).
    """
    n_clusters = len(sums.size)
    ids = np.arange(n_clusters)
    parent = ids.copy()
    parent[move] = best[move]
    parent = parent[parent[parent]]  # an absorbed cluster may join one that itself joins its pair
    target = parent[move]
    np.add.at(sums.size, target, sums.size[move])
    np.add.at(sums.e_size, target, sums.e_size[move])
    np.add.at(sums.e_sum, target, sums.e_sum[move])
    np.add.at(sums.with_lead, target, sums.with_lead[move])
    merge = sp.csr_matrix((np.ones(n_clusters, np.float32), (parent, ids)), shape=(n_clusters, n_clusters))
    sums.t_sum = sp.csr_matrix(merge @ sums.t_sum)
    grown = np.unique(target)
    sums.name_sq[grown] = _name_sq(sums.t_sum[grown], name_mask)
    changed = np.zeros(n_clusters, dtype=bool)
    changed[target] = True
    lo, hi = parent[pairs.lo], parent[pairs.hi]
    stale = changed[lo] | changed[hi]
    keep = lo != hi
    lo, hi, stale = lo[keep], hi[keep], stale[keep]
    code, first_pos = np.unique(np.minimum(lo, hi) * n_clusters + np.maximum(lo, hi), return_index=True)
    kept = np.flatnonzero(keep)[first_pos]
    remaining = _Pairs(
        code // n_clusters, code % n_clusters, pairs.sim[kept], pairs.name_cos[kept], pairs.topic[kept],
        stale[first_pos],
    )
    return parent[labels], remaining


def agglomerate(
    labels: np.ndarray,
    sums: ClusterSums,
    left: np.ndarray,
    right: np.ndarray,
    name_mask: np.ndarray,
    settings: HeadlineSettings,
) -> np.ndarray:
    """Average-linkage merging of seed clusters over candidate edges.

    Args:
        labels: seed cluster per node (seed_sums).
        sums: per-seed sums (updated in place).
        left, right: candidate node pairs.
        name_mask: 1.0 for the IDF columns of name tokens, else 0.0.
        settings: thresholds.

    Returns:
        Final cluster label per node.
    """
    pairs = _initial_pairs(labels, left, right, len(sums.size))
    for _ in range(settings.max_rounds):
        if len(pairs.lo) == 0:
            break
        _rescore(pairs, sums, name_mask, settings.tfidf_weight)
        ok = _mergeable(pairs, sums, settings)
        if not ok.any():
            break
        move, best = _moves(pairs, ok, sums.size, settings.absorb_min_size)
        if len(move) == 0:
            break
        labels, pairs = _merge(labels, sums, pairs, move, best, name_mask)
    return labels
