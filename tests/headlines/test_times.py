"""The weekdays and months an article names (tasks/headlines/times.py)."""

from __future__ import annotations

import numpy as np
import pytest

from tasks.headlines.dups import fold_duplicates
from tasks.headlines.nodes import build_nodes
from tasks.headlines.rows import load_rows
from tasks.headlines.schemas import STORY_INDEX
from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.times import named_times
from tests.headlines.nights import table


def _times(rows: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    headlines = load_rows(table(rows), STORY_INDEX.empty_table())
    nodes = build_nodes(headlines, fold_duplicates(headlines, set(), HeadlineSettings()))
    named = named_times(headlines, nodes, 400, {"weekday": 1.0, "month": 1.0})
    return named.values, named.named


def _clash(values: np.ndarray, named: np.ndarray, a: int, b: int) -> float:
    return float(named[a] @ named[b] - values[a] @ values[b])


@pytest.mark.parametrize(
    ("lead_a", "lead_b", "clash"),
    [
        ("The council voted on Tuesday.", "The council vote came on Tuesday.", 0.0),
        ("The council voted on Tuesday.", "Protesters gathered on Friday.", 1.0),
        ("The council voted on Tuesday.", "No day is named here.", 0.0),
        # a possessive names the day; a plural is a habit and names none
        ("Friday's vote was close.", "The market opens on Mondays.", 0.0),
        ("Prices rose in March.", "Prices rose in Aug. and fell.", 1.0),
        # one names two days, one of them the other's: half agreement
        ("Talks ran from Monday to Tuesday.", "Talks ended on Tuesday.", 1 - np.sqrt(0.5)),
        # "May" is left out (a verb that opens sentences)
        ("May the council decide soon.", "The council meets in June.", 0.0),
    ],
)
def test_clash_counts_the_kinds_of_time_named_without_a_shared_value(lead_a: str, lead_b: str, clash: float) -> None:
    values, named = _times([("Council news", 0, "a1", lead_a), ("Council report", 1, "a2", lead_b)])
    assert _clash(values, named, 0, 1) == pytest.approx(clash, abs=1e-6)


def test_headlines_count_too_and_weights_scale_the_clash() -> None:
    rows = [("Storm hits coast on Sunday", 0), ("Storm damage counted on Monday", 1)]
    headlines = load_rows(table(rows), STORY_INDEX.empty_table())
    nodes = build_nodes(headlines, fold_duplicates(headlines, set(), HeadlineSettings()))
    named = named_times(headlines, nodes, 400, {"weekday": 0.2})
    assert _clash(named.values, named.named, 0, 1) == pytest.approx(0.2)
