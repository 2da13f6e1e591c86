"""Ids of dup groups and stories: reused from the prior rows a cluster holds, else derived from its first row."""

from __future__ import annotations

import numpy as np

from tasks.ids import stable_id


def assign_ids(
    comp: np.ndarray,
    is_prior: np.ndarray,
    prior_ids: list[str],
    row_rank: np.ndarray,
    headline_ids: list[str],
    prefix: str,
) -> list[str]:
    """Id per row of a grouping (dup groups or stories), stable across nights.

    A prior row keeps its id. A component holding prior rows reuses their most common id (ties: the
    smallest); any other component gets an id derived from its first row's headline_id, so the same input
    always gives the same ids.

    Args:
        comp: component label per row.
        is_prior: rows already in the lake.
        prior_ids: the lake's id per row ("" for new rows).
        row_rank: rank of each row by (seen_at, headline_id).
        headline_ids: headline_id per row.
        prefix: "d" for dup groups, "s" for stories.

    Returns:
        Id per row.
    """
    counts: dict[int, dict[str, int]] = {}
    for row in np.flatnonzero(is_prior):
        pid = prior_ids[row]
        if pid:
            by_id = counts.setdefault(int(comp[row]), {})
            by_id[pid] = by_id.get(pid, 0) + 1
    reuse = {c: min(ids.items(), key=lambda kv: (-kv[1], kv[0]))[0] for c, ids in counts.items()}
    fresh: dict[int, str] = {}
    for row in np.argsort(row_rank, kind="stable"):
        c = int(comp[row])
        if c not in reuse and c not in fresh:
            fresh[c] = prefix + stable_id(prefix, headline_ids[row])[:24]
    return [
        prior_ids[row] if is_prior[row] and prior_ids[row] else reuse.get(c) or fresh[c]
        for row, c in enumerate(comp.tolist())
    ]


def canonical_flags(dup_comp: np.ndarray, is_prior: np.ndarray, by_time: np.ndarray) -> np.ndarray:
    """True for the first row (seen_at, headline_id) of each dup group this run creates.

    A group that already holds prior rows has its canonical row in the lake: later arrivals never take it.

    Args:
        dup_comp: dup-group label per row.
        is_prior: rows already in the lake.
        by_time: row indices sorted by (seen_at, headline_id).

    Returns:
        Flag per row.
    """
    n = len(dup_comp)
    has_prior_dup = np.zeros(int(dup_comp.max()) + 1 if n else 0, dtype=bool)
    has_prior_dup[dup_comp[is_prior]] = True
    first_of = np.full(len(has_prior_dup), -1, dtype=np.int64)
    first_of[dup_comp[by_time[::-1]]] = by_time[::-1]
    return (~has_prior_dup[dup_comp]) & (first_of[dup_comp] == np.arange(n))
