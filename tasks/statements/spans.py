"""Character spans of an article body and the candidate statements the rules build from them."""

from __future__ import annotations

import bisect

# A [start, end) offset pair into the article body.
Span = tuple[int, int]


class Candidate:
    """A statement found by one rule, before speaker resolution.

    `fragments` are the quoted or reported pieces in text order, the attribution between them left out; they
    may grow after the rule ran (a quote that continues the statement). `direct` marks quoted words, which
    never become "mixed". A plain class rather than a dataclass, so that the compiled build compiles its
    __init__ too.
    """

    def __init__(self, fragments: list[Span], speaker: Span | None, cue: Span | None, rule: str,
                 direct: bool = False) -> None:
        self.fragments = fragments
        self.speaker = speaker
        self.cue = cue
        self.rule = rule
        self.direct = direct

    def __repr__(self) -> str:
        return f"Candidate({self.fragments!r}, {self.speaker!r}, {self.cue!r}, {self.rule!r}, direct={self.direct})"

    @property
    def content(self) -> Span:
        """The span from the first fragment's start to the last fragment's end."""
        return self.fragments[0][0], self.fragments[-1][1]


class SpanSet:
    """Disjoint [start, end) spans with a bisect membership test (spans that overlap are merged)."""

    def __init__(self, spans: list[Span]) -> None:
        """Merge `spans` into sorted disjoint runs.

        Args:
            spans: any [start, end) spans, overlapping or not, in any order.
        """
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [run[0] for run in merged]
        self.ends = [run[1] for run in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def meets(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start


def covered(span: Span, other: Span) -> float:
    """Share of `span` that `other` covers.

    Args:
        span: the span measured.
        other: the span laid over it.

    Returns:
        A share between 0 and 1 (an empty `span` counts as one character).
    """
    return max(0, min(span[1], other[1]) - max(span[0], other[0])) / max(1, span[1] - span[0])
