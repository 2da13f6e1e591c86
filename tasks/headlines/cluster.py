"""Headline duplicate folding and story clustering of one night against the prior rows in the window.

Pipeline of `cluster_headlines`, all vectorised over the night's rows plus the prior rows in the window:
  0. Names of the night (names.py): tokens that sentence-case headlines write capitalized mid-headline
     and (almost) never in lowercase: places, teams, companies, people.
  1. text_norm (norm.py) and duplicate folding (dups.py).
  2. Nodes and seed clusters (nodes.py): one node per article, whose headlines and lead are one document;
     articles sharing a dup group, and the articles of one prior story, start joined.
  3. Features (features.py) and candidate pairs by sorted-neighbourhood blocking (candidates.py), never
     all pairs, cut to each node's nearest neighbours.
  4. Average-linkage agglomeration on that graph (linkage.py), with a stricter cut between clusters of
     articles that have leads.
  5. Ids (ids.py): a cluster holding prior rows reuses their id; a new one gets an id derived from its
     first member.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from tasks.headlines.candidates import candidate_edges
from tasks.headlines.density import neighbor_background
from tasks.headlines.dups import fold_duplicates
from tasks.headlines.features import blocking_tokens, idf_features, node_embeddings, node_token_docs
from tasks.headlines.ids import assign_ids, canonical_flags
from tasks.headlines.linkage import NodeFeatures, agglomerate, seed_sums
from tasks.headlines.names import name_tokens
from tasks.headlines.nodes import Nodes, build_nodes
from tasks.headlines.rows import HeadlineRows, load_rows
from tasks.headlines.schemas import STORY_INDEX
from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.times import named_times

_DEFAULTS = HeadlineSettings()
_ADDED = {"text_norm": pa.string(), "dup_group_id": pa.string(), "story_id": pa.string(), "is_canonical": pa.bool_()}


def _story_labels(rows: HeadlineRows, nodes: Nodes, names: set[str], settings: HeadlineSettings) -> np.ndarray:
    """Story cluster label per row: features, the candidate graph and average linkage over the nodes."""
    idf = idf_features(node_token_docs(rows, nodes, settings.lead_chars), names)
    rows.toks = []  # token strings are the largest Python objects at a million rows: free them before embedding
    emb = node_embeddings(rows, nodes, settings)
    node_times = rows.times[nodes.node_row]
    node_dated = rows.dated[nodes.node_row]
    left, right, sim = candidate_edges(blocking_tokens(idf, settings), node_times, node_dated, idf.tf, emb, settings)
    has_lead = np.fromiter((bool(lead) for lead in nodes.leads), dtype=np.float32, count=nodes.n)
    features = NodeFeatures(
        nodes.weights, nodes.weights, idf.tf, emb, idf.name_mask, has_lead,
        named_times(rows, nodes, settings.lead_chars, {"weekday": settings.weekday_penalty, "month": settings.month_penalty}),
        neighbor_background(left, right, sim, nodes.n, settings.density_rank),
        idf.df if settings.concentration_min > 0 and has_lead.any() else None,  # the rule reads only leads
    )
    labels, sums = seed_sums(nodes.seeds, features)
    name_mask = idf.name_mask
    del idf, emb, features  # the seed sums replace them: at a million rows this is a gigabyte less at peak
    return agglomerate(labels, sums, left, right, name_mask, settings)[nodes.node_of_row]


def cluster_headlines(
    new: pa.Table, prior: pa.Table | None, settings: HeadlineSettings = _DEFAULTS
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
        for name, kind in _ADDED.items():
            new = new.append_column(name, pa.array([], kind))
        return new
    prior = STORY_INDEX.empty_table() if prior is None or prior.num_rows == 0 else prior
    rows = load_rows(new, prior)
    names = name_tokens(rows.texts, settings.name_case_ratio)
    dup_comp = fold_duplicates(rows, names, settings)
    nodes = build_nodes(rows, dup_comp)
    story_comp = _story_labels(rows, nodes, names, settings)
    dup_ids = assign_ids(dup_comp, rows.is_prior, list(rows.prior_dup), nodes.row_rank, rows.hids, "d")
    story_ids = assign_ids(story_comp, rows.is_prior, list(rows.prior_story), nodes.row_rank, rows.hids, "s")
    canonical = canonical_flags(dup_comp, rows.is_prior, nodes.by_time)
    n_new = rows.n_new
    added = [rows.norms[:n_new], dup_ids[:n_new], story_ids[:n_new], canonical[:n_new]]
    for (name, kind), values in zip(_ADDED.items(), added):
        new = new.append_column(name, pa.array(values, kind))
    return new
