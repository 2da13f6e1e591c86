"""One small hand-written page per rule of tasks/html/meta/title.py."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.html.meta import extract_metadata
from tests.html.meta.pages import ld, meta, page

TITLE_ROWS = [
    # (rule, page, expected title)
    (
        "jsonld headline wins over a longer <title>",
        page(
            ld({"@type": "NewsArticle", "headline": "Otters learn to juggle"})
            + "<title>Otters learn to juggle | Daily Otter</title>"
        ),
        "Otters learn to juggle",
    ),
    (
        "og:title ' | Site' suffix removed via og:site_name",
        page(
            meta("og:title", "Bridge reopens after repairs | Riverside Gazette")
            + meta("og:site_name", "Riverside Gazette")
        ),
        "Bridge reopens after repairs",
    ),
    (
        "site prefix removed via the host of og:url",
        page(
            meta("og:url", "https://www.harbourtimes.example/news/1")
            + "<title>Harbour Times - Ferry strike ends</title>"
        ),
        "Ferry strike ends",
    ),
    (
        "section kicker removed when another candidate lacks it",
        page("<title>Sport :: Local club wins the cup :: The Paper</title>", "<h1>Local club wins the cup</h1>"),
        "Local club wins the cup",
    ),
    (
        "a colon inside a headline is not a separator",
        page("<title>Budget: what changes in May</title>"),
        "Budget: what changes in May",
    ),
    (
        "hyphenated words are not split",
        page(meta("og:title", "Long-awaited tram line opens") + meta("og:site_name", "Tram News")),
        "Long-awaited tram line opens",
    ),
    (
        "an h1 that is the site's logo is no headline",
        page(
            meta("og:site_name", "Harbour Times") + "<title>Ferry strike ends - Harbour Times</title>",
            "<h1>Harbour Times</h1>",
        ),
        "Ferry strike ends",
    ),
    ("h1 alone", page(body="<h1> Storm  closes\nschools </h1>"), "Storm closes schools"),
    (
        "separator inside the headline kept when no candidate lacks it",
        page(meta("og:title", "Rents rise again - here is why") + meta("og:site_name", "City Desk")),
        "Rents rise again - here is why",
    ),
    (
        "full-width bar without spaces splits off the site",
        page(meta("og:title", "港の新しい橋が開通｜湾岸新聞") + meta("og:site_name", "湾岸新聞")),
        "港の新しい橋が開通",
    ),
    (
        "a full-width colon splits off the site's name",
        page(meta("og:title", "港の新しい橋が開通：湾岸新聞") + meta("og:site_name", "湾岸新聞")),
        "港の新しい橋が開通",
    ),
    (
        "a trailing company name goes",
        page("<title>Ferry timetable changes in May | Harbour Media Holdings Inc.</title>"),
        "Ferry timetable changes in May",
    ),
    (
        "a one-word section label in og:title and <title> loses to the headline that contains it",
        page(meta("og:title", "Housing") + "<title>Housing</title>", "<h1>Why housing costs keep rising</h1>"),
        "Why housing costs keep rising",
    ),
    ("a one-word headline alone stays", page(meta("og:title", "Ceasefire")), "Ceasefire"),
    (
        "the copyright holder's name is the site's",
        page("<title>Ferry strike ends | Harbour Media</title>"
             + meta("copyright", "© 2020 - 2024 Harbour Media, Port Town. All rights reserved.", "name")),
        "Ferry strike ends",
    ),
    ("a trailing date segment goes", page("<title>Harvest starts early | 28.04.2023</title>"), "Harvest starts early"),
    (
        "kicker dropped when og:title is the headline without it",
        page(
            ld({"@type": "NewsArticle", "headline": "Weather: Snow expected on Sunday"})
            + meta("og:title", "Snow expected on Sunday")
        ),
        "Snow expected on Sunday",
    ),
    (
        "kicker kept when only the h1 lacks it (the page prints it beside the h1)",
        page(ld({"@type": "NewsArticle", "headline": "After the vote: Mayor resigns"}), "<h1>Mayor resigns</h1>"),
        "After the vote: Mayor resigns",
    ),
    (
        "entities left in JSON-LD are decoded",
        page(ld({"@type": "NewsArticle", "headline": "Fans &quot;stunned&quot; by result"})),
        'Fans "stunned" by result',
    ),
    (
        "og:title wins when the JSON-LD headline only repeats the h1 and <title>",
        page(
            ld({"@type": "NewsArticle", "headline": "Mayor resigns"})
            + meta("og:title", "Why the mayor quit after ten years")
            + "<title>Mayor resigns</title>",
            "<h1>Mayor resigns</h1>",
        ),
        "Why the mayor quit after ten years",
    ),
    (
        "JSON-LD headline kept when it differs from the h1",
        page(
            ld({"@type": "NewsArticle", "headline": "Mayor resigns"})
            + meta("og:title", "Why the mayor quit after ten years")
            + "<title>Mayor resigns</title>",
            "<h1>Why the mayor quit after ten years</h1>",
        ),
        "Mayor resigns",
    ),
    (
        "a headline cut short with an ellipsis loses to a whole one",
        page(
            ld({"@type": "NewsArticle", "headline": "Council approves new..."})
            + meta("og:title", "Council approves new cycle lanes")
        ),
        "Council approves new cycle lanes",
    ),
]


@pytest.mark.parametrize("rule,doc,expected", TITLE_ROWS, ids=[r[0] for r in TITLE_ROWS])
def test_title(rule: str, doc: lxml_html.HtmlElement, expected: str) -> None:
    assert extract_metadata(doc).title == expected


def test_headline_candidates_are_keyed_by_role() -> None:
    doc = page(
        ld({"@type": "NewsArticle", "headline": "Owls return"})
        + meta("og:title", "Owls return | Bird Post")
        + meta("twitter:title", "Owls return", "name")
        + meta("og:site_name", "Bird Post")
        + "<title>Owls return - Bird Post</title>",
        "<h1>Owls return</h1>",
    )
    candidates = extract_metadata(doc).headline_candidates
    assert candidates == {role: "Owls return" for role in ("jsonld", "og", "twitter", "h1", "html_title")}
