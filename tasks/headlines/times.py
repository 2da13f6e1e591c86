"""The times an article names (weekdays and months in its headlines and lead): when its event happened."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from tasks.headlines.nodes import Nodes
from tasks.headlines.rows import HeadlineRows
from tasks.lexicon import load_lexicon


@dataclass
class NamedTimes:
    """Per article, which values of each kind of time (weekday, month) it names.

    `values` holds one unit block of columns per kind (zeros where the article names none of that kind) and
    `named` one column per kind (1 where it names any). Over two articles, the sum over kinds of
    named_a * named_b - values_a . values_b counts the kinds both name without sharing a value (less when one
    names several values, 0 when they agree). Each kind's columns are scaled by the square root of its weight,
    so the same expression gives the weighted clash, and sums over a cluster's members give cluster averages.
    """

    values: np.ndarray
    named: np.ndarray


@cache
def _lexicon() -> tuple[list[str], dict[str, tuple[int, int]], re.Pattern[str]]:
    """Kinds in lexicon order, spelling -> (kind, value column), and one pattern for every spelling."""
    kinds: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    column = 0
    for kind, rows in load_lexicon("headlines/times").items():
        for row in rows:
            for spelling in row.split("|"):
                where[spelling] = (len(kinds), column)
            column += 1
        kinds.append(kind)
    # Whole words with their capital: "Mondays" (a habit, not a date) does not match; "Friday's vote" does.
    alternatives = "|".join(re.escape(s) for s in sorted(where, key=len, reverse=True))
    return kinds, where, re.compile(r"\b(?:" + alternatives + r")(?!\w)")


def _kind_columns() -> list[np.ndarray]:
    """The value columns of each kind, in lexicon order."""
    kinds, where, _ = _lexicon()
    columns: list[set[int]] = [set() for _ in kinds]
    for kind, column in where.values():
        columns[kind].add(column)
    return [np.array(sorted(c)) for c in columns]


def named_times(rows: HeadlineRows, nodes: Nodes, lead_chars: int, weights: dict[str, float]) -> NamedTimes:
    """The weekdays and months each article's headlines and lead name.

    Args:
        rows: the rows (their headline texts).
        nodes: the article nodes (their leads).
        lead_chars: characters of the lead that count.
        weights: weight of each kind's clash (a kind missing here weighs 0).

    Returns:
        The named times of every node (float32).
    """
    kinds, where, pattern = _lexicon()
    n_columns = 1 + max(column for _, column in where.values())
    values = np.zeros((nodes.n, n_columns), dtype=np.float32)
    for row, node in enumerate(nodes.node_of_row.tolist()):
        for spelling in pattern.findall(rows.texts[row]):
            values[node, where[spelling][1]] = 1.0
    for node, lead in enumerate(nodes.leads):
        for spelling in pattern.findall(lead[:lead_chars]):
            values[node, where[spelling][1]] = 1.0
    named = np.zeros((nodes.n, len(kinds)), dtype=np.float32)
    for kind, columns in enumerate(_kind_columns()):
        block = values[:, columns]
        norms = np.linalg.norm(block, axis=1, keepdims=True)
        scale = np.float32(np.sqrt(weights.get(kinds[kind], 0.0)))
        values[:, columns] = np.divide(block, norms, out=np.zeros_like(block), where=norms > 0) * scale
        named[:, kind] = (norms[:, 0] > 0) * scale
    return NamedTimes(values, named)
