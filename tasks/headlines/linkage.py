"""Average-linkage agglomeration of seed clusters over the candidate graph, exact from per-cluster sums.

Similarity is a weighted sum of IDF-token cosine and WordLlama embedding cosine, less a penalty when two
articles name only different weekdays or months; every term is a dot product of per-article vectors, so the
average similarity of two clusters comes from their member sums divided by n_a * n_b, and so does the mean
similarity within one cluster (its cohesion). Rounds merge reciprocal best pairs above the cut: for headline-only
clusters a fixed one plus a margin for small clusters; for clusters of articles with leads one that rises with
the density of their neighbourhood, and only if the pair holds together about as well as each cluster alone.
A large cluster absorbs in one round the small ones that pick it. Cluster ids stay those of the seeds (a
merged pair keeps the smaller id), so only pairs that touch a cluster merged in the previous round need
their similarity recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.times import NamedTimes
from tasks.headlines.vectors import dense_dots, masked_row_dots


@dataclass
class NodeFeatures:
    """What agglomeration needs of each article node (cluster sums are built from these)."""

    weights: np.ndarray
    """Articles per node, its weight in IDF averages."""
    e_weights: np.ndarray
    """Node weight in embedding averages."""
    tf: sp.csr_matrix
    """Unit IDF rows."""
    emb: np.ndarray
    """Unit embedding rows (float16)."""
    name_mask: np.ndarray
    """1.0 for the IDF columns of name tokens."""
    has_lead: np.ndarray
    """1.0 for nodes that have a lead."""
    times: NamedTimes
    """The weekdays and months each node names (times.named_times)."""
    background: np.ndarray
    """Background similarity of each node's neighbourhood (density.neighbor_background)."""
    df: np.ndarray | None = None
    """Nodes holding each IDF column tonight; given only when the concentration rule is on (token presence
    counts per cluster are then kept alongside the sums)."""


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
    time_sum: np.ndarray
    """Weighted sum of the members' named-time value rows."""
    time_named: np.ndarray
    """Weighted sum of the members' named-time kind rows."""
    background: np.ndarray
    """Weighted sum of the members' background similarities."""
    node_sq: np.ndarray
    """Sum over the member nodes of their weight squared: the pairs of a node with itself and its copies."""
    self_t: np.ndarray
    """Those pairs' share of the IDF-sum's squared norm (weight squared times the row's squared norm)."""
    self_e: np.ndarray
    """The same for the embedding sum."""
    presence: sp.csr_matrix | None = None
    """Member nodes holding each IDF column (same sparsity as t_sum); None when the concentration rule is off."""
    inv_df: np.ndarray | None = None
    """1 / night-wide node frequency per IDF column (with presence)."""


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


def seed_sums(seeds: np.ndarray, nodes: NodeFeatures) -> tuple[np.ndarray, ClusterSums]:
    """Compact seed label per node, and the sums of every seed cluster.

    Args:
        seeds: seed cluster per node.
        nodes: the nodes' features.

    Returns:
        (label per node, sums per seed cluster).
    """
    weights, e_weights, emb = nodes.weights, nodes.e_weights, nodes.emb
    labels = np.unique(seeds, return_inverse=True)[1]
    n_seeds = int(labels.max()) + 1 if len(labels) else 0
    member = sp.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(n_seeds, len(labels)))
    size = np.asarray(member.sum(axis=1)).ravel().astype(np.float32)
    e_size = np.bincount(labels, weights=e_weights, minlength=n_seeds).astype(np.float32)
    e_sum = np.zeros((n_seeds, emb.shape[1]), dtype=np.float32)
    for start in range(0, len(labels), 65_536):  # chunks: emb is float16, the sums float32
        sl = slice(start, start + 65_536)
        np.add.at(e_sum, labels[sl], emb[sl].astype(np.float32) * e_weights[sl, None])
    t_sum = sp.csr_matrix(member @ nodes.tf)

    def total(values: np.ndarray, by: np.ndarray = weights) -> np.ndarray:
        return np.bincount(labels, weights=by * values, minlength=n_seeds).astype(np.float32)

    t_row_sq = np.asarray(nodes.tf.multiply(nodes.tf).sum(axis=1)).ravel()
    e_row_sq = np.einsum("ij,ij->i", emb, emb, dtype=np.float32)
    presence = inv_df = None
    if nodes.df is not None:
        held = sp.csr_matrix((np.ones_like(nodes.tf.data), nodes.tf.indices, nodes.tf.indptr), shape=nodes.tf.shape)
        count = sp.csr_matrix((np.ones(len(labels), np.float32), (labels, np.arange(len(labels)))), shape=member.shape)
        presence = sp.csr_matrix(count @ held)
        inv_df = (1.0 / np.maximum(nodes.df, 1.0)).astype(np.float32)
    return labels, ClusterSums(
        size, e_size, t_sum, e_sum, _name_sq(t_sum, nodes.name_mask), total(nodes.has_lead),
        np.asarray(member @ nodes.times.values, dtype=np.float32),
        np.asarray(member @ nodes.times.named, dtype=np.float32),
        total(nodes.background), total(weights), total(t_row_sq, weights**2), total(e_row_sq, e_weights**2),
        presence, inv_df,
    )


