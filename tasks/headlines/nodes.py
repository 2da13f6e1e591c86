"""Clustering nodes: one per distinct wording of a dup group, one per article lead, and the seed clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.headlines.graph import components, factorize, same_label_edges
from tasks.headlines.rows import HeadlineRows


@dataclass
class Nodes:
    """The nodes story similarity is computed on, and how rows map to them.

    Text nodes come first (0..n_text-1), numbered by their first row's (seen_at, headline_id); lead nodes
    follow, one per article that has a lead.
    """

    by_time: np.ndarray
    """Row indices sorted by (seen_at, headline_id)."""
    row_rank: np.ndarray
    """Position of each row in by_time."""
    node_of_row: np.ndarray
    """Text node per row."""
    node_row: np.ndarray
    """Earliest row per text node (it stands for the node)."""
    lead_src: np.ndarray
    """Row whose lead each lead node holds."""
    lead_texts: list[str]
    """Lead text per lead node."""
    seeds: np.ndarray
    """Seed cluster per node: dup groups, an article's headline variants and lead, prior stories."""

    @property
    def n_text(self) -> int:
        """Number of text nodes."""
        return len(self.node_row)

    @property
    def n(self) -> int:
        """Number of nodes, text and lead."""
        return len(self.node_row) + len(self.lead_src)


def _row_order(rows: HeadlineRows) -> tuple[np.ndarray, np.ndarray]:
    """Rows sorted by (seen_at, headline_id), and each row's rank in that order."""
    hid_rank = pc.rank(pa.array(rows.hids, pa.string()), sort_keys="ascending", tiebreaker="first").to_numpy()
    by_time = np.lexsort((hid_rank, rows.times))
    row_rank = np.empty(rows.n, dtype=np.int64)
    row_rank[by_time] = np.arange(rows.n)
    return by_time, row_rank


def _text_nodes(rows: HeadlineRows, dup_comp: np.ndarray, by_time: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Text node per row and each node's earliest row.

    Rows of one dup group with the same normalized text have the same tokens, so they are one node for
    story similarity. Nodes are numbered by their first row's (seen_at, headline_id) so that input order
    changes no id, no tie-break and no summation order downstream.
    """
    norm_ids = factorize(rows.norms)
    node_key = dup_comp.astype(np.int64) * (int(norm_ids.max()) + 1) + norm_ids
    _, first_pos, node_sorted = np.unique(node_key[by_time], return_index=True, return_inverse=True)
    node_of_row = np.empty(rows.n, dtype=np.int64)
    node_of_row[by_time] = node_sorted
    canonical_order = np.argsort(first_pos, kind="stable")
    renumber = np.empty(len(first_pos), dtype=np.int64)
    renumber[canonical_order] = np.arange(len(first_pos))
    return renumber[node_of_row], by_time[first_pos[canonical_order]]


def _lead_rows(leads: list[str | None], art_ids: np.ndarray, by_time: np.ndarray, row_rank: np.ndarray) -> np.ndarray:
    """One row per article that has a lead (its earliest row with one), in time order."""
    lead_rows: dict[int, int] = {}
    for row in by_time:
        if leads[row] and int(art_ids[row]) not in lead_rows:
            lead_rows[int(art_ids[row])] = int(row)
    return np.asarray(sorted(lead_rows.values(), key=lambda r: row_rank[r]), dtype=np.int64)


def _seeds(
    rows: HeadlineRows, dup_comp: np.ndarray, art_ids: np.ndarray, by_time: np.ndarray,
    node_of_row: np.ndarray, n_text: int, lead_src: np.ndarray,
) -> np.ndarray:
    """Seed cluster per node: a dup group, the rows of one article (headline variants and lead), and the
    rows of one prior story start in one cluster."""
    n = rows.n
    psl, psr = same_label_edges(rows.prior_story, rows.is_prior)
    al, ar = same_label_edges(art_ids.astype(str).astype(object), np.ones(n, bool))
    rep = np.zeros(int(dup_comp.max()) + 1 if n else 0, dtype=np.int64)
    rep[dup_comp[by_time[::-1]]] = by_time[::-1]
    row_l = np.concatenate([np.arange(n), al, psl, lead_src])
    row_r = np.concatenate([rep[dup_comp], ar, psr, lead_src])
    return components(
        n_text + len(lead_src),
        np.concatenate([node_of_row[row_l[: len(row_l) - len(lead_src)]], n_text + np.arange(len(lead_src))]),
        node_of_row[row_r],
    )


def build_nodes(rows: HeadlineRows, dup_comp: np.ndarray) -> Nodes:
    """The text and lead nodes of the rows, and their seed clusters.

    Args:
        rows: the night's and the prior rows.
        dup_comp: dup-group label per row.

    Returns:
        The nodes.
    """
    by_time, row_rank = _row_order(rows)
    node_of_row, node_row = _text_nodes(rows, dup_comp, by_time)
    art_ids = factorize(rows.arts)
    lead_src = _lead_rows(rows.leads, art_ids, by_time, row_rank)
    seeds = _seeds(rows, dup_comp, art_ids, by_time, node_of_row, len(node_row), lead_src)
    return Nodes(by_time, row_rank, node_of_row, node_row, lead_src, [rows.leads[r] or "" for r in lead_src], seeds)
