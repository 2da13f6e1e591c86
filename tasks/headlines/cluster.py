"""Headline duplicate folding and story clustering, incremental over nightly runs (issue 4).

Pipeline of `cluster_headlines`, all vectorised over the night's rows plus the prior rows in the window:
  0. Names of the night: tokens that sentence-case headlines write capitalized mid-headline and (almost)
     never in lowercase (headline_norm.cased_tokens): places, teams, companies, people.
  1. text_norm (tasks/headline_norm.py) and duplicate folding: equal normalized text, equal content-token
     set, a truncated headline ("X Y Z ...") that is a prefix of a longer one, or a long headline one
     inserted, deleted or swapped word away, unless that word is a name or a number; within `window_days`.
  2. Seed clusters: dup groups, the headline variants of one article, and prior stories are joined
     (union-find via scipy connected components).
  3. Candidate pairs by sorted-neighbourhood blocking, never all pairs: under each of its rarer tokens a
     node meets the `block_neighbors` nodes nearest in time, within `window_days`; pairs are scored and
     cut to each node's `neighbors` best (a kNN graph). Rows of one dup group with one normalized text are
     one weighted node; an article's lead is an extra node of its article.
  4. Average-linkage agglomeration on that graph. Similarity is a weighted sum of IDF-token cosine and
     WordLlama embedding cosine; both are dot products of unit vectors, so the average similarity of two
     clusters is the dot product of their member sums divided by n_a * n_b: exact, from two sums.
     Rounds merge reciprocal best pairs above `link_threshold` (plus a margin for small clusters), and
     let a large cluster absorb in one round the small ones that pick it. Optional gates (off by default,
     see HeadlineSettings): clusters whose names disagree, or that share nothing but names, stay apart.
  5. Ids: a cluster holding prior rows reuses their id; a new one gets an id derived from its first member.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from tasks.headlines.norm import (
    cased_tokens,
    display_text,
    is_clean,
    is_truncated,
    story_tokens,
    text_norm,
)
from tasks.headlines.vectors import dense_dots, embed, masked_row_dots, row_dots, tfidf
from tasks.headlines.schemas import STORY_INDEX, STORY_SUMMARY
from tasks.ids import stable_id

_DAY_US = 86_400 * 1_000_000


@dataclass(frozen=True)
class HeadlineSettings:
    """Thresholds of duplicate folding and story clustering.

    link_threshold and small_cluster_margin sit between the optima of two halves of the labelled stories
    (see bench/headlines.py --half); the rest are bounds on work that barely move scores.
    """

    window_days: int = 2
    """Headlines further apart in time than this never share a dup group or a direct story link."""
    tfidf_weight: float = 0.5
    """Share of IDF-token cosine in the pair similarity; the rest is WordLlama embedding cosine."""
    link_threshold: float = 0.10
    """Average-linkage cut: two clusters merge while their mean pair similarity is at least this."""
    name_agreement: float = 0.0
    """Two clusters that both name someone or somewhere (tokens the night never writes in lowercase) merge
    only if the cosine of their name parts is at least this: one town's strike is not another's. Off by
    default: 0.001 costs dev F1 0.912 -> 0.887 (labelled stories often join headlines naming different
    people) for small gains on generated same-shape nights (bench/headlines.py --templated)."""
    name_veto_max_size: float = 1e9
    """The name rule binds only when the smaller cluster weighs at most this (3: dev 0.902)."""
    min_topic_similarity: float = 0.0
    """Two clusters merge only if their mean IDF-token similarity outside names is at least this, so that
    sharing a place alone ("<town> budget ..." / "<town> bridge ...") is not one story. Off by default:
    the labelled stories link through a name alone so often that 0.02 costs dev F1 0.912 -> 0.75."""
    name_case_ratio: float = 4.0
    """A token is a name when capitalized mid-headline at least this many times as often as in lowercase."""
    edge_floor: float = 0.08
    """Candidate pairs below this similarity are dropped before clustering (they barely move averages)."""
    neighbors: int = 10
    """Each row keeps its most similar candidate pairs only (a kNN graph), so edges grow linearly."""
    small_cluster_margin: float = 0.2
    """Extra similarity two clusters need, divided by sqrt(n_a * n_b): lone headlines must agree more."""
    block_neighbors: int = 6
    """Under each blocking token, a node is paired with this many following nodes in time order."""
    truncation_min_tokens: int = 4
    """A truncated headline folds into a longer one only if at least this many tokens remain."""
    token_set_min_tokens: int = 4
    """Reordered headlines fold on equal content-token sets only if they have at least this many tokens."""
    dup_min_tokens: int = 3
    """Headlines with fewer distinct content tokens are section labels and never fold across articles."""
    edit_min_tokens: int = 7
    """Headlines of at least this many words also fold when they differ by one inserted/deleted/changed word."""
    embedding_dims: int = 256
    """Leading WordLlama dimensions used (64, 128 or 256): fewer cost less memory at some quality."""
    lead_weight: float = 0.5
    """Weight of an article's lead (first ~400 body chars) as an extra member of its article's cluster,
    against 1 per headline row. No labelled leads exist, so it stays below a headline's weight: a lead can
    tip a link its headlines nearly make, not make one alone. Generated nights whose leads share place
    names and boilerplate (bench/headlines.py --templated --leads), story F1 at 6/12/40/80 stories:
    no leads 0.873/0.705/0.389/0.216; 0.5 0.836/0.690/0.365/0.215; the former 2.0 with lead embeddings
    0.357/0.154/0.049/0.025 (everything in a few stories)."""
    lead_embedding: bool = False
    """Leads also count through their WordLlama embedding, not only through their IDF tokens. Off: a
    lead's embedding is mostly boilerplate, close to every other lead's (with it, 0.5 scores
    0.836/0.614/0.284/0.180 on the generated nights above)."""
    block_tokens: int = 8
    """Rarest headline tokens that enter blocking."""
    lead_block_tokens: int = 3
    """Rarest lead tokens that also enter blocking (the headline's tokens always do)."""
    absorb_min_size: float = 8.0
    """A cluster this large absorbs every small cluster that picks it as best partner in one round."""
    max_rounds: int = 1000
    """Safety bound on agglomeration rounds."""


def _micros(col: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return pc.cast(col, pa.timestamp("us", tz="UTC")).cast(pa.int64()).to_numpy(zero_copy_only=False)


def _strings(table: pa.Table, name: str) -> list[str | None]:
    if name not in table.column_names:
        return [None] * table.num_rows
    return table.column(name).to_pylist()


def _factorize(values: list[str]) -> np.ndarray:
    """Integer code per string (equal strings, equal codes), via Arrow's hash table."""
    return pc.dictionary_encode(pa.array(values, pa.string())).indices.to_numpy().astype(np.int64)


def _components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected-component label per node of the undirected graph given by edge arrays."""
    graph = sp.coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _time_anchored_runs(keys: np.ndarray, times: np.ndarray, window_us: int) -> tuple[np.ndarray, np.ndarray]:
    """Edges joining rows with equal key whose time is within the window of the run's first row.

    Anchoring on the first row (not the previous one) keeps a daily recurring headline ("Stocks close
    higher") from chaining into one group forever.
    """
    order = np.lexsort((times, keys))
    k, t = keys[order], times[order]
    new_key = np.ones(len(k), dtype=bool)
    new_key[1:] = k[1:] != k[:-1]
    left: list[int] = []
    right: list[int] = []
    # Only keys that repeat need the sequential anchor scan.
    dup = ~new_key | np.r_[~new_key[1:], False]
    anchor = -1
    for pos in np.flatnonzero(dup):
        if new_key[pos] or t[pos] - t[anchor] > window_us:
            anchor = pos
        else:
            left.append(order[anchor])
            right.append(order[pos])
    return np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)


def _dup_keys(
    norms: list[str],
    toks: list[str],
    n_toks: np.ndarray,
    foldable: np.ndarray,
    names: set[str],
    settings: HeadlineSettings,
) -> tuple[np.ndarray, np.ndarray]:
    """Folding keys per row: the normalized text, the sorted content-token set (word order), and for long
    headlines the text with one token deleted (a one-word insertion, deletion or substitution).

    Keys are 64-bit hashes; only equality matters, so a per-process hash seed changes no grouping.

    Args:
        norms: normalized text per row.
        toks: sorted distinct content tokens per row, space-joined.
        n_toks: number of those tokens per row.
        foldable: rows allowed to fold across articles.
        names: name tokens of the night (see _name_tokens), never the edited word.
        settings: thresholds.

    Returns:
        (row index per key, key hash), rows repeated once per key.
    """
    rows = array("q")
    keys = array("q")
    seen: dict[str, tuple[int, int]] = {}  # syndicated copies share one normalized text: reuse its keys
    for row in np.flatnonzero(foldable).tolist():
        norm = norms[row]
        if norm in seen:
            start, count = seen[norm]
            keys.extend(keys[start : start + count])
            rows.extend([row] * count)
            continue
        words = norm.split()
        found = {hash(("n", norm))}
        if n_toks[row] >= settings.token_set_min_tokens:
            found.add(hash(("t", toks[row])))
        if len(words) + 1 >= settings.edit_min_tokens:
            found.add(hash(("e", norm)))  # the shorter side of a one-word insertion
        if len(words) >= settings.edit_min_tokens:
            # A name or a number is never the edited word: "Kessel rail strike ..." and "Sorno rail
            # strike ...", or a 3-1 and a 2-1 result, are different stories however alike the rest.
            found.update(
                hash(("e", " ".join(words[:j] + words[j + 1 :])))
                for j in range(len(words))
                if words[j] not in names and not any(c.isdigit() for c in words[j])
            )
        seen[norm] = (len(keys), len(found))
        keys.extend(found)
        rows.extend([row] * len(found))
    return np.frombuffer(rows, dtype=np.int64).copy(), np.frombuffer(keys, dtype=np.int64).copy()


def _truncation_edges(
    norms: list[str], truncated: np.ndarray, times: np.ndarray, sizes: np.ndarray, settings: HeadlineSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Edges from each truncated headline to the longer headline it is a prefix of.

    Among several longer candidates the most frequent normalized text wins (ties: lexicographic), so
    a truncation joins the wording most outlets used. The last kept token may itself be cut
    ("Obama signs bi ..."), so the match is a plain string prefix.
    """
    rows = np.flatnonzero(truncated & (sizes >= settings.truncation_min_tokens))
    if len(rows) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    counts: dict[str, int] = {}
    first_row: dict[str, int] = {}
    for row in np.argsort(times, kind="stable"):
        text = norms[row]
        counts[text] = counts.get(text, 0) + 1
        first_row.setdefault(text, int(row))
    uniq = sorted(counts)
    window_us = settings.window_days * _DAY_US
    left: list[int] = []
    right: list[int] = []
    for row in rows:
        prefix = norms[row]
        lo = bisect.bisect_right(uniq, prefix)
        hi = bisect.bisect_left(uniq, prefix + "\uffff", lo)
        if hi <= lo:
            continue
        best = min(uniq[lo:hi], key=lambda text: (-counts[text], text))
        target = first_row[best]
        if abs(int(times[target]) - int(times[row])) <= window_us:
            left.append(int(row))
            right.append(target)
    return np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)


def _candidate_edges(
    node_tokens: list[np.ndarray],
    times: np.ndarray,
    tf: sp.csr_matrix,
    emb: np.ndarray,
    settings: HeadlineSettings,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs by sorted-neighbourhood blocking, scored and cut to a kNN graph as they stream in.

    Postings are sorted by (token, time): each node meets the block_neighbors nodes that follow it in
    time under each of its tokens, then the pair is kept only if the two lie within the window. Offsets
    are scored one at a time and the kept edges cut to each node's top `neighbors` after every offset,
    so memory stays linear in the number of nodes however large a token's posting list grows.
    """
    k = len(node_tokens)
    window_us = settings.window_days * _DAY_US
    lengths = np.fromiter((len(t) for t in node_tokens), dtype=np.int64, count=k)
    # int32 ids: at a million nodes every postings and edge array is half the size.
    node = np.repeat(np.arange(k, dtype=np.int32), lengths)
    tok = np.concatenate(node_tokens).astype(np.int32) if k else np.empty(0, np.int32)
    order = np.lexsort((node, times[node], tok))
    node, tok = node[order], tok[order]
    del order
    w = np.float32(settings.tfidf_weight)
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
        ok = (lo != hi) & (np.abs(times[lo] - times[hi]) <= window_us)
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
        keep = _top_k_mask(kept_lo, kept_hi, kept_sim, settings.neighbors)
        kept_lo, kept_hi, kept_sim = kept_lo[keep], kept_hi[keep], kept_sim[keep]
    return kept_lo, kept_hi


def _top_k_mask(left: np.ndarray, right: np.ndarray, sim: np.ndarray, k: int) -> np.ndarray:
    """Keep an edge if it is among the k most similar edges of either endpoint (a symmetric kNN graph)."""
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


def _seed_sums(
    seeds: np.ndarray, weights: np.ndarray, e_weights: np.ndarray, tf: sp.csr_matrix, emb: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, sp.csr_matrix, np.ndarray]:
    """Compact seed label per node, and per seed its weight, embedding weight, IDF-vector sum and embedding
    sum (members weighted by e_weights: a lead may count for its tokens only)."""
    labels = np.unique(seeds, return_inverse=True)[1]
    n_seeds = int(labels.max()) + 1 if len(labels) else 0
    member = sp.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(n_seeds, len(labels)))
    size = np.asarray(member.sum(axis=1)).ravel().astype(np.float32)
    e_size = np.bincount(labels, weights=e_weights, minlength=n_seeds).astype(np.float32)
    e_sum = np.zeros((n_seeds, emb.shape[1]), dtype=np.float32)
    for start in range(0, len(labels), 65_536):  # chunks: emb is float16, the sums float32
        sl = slice(start, start + 65_536)
        np.add.at(e_sum, labels[sl], emb[sl].astype(np.float32) * e_weights[sl, None])
    return labels, size, e_size, sp.csr_matrix(member @ tf), e_sum


def _agglomerate(
    labels: np.ndarray,
    size: np.ndarray,
    e_size: np.ndarray,
    t_sum: sp.csr_matrix,
    e_sum: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    name_mask: np.ndarray,
    settings: HeadlineSettings,
) -> np.ndarray:
    """Average-linkage merging of seed clusters over candidate edges; returns the final label per node.

    Args:
        labels, size, e_size, t_sum, e_sum: output of _seed_sums (size, e_size, e_sum updated in place).
        left, right: candidate node pairs.
        name_mask: 1.0 for the IDF columns of name tokens, else 0.0.
        settings: thresholds.

    Cluster ids stay those of the seeds (a merged pair keeps the smaller id), so only edges that touch a
    cluster merged in the previous round need their similarity recomputed.
    """
    a = np.float32(settings.tfidf_weight)
    n_clusters = len(size)
    cl, cr = labels[left], labels[right]
    lo, hi = np.minimum(cl, cr), np.maximum(cl, cr)
    code = np.unique(lo[lo != hi].astype(np.int64) * n_clusters + hi[lo != hi])
    lo, hi = code // n_clusters, code % n_clusters
    sim = np.zeros(len(lo), dtype=np.float32)
    name_cos = np.zeros(len(lo), dtype=np.float32)
    topic = np.zeros(len(lo), dtype=np.float32)
    # Squared norm of each cluster's name part: zero when no member names anyone.
    name_sq = np.asarray(t_sum.multiply(t_sum) @ name_mask, dtype=np.float32).ravel()
    stale = np.ones(len(lo), dtype=bool)
    ids = np.arange(n_clusters)
    for _ in range(settings.max_rounds):
        if len(lo) == 0:
            break
        idx = np.flatnonzero(stale)
        full, part = masked_row_dots(t_sum, lo[idx], hi[idx], name_mask)
        pairs = size[lo[idx]] * size[hi[idx]]
        e_pairs = np.maximum(e_size[lo[idx]] * e_size[hi[idx]], np.float32(1e-6))
        sim[idx] = a * full / pairs + (1 - a) * dense_dots(e_sum, e_sum, lo[idx], hi[idx]) / e_pairs
        topic[idx] = (full - part) / pairs
        norms = np.sqrt(name_sq[lo[idx]] * name_sq[hi[idx]])
        name_cos[idx] = np.divide(part, norms, out=np.ones_like(part), where=norms > 0)
        # Averages over few pairs are noisy: two lone headlines sharing a word ("airport") must agree more
        # than two large clusters whose averages are diluted by each story's own breadth.
        need = settings.link_threshold + settings.small_cluster_margin / np.sqrt(size[lo] * size[hi])
        small = np.minimum(size[lo], size[hi]) <= settings.name_veto_max_size
        ok = (sim >= need) & (topic >= settings.min_topic_similarity)
        # Two clusters whose names disagree ("<town A> strike" / "<town B> strike") are two stories.
        ok &= ~small | (name_cos >= settings.name_agreement)
        if not ok.any():
            break
        src = np.concatenate([lo[ok], hi[ok]])
        dst = np.concatenate([hi[ok], lo[ok]])
        s2 = np.concatenate([sim[ok], sim[ok]])
        order = np.lexsort((dst, -s2, src))
        src, dst = src[order], dst[order]
        first = np.r_[True, src[1:] != src[:-1]]
        best = np.full(n_clusters, -1, dtype=np.int64)
        best[src[first]] = dst[first]
        has = best >= 0
        mutual = has & (best[np.where(has, best, 0)] == ids)
        # Reciprocal best pairs merge (the larger id into the smaller): average linkage is reducible, so
        # merging every reciprocal pair at once gives the same tree as merging one best pair at a time.
        moving = mutual & (best < ids)
        # A small cluster whose best partner is a large one joins it in the same round even when the large
        # one prefers another partner: adding a few rows barely moves a large cluster's average, so this
        # equals the exact order closely and saves one round per absorbed headline.
        big = size >= settings.absorb_min_size
        absorb = has & ~mutual & ~big & big[np.where(has, best, 0)]
        move = np.flatnonzero(moving | absorb)
        if len(move) == 0:
            break
        parent = ids.copy()
        parent[move] = best[move]
        parent = parent[parent[parent]]  # an absorbed cluster may join one that itself joins its pair
        target = parent[move]
        np.add.at(size, target, size[move])
        np.add.at(e_size, target, e_size[move])
        np.add.at(e_sum, target, e_sum[move])
        merge = sp.csr_matrix((np.ones(n_clusters, np.float32), (parent, ids)), shape=(n_clusters, n_clusters))
        t_sum = sp.csr_matrix(merge @ t_sum)
        grown = np.unique(target)
        rows = t_sum[grown]
        name_sq[grown] = np.asarray(rows.multiply(rows) @ name_mask, dtype=np.float32).ravel()
        labels = parent[labels]
        changed = np.zeros(n_clusters, dtype=bool)
        changed[target] = True
        lo, hi = parent[lo], parent[hi]
        stale = changed[lo] | changed[hi]
        keep = lo != hi
        lo, hi, stale = lo[keep], hi[keep], stale[keep]
        sim, name_cos, topic = sim[keep], name_cos[keep], topic[keep]
        code, first_pos = np.unique(np.minimum(lo, hi) * n_clusters + np.maximum(lo, hi), return_index=True)
        lo, hi, stale = code // n_clusters, code % n_clusters, stale[first_pos]
        sim, name_cos, topic = sim[first_pos], name_cos[first_pos], topic[first_pos]
    return labels


def _assign_ids(
    comp: np.ndarray,
    is_prior: np.ndarray,
    prior_ids: list[str | None],
    order_key: np.ndarray,
    first_ids: list[str],
    prefix: str,
) -> list[str]:
    """Id per row: a component holding prior rows reuses the most common prior id (ties: smallest);
    otherwise the id derives from the component's first row (earliest seen_at, then headline_id)."""
    out: list[str | None] = [None] * len(comp)
    reuse: dict[int, str] = {}
    counts: dict[int, dict[str, int]] = {}
    for row in np.flatnonzero(is_prior):
        c = int(comp[row])
        pid = prior_ids[row]
        if pid:
            counts.setdefault(c, {})[pid] = counts.setdefault(c, {}).get(pid, 0) + 1
    for c, ids in counts.items():
        reuse[c] = min(ids.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    order = np.argsort(order_key, kind="stable")
    fresh: dict[int, str] = {}
    for row in order:
        c = int(comp[row])
        if c not in reuse and c not in fresh:
            fresh[c] = prefix + stable_id(prefix, first_ids[row])[:24]
    for row in range(len(comp)):
        c = int(comp[row])
        out[row] = prior_ids[row] if is_prior[row] and prior_ids[row] else reuse.get(c) or fresh[c]
    return out  # type: ignore[return-value]


def cluster_headlines(
    new: pa.Table, prior: pa.Table | None, settings: HeadlineSettings = HeadlineSettings()
) -> pa.Table:
    """Fold near-duplicate headlines and cluster them into stories, joining prior dup groups and stories.

    Args:
        new: tonight's headlines: headline_id, article_id, text, seen_at (timestamp[us, UTC]), source, lead
            (first ~400 chars of the article body, or null).
        prior: the lake's headlines inside the window before this run (headline_id, article_id, text,
            text_norm, dup_group_id, story_id, seen_at, source, lead), or None / empty on the first night.
        settings: thresholds.

    Returns:
        `new` in the same row order plus text_norm, dup_group_id, story_id and is_canonical (True only for
        the first-seen member of a dup group created by this run). A row per headline.
    """
    if new.num_rows == 0:
        return (
            new.append_column("text_norm", pa.array([], pa.string()))
            .append_column("dup_group_id", pa.array([], pa.string()))
            .append_column("story_id", pa.array([], pa.string()))
            .append_column("is_canonical", pa.array([], pa.bool_()))
        )
    prior = STORY_INDEX.empty_table() if prior is None or prior.num_rows == 0 else prior
    n_new, n_prior = new.num_rows, prior.num_rows
    n = n_new + n_prior
    texts = [t or "" for t in _strings(new, "text")] + [t or "" for t in _strings(prior, "text")]
    hids = [str(h) for h in _strings(new, "headline_id")] + [str(h) for h in _strings(prior, "headline_id")]
    arts = [str(a) for a in _strings(new, "article_id")] + [str(a) for a in _strings(prior, "article_id")]
    leads = _strings(new, "lead") + _strings(prior, "lead")
    times = np.concatenate([_micros(new.column("seen_at")), _micros(prior.column("seen_at"))]).astype(np.int64)
    is_prior = np.r_[np.zeros(n_new, bool), np.ones(n_prior, bool)]
    prior_norms = _strings(prior, "text_norm")
    norm_cache: dict[str, str] = {}
    norms_list = [
        norm_cache[t] if t in norm_cache else norm_cache.setdefault(t, text_norm(t)) for t in texts[:n_new]
    ] + [pn if pn is not None else text_norm(t) for pn, t in zip(prior_norms, texts[n_new:])]
    # Distinct content tokens per row, sorted and space-joined: one string per row (not a list) keeps a
    # million rows in memory, and the sorted form is also the word-order-free folding key.
    token_cache: dict[str, str] = {}
    toks = [
        token_cache[s] if s in token_cache else token_cache.setdefault(s, " ".join(sorted(set(story_tokens(s)))))
        for s in norms_list
    ]
    norm_ids = _factorize(norms_list)
    hid_rank = pc.rank(pa.array(hids, pa.string()), sort_keys="ascending", tiebreaker="first").to_numpy()
    sizes = np.fromiter((len(s.split()) for s in norms_list), dtype=np.int64, count=n)
    truncated = np.fromiter((is_truncated(t) for t in texts), dtype=bool, count=n)
    window_us = settings.window_days * _DAY_US

    # 1. Duplicate folding. Headlines with few content tokens ("Business Highlights", "Live updates") are
    # section labels that many unrelated stories share, so they only fold within their own article.
    n_toks = np.fromiter((t.count(" ") + 1 if t else 0 for t in toks), dtype=np.int64, count=n)
    foldable = n_toks >= settings.dup_min_tokens
    # Names (tokens the night never writes in lowercase) are never the edited word of a fold, and two
    # stories' names must agree for them to merge.
    names = _name_tokens(texts, settings)
    rows, keys = _dup_keys(norms_list, toks, n_toks, foldable, names, settings)
    el, er = _time_anchored_runs(np.unique(keys, return_inverse=True)[1], times[rows], window_us)
    el, er = rows[el], rows[er]
    tl, tr = _truncation_edges(norms_list, truncated & foldable, times, sizes, settings)
    prior_dup = np.asarray([""] * n_new + [d or "" for d in _strings(prior, "dup_group_id")], dtype=object)
    pdl, pdr = _same_label_edges(prior_dup, is_prior)
    dup_comp = _components(n, np.concatenate([el, tl, pdl]), np.concatenate([er, tr, pdr]))

    # 2. Text nodes: rows of one dup group with the same normalized text have the same tokens, so they are
    # one node for story similarity, weighted by their row count (its earliest row stands for it).
    by_time = np.lexsort((hid_rank, times))
    row_rank = np.empty(n, dtype=np.int64)
    row_rank[by_time] = np.arange(n)
    node_key = dup_comp.astype(np.int64) * (int(norm_ids.max()) + 1) + norm_ids
    _, first_pos, node_sorted = np.unique(node_key[by_time], return_index=True, return_inverse=True)
    node_of_row = np.empty(n, dtype=np.int64)
    node_of_row[by_time] = node_sorted
    # Number nodes by their first row's (seen_at, headline_id) so that input order changes no id, no
    # tie-break and no summation order downstream.
    canonical_order = np.argsort(first_pos, kind="stable")
    renumber = np.empty(len(first_pos), dtype=np.int64)
    renumber[canonical_order] = np.arange(len(first_pos))
    node_of_row = renumber[node_of_row]
    node_row = by_time[first_pos[canonical_order]]
    n_text = len(node_row)
    # Leads are extra nodes, one per article that has one.
    art_ids = _factorize(arts)
    lead_rows: dict[int, int] = {}
    for row in by_time:
        if leads[row] and int(art_ids[row]) not in lead_rows:
            lead_rows[int(art_ids[row])] = int(row)
    lead_src = np.asarray(sorted(lead_rows.values(), key=lambda r: row_rank[r]), dtype=np.int64)
    lead_texts = [leads[r] or "" for r in lead_src]
    m = n_text + len(lead_src)
    node_times = np.r_[times[node_row], times[lead_src]]

    # 3. Seeds: dup groups, the rows of one article (headline variants and lead), prior stories.
    prior_story = np.asarray([""] * n_new + [s or "" for s in _strings(prior, "story_id")], dtype=object)
    psl, psr = _same_label_edges(prior_story, is_prior)
    al, ar = _same_label_edges(art_ids.astype(str).astype(object), np.ones(n, bool))
    rep = np.zeros(int(dup_comp.max()) + 1 if n else 0, dtype=np.int64)
    rep[dup_comp[by_time[::-1]]] = by_time[::-1]
    row_l = np.concatenate([np.arange(n), al, psl, lead_src])
    row_r = np.concatenate([rep[dup_comp], ar, psr, lead_src])
    seeds = _components(
        m,
        np.concatenate([node_of_row[row_l[: len(row_l) - len(lead_src)]], n_text + np.arange(len(lead_src))]),
        node_of_row[row_r],
    )

    # 4. Features, kNN candidate graph, average linkage.
    node_toks = [toks[r] for r in node_row] + [" ".join(story_tokens(text_norm(t))) for t in lead_texts]
    vocab: dict[str, int] = {}
    tf, df = tfidf(node_toks, vocab)
    name_mask = np.zeros(tf.shape[1], dtype=np.float32)
    name_mask[[vocab[t] for t in names if t in vocab]] = 1.0
    name_mask = name_mask[df >= 2]
    del vocab
    # A token that only one node has adds nothing to any dot product between two nodes or clusters, so its
    # column is dropped after the rows were normalized: every similarity stays exact, and cluster sums stop
    # accumulating one-off words (names, typos) that would make their rows long.
    tf = sp.csr_matrix(tf[:, np.flatnonzero(df >= 2)])
    df = df[df >= 2]
    del toks, node_toks, token_cache  # token lists are the largest Python objects at a million rows
    # A lead's embedding is mostly its boilerplate ("officials said on Monday ..."), close to every other
    # lead's: leads take part through their rare words only (a zero row here, and no weight in the
    # embedding average), unless lead_embedding is set.
    emb = embed(
        [texts[r] for r in node_row] + (lead_texts if settings.lead_embedding else []), dims=settings.embedding_dims
    )
    if not settings.lead_embedding:
        emb = np.concatenate([emb, np.zeros((len(lead_texts), emb.shape[1]), emb.dtype)])
    weights = np.r_[
        np.bincount(node_of_row, minlength=n_text).astype(np.float32),
        np.full(len(lead_src), settings.lead_weight, np.float32),
    ]
    node_tokens = []
    for i in range(m):
        ids = tf.indices[tf.indptr[i] : tf.indptr[i + 1]]
        limit = settings.block_tokens if i < n_text else settings.lead_block_tokens
        # Rarest shared tokens first: what two headlines of one story have in common is a rare word.
        node_tokens.append(ids[np.argsort(df[ids], kind="stable")][:limit])
    kl, kr = _candidate_edges(node_tokens, node_times, tf, emb, settings)
    del node_tokens
    e_weights = weights.copy()
    if not settings.lead_embedding:
        e_weights[n_text:] = 0.0
    labels, size, e_size, t_sum, e_sum = _seed_sums(seeds, weights, e_weights, tf, emb)
    del tf, emb  # the seed sums replace them: at a million rows this is a gigabyte less at peak
    story_comp = _agglomerate(labels, size, e_size, t_sum, e_sum, kl, kr, name_mask, settings)[node_of_row]

    # 5. Ids and canonical flags.
    order_key, rank = by_time, row_rank
    dup_ids = _assign_ids(dup_comp, is_prior, list(prior_dup), rank, hids, "d")
    story_ids = _assign_ids(story_comp, is_prior, list(prior_story), rank, hids, "s")
    has_prior_dup = np.zeros(int(dup_comp.max()) + 1 if n else 0, dtype=bool)
    has_prior_dup[dup_comp[is_prior]] = True
    first_of = np.full(len(has_prior_dup), -1, dtype=np.int64)
    first_of[dup_comp[order_key[::-1]]] = order_key[::-1]
    canonical = (~has_prior_dup[dup_comp]) & (first_of[dup_comp] == np.arange(n))
    return (
        new.append_column("text_norm", pa.array(norms_list[:n_new], pa.string()))
        .append_column("dup_group_id", pa.array(dup_ids[:n_new], pa.string()))
        .append_column("story_id", pa.array(story_ids[:n_new], pa.string()))
        .append_column("is_canonical", pa.array(canonical[:n_new], pa.bool_()))
    )


def _name_tokens(texts: list[str], settings: HeadlineSettings) -> set[str]:
    """Tokens that tonight's sentence-case headlines write capitalized at least name_case_ratio times as
    often as in lowercase (headline_norm.cased_tokens): places, teams, companies, people."""
    caps: dict[str, int] = {}
    lower: dict[str, int] = {}
    for text in set(texts):  # a syndicated text counts once
        up, low = cased_tokens(text)
        for tok in up:
            caps[tok] = caps.get(tok, 0) + 1
        for tok in low:
            lower[tok] = lower.get(tok, 0) + 1
    return {tok for tok, count in caps.items() if count >= settings.name_case_ratio * lower.get(tok, 0)}


def _same_label_edges(labels: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges chaining the rows (under mask) that share a non-empty label."""
    rows = np.flatnonzero(mask & (labels != ""))
    if len(rows) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    codes = np.unique(labels[rows].astype(str), return_inverse=True)[1]
    order = np.argsort(codes, kind="stable")
    same = codes[order][1:] == codes[order][:-1]
    return rows[order][:-1][same], rows[order][1:][same]


def summarize_stories(headlines: pa.Table) -> pa.Table:
    """One row per story: its canonical headline and counts.

    canonical_headline rule, for display:
      1. The story's largest dup group is chosen (ties: the group's earliest seen_at, then dup_group_id).
      2. Within it, the earliest member (seen_at, then headline_id) whose text is clean: no wire prefix
         ("UPDATE 2-"), no outlet or attribution suffix ("- Reuters", ": sources") and no truncation mark.
      3. If no member is clean, the earliest member that is not truncated, else the earliest member, with
         its prefixes and suffixes stripped (headline_norm.display_text): original casing and punctuation
         kept, and a truncation mark too (readers see that the headline is cut).
    Surrounding whitespace is trimmed. Only rows in the input count (a group's earlier prior rows do not).

    Args:
        headlines: rows with headline_id, article_id, text, dup_group_id, story_id, is_canonical, seen_at, source.

    Returns:
        story_id, canonical_headline, n_headlines, n_dup_groups, n_articles, n_sources, first_seen, last_seen;
        sorted by story_id.
    """
    ts = pa.timestamp("us", tz="UTC")
    if headlines.num_rows == 0:
        return STORY_SUMMARY.empty_table()
    t = headlines.select(
        ["headline_id", "article_id", "text", "dup_group_id", "story_id", "is_canonical", "seen_at", "source"]
    )
    t = t.set_column(t.schema.get_field_index("seen_at"), "seen_at", pc.cast(t.column("seen_at"), ts))
    stories = t.group_by("story_id").aggregate(
        [
            ("headline_id", "count"),
            ("dup_group_id", "count_distinct"),
            ("article_id", "count_distinct"),
            ("source", "count_distinct"),
            ("seen_at", "min"),
            ("seen_at", "max"),
        ]
    )
    groups = t.group_by(["story_id", "dup_group_id"]).aggregate([("headline_id", "count"), ("seen_at", "min")])
    gsize = groups.column("headline_id_count").to_numpy()
    gfirst = _micros(groups.column("seen_at_min"))
    gstory = groups.column("story_id").to_pylist()
    gdup = groups.column("dup_group_id").to_pylist()
    best: dict[str, tuple[int, int, str]] = {}
    for s, d, size, first in zip(gstory, gdup, gsize, gfirst):
        cand = (-int(size), int(first), d)
        if s not in best or cand < best[s]:
            best[s] = cand
    # Display text per chosen dup group: its earliest clean member, else its earliest member undecorated.
    chosen = {b[2] for b in best.values()}
    rows = t.filter(pc.is_in(t.column("dup_group_id"), pa.array(sorted(chosen), pa.string())))
    rows = rows.sort_by([("seen_at", "ascending"), ("headline_id", "ascending")])
    first: dict[str, str] = {}
    whole: dict[str, str] = {}
    clean: dict[str, str] = {}
    for d, text in zip(rows.column("dup_group_id").to_pylist(), rows.column("text").to_pylist()):
        text = text or ""
        first.setdefault(d, text)
        if d not in whole and not is_truncated(text):
            whole[d] = text
        if d not in clean and is_clean(text):
            clean[d] = text.strip()
    rep = {d: clean.get(d) or display_text(whole.get(d, first[d])) for d in first}
    story_ids = stories.column("story_id").to_pylist()
    out = pa.table(
        {
            "story_id": pa.array(story_ids, pa.string()),
            "canonical_headline": pa.array([rep[best[s][2]] for s in story_ids], pa.string()),
            "n_headlines": pc.cast(stories.column("headline_id_count"), pa.int32()),
            "n_dup_groups": pc.cast(stories.column("dup_group_id_count_distinct"), pa.int32()),
            "n_articles": pc.cast(stories.column("article_id_count_distinct"), pa.int32()),
            "n_sources": pc.cast(stories.column("source_count_distinct"), pa.int32()),
            "first_seen": stories.column("seen_at_min"),
            "last_seen": stories.column("seen_at_max"),
        }
    )
    return out.sort_by("story_id")
