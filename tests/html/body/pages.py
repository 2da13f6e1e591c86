"""Small hand-written pages for the body tests: a four-paragraph article with navigation, and furniture to add."""

from __future__ import annotations

import json

from lxml import html as lxml_html

ARTICLE = [
    "The river authority said on Tuesday that the old stone bridge, closed since the spring floods, will reopen "
    "to pedestrians next month, once engineers finish checking the arches.",
    "Repairs cost more than expected, officials said, because divers found that two of the piers had been "
    "undermined by the current, and the mortar between the lower courses had washed out.",
    "Shopkeepers on both banks, who say their takings fell by a third while the bridge was shut, welcomed the "
    "news but asked the council to keep the temporary ferry running until the work is signed off.",
    "A cycling lane, promised in the original plans, has been postponed to next year, according to a note "
    "published by the council's transport committee on Monday evening.",
]


NAV = (
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
    '<li><a href="/sport">Sport</a></li></ul></nav>'
)


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def page(body: str, head: str = "") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><head><title>T</title>{head}</head><body>{body}</body></html>")


def article_page(inside: str = "", outside: str = "", split_at: int | None = None) -> lxml_html.HtmlElement:
    """A page with navigation, the article (with `inside` appended in its container) and `outside` after it."""
    body = paragraphs(ARTICLE) + inside
    return page(f"{NAV}<main><h1>Bridge to reopen</h1><div class='story'>{body}</div></main>{outside}")


def assert_article_kept(text: str) -> None:
    for para in ARTICLE:
        assert para in text


RELATED = (
    '<div class="related-stories"><h3>More on this</h3><ul>'
    '<li><a href="/a">Council approves the new budget for the coming year after a long debate</a></li>'
    '<li><a href="/b">Ferry timetable changes for the winter season, with fewer evening crossings</a></li></ul></div>'
)


NEWSLETTER = (
    '<div class="newsletter-box"><p>Get the morning briefing in your inbox, every weekday, with the stories '
    "that matter to the valley.</p><form><input type='email'><button>Sign up</button></form></div>"
)


COMMENTS = (
    '<section id="comments"><h3>12 comments</h3>'
    '<div class="comment"><p>I have crossed that bridge every day for thirty years, and frankly, the ferry was '
    "never a real replacement for it, whatever the council says.</p></div>"
    '<div class="comment"><p>Good news at last, though I wonder why the cycling lane keeps being postponed, year '
    "after year, when the money was set aside.</p></div></section>"
)


SHARE = (
    '<div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a><span>Share this story with your '
    "friends and family today</span></div>"
)


# No class or id hint: only the "Latest News" heading marks the teaser list as furniture.
LATEST = (
    "<h2>Latest News</h2>"
    '<div><h3><a href="/c">Storm warning issued for the coast tonight</a></h3>'
    "<p>Forecasters expect gusts of up to ninety kilometres an hour along the shore, with heavy rain inland.</p>"
    '<h3><a href="/d">School reopens after the summer renovation work</a></h3>'
    "<p>Pupils returned to new classrooms, a larger library and a canteen that serves breakfast, staff said.</p></div>"
)


NEXT_TEASER = (
    '<p><a href="/n">Next story »</a></p><h5><a href="/n">Tram fares frozen for another year</a></h5>'
    "<p>Commuters will keep paying last year's price, which the operator says is still cheaper than the bus.</p>"
)


ONE_LINERS = "<p>Advertisement</p><p>Share on Facebook</p><p>Read more: Bridge closures across the region</p>"


HIDDEN = "<div style='display: none'><p>Subscriber-only text that the reader never sees on the page at all.</p></div>"


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


BIO = ("Maria Lindqvist covers transport and infrastructure for the paper, and before that reported on local "
       "politics, courts and schools for a decade.")


STANDFIRST = "Engineers say the arches are sound after months of checks, and the footpath can reopen in weeks."
