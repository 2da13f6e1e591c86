"""Clustering nodes: one per distinct article (its headlines and lead are one document), and the seed clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.headlines.graph import components, factorize, same_label_edges
from tasks.headlines.rows import HeadlineRows


@dataclass
class Nodes:
    """The articles story similarity is computed on, and how rows map to them.

    Articles with the same headlines in the same dup groups and the same lead (syndicated copies) are one node,
    weighted by their count: their similarities to everything are equal, so the averages stay exact. Nodes are
    numbered by their first row (seen_at, headline_id), so that input order changes no id, no tie-break and no
    summation order downstream.
    """

    by_time: np.ndarray
    """Row indices sorted by (seen_at, headline_id)."""
    row_rank: np.ndarray
    """Position of each row in by_time."""
    node_of_row: np.ndarray
    """Article node per row."""
    node_row: np.ndarray
    """Earliest row per node (its headline stands for the node in embeddings)."""
    weights: np.ndarray
    """Articles per node (float32)."""
    leads: list[str]
    """Lead text per node ("" for none)."""
    seeds: np.ndarray
    """Seed cluster per node: articles of one dup group, and of one prior story."""

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.node_row)


def _row_order(rows: HeadlineRows) -> tuple[np.ndarray, np.ndarray]:
    """Rows sorted by (seen_at, headline_id), and each row's rank in that order."""
    hid_rank = pc.rank(pa.array(rows.hids, pa.string()), sort_keys="ascending", tiebreaker="first").to_numpy()
    by_time = np.lexsort((hid_rank, rows.times))
    row_rank = np.empty(rows.n, dtype=np.int64)
    row_rank[by_time] = np.arange(rows.n)
    return by_time, row_rank


def _article_keys(rows: HeadlineRows, dup_comp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Article code per row, and per row the code of its article's content (normalized headlines with their dup
    groups, and lead): equal content codes are copies of one article."""
    art = factorize(rows.arts)
    parts: list[list[str]] = [[] for _ in range(int(art.max()) + 1)]
    for row, a in enumerate(art.tolist()):
        parts[a].append(f"{int(dup_comp[row])}:{rows.norms[row]}")
    leads = [""] * len(parts)
    for row, a in enumerate(art.tolist()):
        if not leads[a] and rows.leads[row]:
            leads[a] = rows.leads[row] or ""
    content = factorize(["\x1f".join(sorted(p)) + "\x1e" + lead for p, lead in zip(parts, leads)])
    return art, content[art]


def _article_nodes(rows: HeadlineRows, dup_comp: np.ndarray, by_time: np.ndarray) -> tuple[np.ndarray, ...]:
    """Node per row (its article's content), numbered by first row, that first row per node, and the number of
    articles per node."""
    art, content = _article_keys(rows, dup_comp)
    _, first_pos, node_sorted = np.unique(content[by_time], return_index=True, return_inverse=True)
    node_of_row = np.empty(rows.n, dtype=np.int64)
    node_of_row[by_time] = node_sorted
    canonical_order = np.argsort(first_pos, kind="stable")
    renumber = np.empty(len(first_pos), dtype=np.int64)
    renumber[canonical_order] = np.arange(len(first_pos))
    node_of_row = renumber[node_of_row]
    first_row_of_article = np.unique(art, return_index=True)[1]
    weights = np.bincount(node_of_row[first_row_of_article], minlength=len(first_pos)).astype(np.float32)
    return node_of_row, by_time[first_pos[canonical_order]], weights


def _node_leads(rows: HeadlineRows, node_of_row: np.ndarray, n_nodes: int, by_time: np.ndarray) -> list[str]:
    """Each article's lead: the first one its rows carry, in time order."""
    leads = [""] * n_nodes
    for row in by_time:
        node = int(node_of_row[row])
        if not leads[node] and rows.leads[row]:
            leads[node] = rows.leads[row] or ""
    return leads


def _seeds(rows: HeadlineRows, dup_comp: np.ndarray, node_of_row: np.ndarray, n_nodes: int) -> np.ndarray:
    """Seed cluster per node: articles sharing a dup group (one headline re-sent), or a prior story."""
    psl, psr = same_label_edges(rows.prior_story, rows.is_prior)
    dup_labels = dup_comp.astype(str).astype(object)
    dl, dr = same_label_edges(dup_labels, np.ones(rows.n, bool))
    left = node_of_row[np.concatenate([psl, dl])]
    right = node_of_row[np.concatenate([psr, dr])]
    return components(n_nodes, left, right)


def build_nodes(rows: HeadlineRows, dup_comp: np.ndarray) -> Nodes:
    """The article nodes of the rows and their seed clusters.

    Args:
        rows: the night's and the prior rows.
        dup_comp: dup-group label per row.

    Returns:
        The nodes.
    """
    by_time, row_rank = _row_order(rows)
    node_of_row, node_row, weights = _article_nodes(rows, dup_comp, by_time)
    leads = _node_leads(rows, node_of_row, len(node_row), by_time)
    seeds = _seeds(rows, dup_comp, node_of_row, len(node_row))
    return Nodes(by_time, row_rank, node_of_row, node_row, weights, leads, seeds)