def _initial_pairs(labels: np.ndarray, left: np.ndarray, right: np.ndarray, n_clusters: int) -> _Pairs:
    """The distinct cluster pairs that candidate node pairs connect, all stale."""
    cl, cr = labels[left], labels[right]
    lo, hi = np.minimum(cl, cr), np.maximum(cl, cr)
    code = np.unique(lo[lo != hi].astype(np.int64) * n_clusters + hi[lo != hi])
    lo, hi = code // n_clusters, code % n_clusters
    zeros = np.zeros(len(lo), dtype=np.float32)
    return _Pairs(lo, hi, zeros, zeros.copy(), zeros.copy(), np.ones(len(lo), dtype=bool))


def _rescore(pairs: _Pairs, sums: ClusterSums, name_mask: np.ndarray, settings: HeadlineSettings) -> None:
    """Recompute similarity, topic similarity (outside names) and name cosine of the stale pairs."""
    a = np.float32(settings.tfidf_weight)
    idx = np.flatnonzero(pairs.stale)
    lo, hi = pairs.lo[idx], pairs.hi[idx]
    full, part = masked_row_dots(sums.t_sum, lo, hi, name_mask)
    weight = sums.size[lo] * sums.size[hi]
    e_weight = np.maximum(sums.e_size[lo] * sums.e_size[hi], np.float32(1e-6))
    # Summed over member pairs: the kinds of time both name without sharing a value ("Tuesday" / "Friday").
    time_clash = dense_dots(sums.time_named, sums.time_named, lo, hi) - dense_dots(sums.time_sum, sums.time_sum, lo, hi)
    pairs.sim[idx] = (
        a * full / weight
        + (1 - a) * dense_dots(sums.e_sum, sums.e_sum, lo, hi) / e_weight
        - time_clash / weight
    )
    pairs.topic[idx] = (full - part) / weight
    norms = np.sqrt(sums.name_sq[lo] * sums.name_sq[hi])
    pairs.name_cos[idx] = np.divide(part, norms, out=np.ones_like(part), where=norms > 0)


def _cohesion(sums: ClusterSums, ids: np.ndarray, tfidf_weight: float) -> np.ndarray:
    """Mean similarity over the pairs of distinct member nodes of each cluster in ids (nan for a single node).

    A cluster sum's squared norm is the similarity summed over every ordered member pair, a node with itself
    and with its copies included; those pairs are taken out (a weekday row's clash with itself is 0).
    """
    a = np.float32(tfidf_weight)
    t = sums.t_sum[ids]
    t_sq = np.asarray(t.multiply(t).sum(axis=1)).ravel() - sums.self_t[ids]
    e = sums.e_sum[ids]
    e_scale = (sums.size[ids] / np.maximum(sums.e_size[ids], np.float32(1e-6))) ** 2
    e_sq = (np.einsum("ij,ij->i", e, e) - sums.self_e[ids]) * e_scale
    named, values = sums.time_named[ids], sums.time_sum[ids]
    clash = np.einsum("ij,ij->i", named, named) - np.einsum("ij,ij->i", values, values)
    pair_weight = sums.size[ids] ** 2 - sums.node_sq[ids]
    inner = a * t_sq + (1 - a) * e_sq - clash
    return np.where(pair_weight > 1e-3, inner / np.maximum(pair_weight, np.float32(1e-3)), np.nan)


