"""One small hand-written page per rule of tasks/html/body/lead.py (the lead between the headline and the body)."""

from __future__ import annotations

import pytest

from tasks.html.body import extract_body
from tasks.html.body.lead import is_lead_paragraph
from tests.html.body.pages import ARTICLE, NAV, STANDFIRST, page, paragraphs

# Two sentences, the last one ended: a paragraph of the article, not a one-line deck.
LEAD = "The footbridge reopens on Monday after eight months. Engineers found the arches sound in their last check."
DECK = "Engineers say the arches are sound after months of checks"
BODY = f"<div class='story'>{paragraphs(ARTICLE)}</div>"


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        ("two sentences, the last one ended", LEAD, True),
        ("one sentence is a deck", STANDFIRST, False),
        ("two sentences, the last one unfinished", "The bridge reopens. Here is what changes", False),
        ("a question ends a sentence too", "Will the bridge reopen? The council votes on Monday.", True),
        ("sentence marks of scripts without spaces", "橋が再開した。工事は八か月続いた。", True),
        ("a closing quote after the final mark", 'The mayor spoke. "We kept our promise."', True),
    ],
)
def test_is_lead_paragraph(rule: str, text: str, expected: bool) -> None:
    assert is_lead_paragraph(text) is expected


@pytest.mark.parametrize(
    ("rule", "before_body", "lead"),
    [
        ("prose outside furniture between the title and the container",
         f"<div class='article-top'><h1>Bridge to reopen</h1><span>5 March</span><p>{STANDFIRST}</p></div>", [STANDFIRST]),
        ("no title before the container: no standfirst", f"<div class='promo-text'><p>{STANDFIRST}</p></div>", []),
        ("a lead paragraph in the article's header", f"<header><h1>Bridge to reopen</h1><p>{LEAD}</p></header>", [LEAD]),
        ("a one-sentence deck in the header stays with the headline",
         f"<header><h1>Bridge to reopen</h1><p class='dek'>{STANDFIRST}</p></header>", []),
        ("a header paragraph styled like the body's is article text",
         f"<header><h1>Bridge to reopen</h1><p class='text'>{DECK}, the river authority said on Friday.</p></header>",
         [f"{DECK}, the river authority said on Friday."]),
        ("a caption nested in the header is not",
         f"<header><h1>Bridge to reopen</h1><figure><figcaption>{LEAD}</figcaption></figure></header>", []),
        ("a lead in a header-hinted block that holds the title",
         f"<div class='article-header'><h1>Bridge to reopen</h1><p>{LEAD}</p></div>", [LEAD]),
    ],
)
def test_lead_before_the_body(rule: str, before_body: str, lead: list[str]) -> None:
    body = BODY.replace("<p>", "<p class='text'>") if "class='text'" in before_body else BODY
    text = extract_body(page(f"{NAV}<main>{before_body}{body}</main>"))
    assert text == "\n\n".join([*lead, *ARTICLE])


def test_a_lead_set_in_short_lines_is_one_paragraph() -> None:
    # A standfirst broken into short lines by <br>s: no line is long enough to be prose, the paragraph is.
    broken = LEAD.replace(" after", "<br>after").replace(" Engineers", "<br>Engineers").replace(" arches", "<br>arches")
    header = f"<div class='article-header'><h1>Bridge to reopen</h1><p>{broken}</p></div>"
    text = extract_body(page(f"{NAV}<main>{header}{BODY}</main>"))
    assert text == "\n\n".join([LEAD, *ARTICLE])


def test_a_deck_set_in_short_lines_stays_with_the_headline() -> None:
    broken = STANDFIRST.replace(" sound", "<br>sound").replace(" the footpath", "<br>the footpath")
    header = f"<header><h1>Bridge to reopen</h1><p class='dek'>{broken}</p></header>"
    text = extract_body(page(f"{NAV}<main>{header}{BODY}</main>"))
    assert text == "\n\n".join(ARTICLE)


def test_a_header_inside_the_container_gives_its_lead_first() -> None:
    text = extract_body(page(f"{NAV}<article><header><h1>Bridge to reopen</h1><p>{LEAD}</p></header>"
                             f"{paragraphs(ARTICLE)}</article>"))
    assert text == "\n\n".join([LEAD, *ARTICLE])
