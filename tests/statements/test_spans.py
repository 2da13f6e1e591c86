"""Tests for tasks/statements/spans.py: the merged span set and span coverage."""

from __future__ import annotations

import pytest

from tasks.statements.spans import SpanSet, covered


@pytest.mark.parametrize(("pos", "inside"), [(0, False), (1, True), (4, True), (5, True), (7, False), (8, True)])
def test_span_set_merges_overlaps(pos: int, inside: bool) -> None:
    spans = SpanSet([(3, 6), (1, 4), (8, 9)])
    assert (pos in spans) is inside


def test_covered() -> None:
    assert covered((0, 10), (5, 20)) == 0.5
    assert covered((0, 10), (20, 30)) == 0
    assert covered((3, 3), (0, 10)) == 0  # an empty span is covered by nothing


@pytest.mark.parametrize(("start", "end", "meets"), [(0, 1, False), (0, 2, True), (5, 8, False), (4, 6, True), (9, 12, True)])
def test_span_set_meets(start: int, end: int, meets: bool) -> None:
    assert SpanSet([(1, 3), (2, 5), (8, 10)]).meets(start, end) is meets