def concentration(sums: ClusterSums, lo: np.ndarray, hi: np.ndarray, chunk: int = 65_536) -> np.ndarray:
    """Per cluster pair, how concentrated in the two clusters the tokens they share are (1.0 when none shared).

    Each shared IDF column j weighs w_j = t_sum[lo, j] * t_sum[hi, j], its part of the pair's token
    similarity; its concentration is the share of tonight's nodes holding it that lie in lo or hi. Fragments
    of one event share the event's words, held mostly by its own articles; two events of one affair share
    the affair's words, spread over many other clusters of the night.
    """
    assert sums.presence is not None and sums.inv_df is not None
    out = np.ones(len(lo), dtype=np.float32)
    for start in range(0, len(lo), chunk):
        sl = slice(start, start + chunk)
        w = sp.csr_matrix(sums.t_sum[lo[sl]].multiply(sums.t_sum[hi[sl]]))
        held = sums.presence[lo[sl]] + sums.presence[hi[sl]]
        total = np.asarray(w.sum(axis=1)).ravel()
        inside = np.asarray(sp.csr_matrix(w.multiply(held)) @ sums.inv_df).ravel()
        out[sl] = np.divide(inside, total, out=out[sl].copy(), where=total > 0)
    return out


def _mergeable(pairs: _Pairs, sums: ClusterSums, settings: HeadlineSettings) -> np.ndarray:
    """Pairs similar enough to merge under the threshold and the optional gates."""
    size = sums.size
    # Articles that carry body text are compared on it: the facts of an event recur in every lead, a topic's
    # words do not, so two clusters whose members have leads must agree more than headline-only ones.
    lead_share = np.minimum(sums.with_lead[pairs.lo] / size[pairs.lo], sums.with_lead[pairs.hi] / size[pairs.hi])
    # In a crowded neighbourhood (many same-topic events tonight) shared topic words say less: the cut rises
    # with the mean background similarity of the two clusters' members.
    background = (sums.background[pairs.lo] / size[pairs.lo] + sums.background[pairs.hi] / size[pairs.hi]) / 2
    lead_cut = np.maximum(settings.lead_link_threshold, settings.density_offset + settings.density_weight * background)
    base = settings.link_threshold + (lead_cut - settings.link_threshold) * lead_share
    # Averages over few pairs are noisy: two lone headlines sharing a word ("airport") must agree more
    # than two large clusters whose averages are diluted by each story's own breadth.
    margin = settings.small_cluster_margin * (1 - lead_share)
    need = base + margin / np.sqrt(size[pairs.lo] * size[pairs.hi])
    small = np.minimum(size[pairs.lo], size[pairs.hi]) <= settings.name_veto_max_size
    ok = (pairs.sim >= need) & (pairs.topic >= settings.min_topic_similarity)
    # Two clusters of articles with leads (most members) are one event only if they are about as alike as each
    # one's own members: two complete reports of two same-kind events are each tight and only loosely alike.
    large = np.minimum(size[pairs.lo], size[pairs.hi]) >= settings.cohesion_min_size
    idx = np.flatnonzero(ok & (lead_share >= 0.5) & large)
    if len(idx) and settings.cohesion_ratio > 0:
        looser = np.fmin(
            _cohesion(sums, pairs.lo[idx], settings.tfidf_weight), _cohesion(sums, pairs.hi[idx], settings.tfidf_weight)
        )
        ok[idx] &= ~(pairs.sim[idx] < settings.cohesion_ratio * looser)
    # Two multi-article clusters of articles with leads are fragments of one event only if the words they share
    # lie mostly inside them: an affair's words ("impeachment", its figure's name) are spread over the night.
    if settings.concentration_min > 0 and sums.presence is not None:
        both = np.minimum(size[pairs.lo], size[pairs.hi]) >= settings.concentration_min_size
        idx = np.flatnonzero(ok & (lead_share >= 0.5) & both)
        if len(idx):
            ok[idx] &= concentration(sums, pairs.lo[idx], pairs.hi[idx]) >= settings.concentration_min
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
    for column in (
        sums.with_lead, sums.time_sum, sums.time_named, sums.background, sums.node_sq, sums.self_t, sums.self_e
    ):
        np.add.at(column, target, column[move])
    merge = sp.csr_matrix((np.ones(n_clusters, np.float32), (parent, ids)), shape=(n_clusters, n_clusters))
    sums.t_sum = sp.csr_matrix(merge @ sums.t_sum)
    if sums.presence is not None:
        sums.presence = sp.csr_matrix(merge @ sums.presence)
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
        _rescore(pairs, sums, name_mask, settings)
        ok = _mergeable(pairs, sums, settings)
        if not ok.any():
            break
        move, best = _moves(pairs, ok, sums.size, settings.absorb_min_size)
        if len(move) == 0:
            break
        labels, pairs = _merge(labels, sums, pairs, move, best, name_mask)
    return labels
