"""Thresholds of main-text detection, in one typed settings record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BodySettings:
    """Thresholds of main-text detection.

    Attributes:
        min_vote_chars: a paragraph shorter than this does not vote for its container (captions, labels).
        ancestor_shares: share of a paragraph's vote given to its container, the container's parent, and so on.
        class_weight: added to a candidate whose class/id has a positive hint, taken from one with a negative hint.
        furniture_factor: score multiplier for a candidate inside (or being) furniture such as a sidebar.
        furniture_max_share: furniture holding more than this share of the page's text is a page wrapper
            (an ASP.NET ``<form>``, ``<div class="page has-sidebar">``), not furniture, for scoring.
        parent_min_share: the choice moves up through ancestors scoring at least this share of the winner.
        alternative_share: candidates scoring at least this share of the winner count as alternatives ...
        min_alternatives: ... and when this many share an ancestor with the winner, the ancestor wins.
        sibling_share: a sibling of the winner scoring at least this share of it is merged in.
        sibling_min_score: ... provided it also scores at least this.
        twin_levels: same-styled parts of a split article are merged when they share an ancestor at most this
            many levels above the winner.
        sibling_prose_chars: a sibling paragraph at least this long with little link text is merged in.
        sibling_prose_link_density: ... "little link text" means at most this share.
        wrapper_share: furniture inside the article holding more than this share of its text is a wrapper whose
            class/id misleads, and is kept.
        max_link_density: an emitted paragraph with more link text than this share is a link list and dropped.
        max_boilerplate_chars: only paragraphs up to this long are tested against one-line furniture patterns.
        max_marker_chars: a line without final punctuation up to this long can be a "Related articles" marker.
        lead_window: how many lines before the article container are searched for a standfirst.
        jsonld_min_chars: a JSON-LD articleBody shorter than this is ignored (teasers, descriptions).
        jsonld_ratio: the JSON-LD articleBody replaces the extracted text when the latter has fewer than this
            share of its characters.
        jsonld_complete_ratio: an articleBody at least this share of the extracted text's length is complete
            enough to filter the extracted paragraphs by.
        jsonld_paragraph_share: a paragraph agrees with the articleBody when this share of its word trigrams
            occurs in it.
        jsonld_min_agreement: the filter applies only when the paragraphs it keeps hold this share of the text.
    """

    min_vote_chars: int = 25
    ancestor_shares: tuple[float, ...] = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
    class_weight: float = 25.0
    furniture_factor: float = 0.3
    furniture_max_share: float = 0.5
    parent_min_share: float = 1 / 3
    alternative_share: float = 0.75
    min_alternatives: int = 3
    sibling_share: float = 0.2
    sibling_min_score: float = 10.0
    twin_levels: int = 4
    sibling_prose_chars: int = 80
    sibling_prose_link_density: float = 0.25
    wrapper_share: float = 0.8
    max_link_density: float = 0.5
    max_boilerplate_chars: int = 160
    max_marker_chars: int = 40
    lead_window: int = 10
    jsonld_min_chars: int = 200
    jsonld_ratio: float = 0.6
    jsonld_complete_ratio: float = 0.7
    jsonld_paragraph_share: float = 0.5
    jsonld_min_agreement: float = 0.7


DEFAULT_SETTINGS = BodySettings()
