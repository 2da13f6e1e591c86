"""One small hand-written page per rule of tasks/html/meta/authors.py."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.html.meta import extract_metadata
from tests.html.meta.pages import ld, meta, page

AUTHOR_ROWS = [
    # (rule, page, expected authors)
    (
        "JSON-LD list of Person objects",
        page(
            ld(
                {
                    "@type": "NewsArticle",
                    "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chan"}],
                }
            )
        ),
        ["Ann Lee", "Bo Chan"],
    ),
    ("JSON-LD author as a plain string", page(ld({"@type": "Article", "author": "Ann Lee"})), ["Ann Lee"]),
    ("byline 'By A and B' split", page(meta("author", "By Ann Lee and Bo Chan", "name")), ["Ann Lee", "Bo Chan"]),
    (
        "German 'Von A und B' split",
        page(meta("author", "Von Anna Berg und Karl Stein", "name")),
        ["Anna Berg", "Karl Stein"],
    ),
    ("comma-separated list", page(meta("author", "Ann Lee, Bo Chan", "name")), ["Ann Lee", "Bo Chan"]),
    (
        "outlet name dropped next to a person",
        page(
            meta("og:site_name", "Valley Courier")
            + ld(
                {
                    "@type": "NewsArticle",
                    "author": [
                        {"@type": "Person", "name": "Ann Lee"},
                        {"@type": "Organization", "name": "Valley Courier"},
                    ],
                }
            )
        ),
        ["Ann Lee"],
    ),
    (
        "outlet with a job title dropped next to a person",
        page(meta("og:site_name", "Valley Courier") + meta("author", "Ann Lee, Valley Courier Senior Editor", "name")),
        ["Ann Lee"],
    ),
    (
        "outlet kept when it is the only author",
        page(
            meta("og:site_name", "Valley Courier")
            + ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Valley Courier"}})
        ),
        ["Valley Courier"],
    ),
    ("e-mail address dropped", page(meta("author", "Ann Lee ann.lee@example.org", "name")), ["Ann Lee"]),
    ("profile URL is not a name", page(meta("article:author", "https://example.org/staff/ann-lee")), []),
    ("role after the name dropped", page(body='<a rel="author" href="/a">Ann Lee, Reporter</a>'), ["Ann Lee"]),
    (
        "initials in parentheses dropped",
        page(meta("author", "Ann Lee (al), Bo Chan (bc)", "name")),
        ["Ann Lee", "Bo Chan"],
    ),
    ("role after the name without a comma", page(meta("author", "Ann Lee Senior Correspondent", "name")), ["Ann Lee"]),
    (
        "a desk name made of role words stays whole",
        page(meta("author", "Harbour staff reporter", "name")),
        ["Harbour staff reporter"],
    ),
    (
        "JSON-LD author given as an @id reference",
        page(
            ld(
                {
                    "@graph": [
                        {"@type": "NewsArticle", "author": [{"@id": "#p1"}]},
                        {"@type": "Person", "@id": "#p1", "name": "Ann Lee"},
                    ]
                }
            )
        ),
        ["Ann Lee"],
    ),
    (
        "metadata naming only the outlet yields to a byline link to an author page",
        page(
            meta("og:site_name", "Valley Courier") + meta("author", "Valley Courier", "name"),
            '<p>von <a href="/autoren/ann-lee">Ann Lee</a></p>',
        ),
        ["Ann Lee"],
    ),
    (
        "... or to a labelled fact box",
        page(
            meta("author", "Valley Courier (valleycourier.example)", "name") + meta("og:site_name", "Valley Courier"),
            "<ul><li><b>Author</b> Ann Lee</li></ul>",
        ),
        ["Ann Lee"],
    ),
    (
        "... but not to a lone desk code in the byline",
        page(
            meta("og:site_name", "Valley Courier") + meta("author", "Valley Courier", "name"),
            '<p class="byline">red</p>',
        ),
        ["Valley Courier"],
    ),
    (
        "byline element with 'By'",
        page(body='<div class="byline">By <a href="#">Ann Lee</a> and <a href="#">Bo Chan</a></div>'),
        ["Ann Lee", "Bo Chan"],
    ),
    ("CJK name meta", page(meta("cXenseParse:author", "山田太郎", "name")), ["山田太郎"]),
    (
        "weekday of a dateline run into the byline dropped",
        page(body='<p class="byline">By Ann Lee Monday</p>'),
        ["Ann Lee"],
    ),
    ("credentials after a name dropped", page(meta("author", "Ann Lee, MS, RDN", "name")), ["Ann Lee"]),
    ("'Analysis by' prefix", page(meta("author", "Analysis by Ann Lee", "name")), ["Ann Lee"]),
    (
        "duplicates merged",
        page(ld({"@type": "NewsArticle", "author": [{"name": "Ann Lee"}, {"name": "Ann  Lee"}]})),
        ["Ann Lee"],
    ),
    (
        "an author field written family name first",
        page(meta("author", "Roe, Jane", "name")),
        ["Jane Roe"],
    ),
    (
        "a site credited by its host name is an outlet, the byline names the person",
        page(meta("author", "ledger.example", "name"), "<h1>Bridge closes</h1><p class='byline'>By Jane Roe</p>"),
        ["Jane Roe"],
    ),
    (
        "the outlet's name with 'News' is an outlet",
        page(meta("og:site_name", "Ledger") + meta("author", "Ledger News", "name"),
             "<h1>Bridge closes</h1><p class='byline'>By Jane Roe</p>"),
        ["Jane Roe"],
    ),
    (
        "the byline after the headline, not the teasers' bylines before and after it",
        page(body="<ul><li><a rel='author' href='/a/x'>Bo Chen</a></li></ul><h1>Bridge closes</h1>"
             "<p><a rel='author' href='/a/jane'>Jane Roe</a></p>"
             "<ul><li><a rel='author' href='/a/cy'>Cy Dee</a></li><li><a rel='author' href='/a/bo'>Bo Chen</a></li></ul>"),
        ["Jane Roe"],
    ),
    (
        "co-authors linked in one byline",
        page(body="<h1>Bridge closes</h1><p>By <a rel='author' href='/a/j'>Jane Roe</a> and "
             "<a rel='author' href='/a/b'>Bo Chen</a></p><div><p><a rel='author' href='/a/c'>Cy Dee</a></p></div>"),
        ["Jane Roe", "Bo Chen"],
    ),
    (
        "a company named by its legal form is no author beside a person",
        page(meta("author", "Harbour Media Inc.", "name") + meta("author", "Jane Roe", "name")),
        ["Jane Roe"],
    ),
    (
        "the holder a copyright notice names is the publisher: the next source names the author",
        page(meta("author", "Harbour Media", "name") + meta("copyright", "Copyright (c) Harbour Media 2024", "name")
             + meta("article:author", "Jane Roe")),
        ["Jane Roe"],
    ),
    (
        "a twitter:data field labelled 'Written by' names the author",
        page(meta("twitter:label1", "Written by", "name") + meta("twitter:data1", "Jane Roe", "name")
             + meta("twitter:label2", "Est. reading time", "name") + meta("twitter:data2", "4 minutes", "name")),
        ["Jane Roe"],
    ),
    (
        "an unmarked short line opening with 'By' after the headline is the byline",
        page(body="<h1>Bridge closes</h1><div><span>By</span> <span>JANE ROE and BO CHEN</span></div>"
             "<p>By the end of the week the bridge will be closed to all traffic, officials said.</p>"),
        ["JANE ROE", "BO CHEN"],
    ),
    (
        "... but not a sentence that opens with 'By'",
        page(body="<h1>Bridge closes</h1><p>By the end of the week, traffic slows</p>"),
        [],
    ),
    (
        "... nor the byline of a teaser linking to another article",
        page(body="<h1>Bridge closes</h1><p>The bridge closes on Friday.</p>"
             "<a href='/other'><span>Ferry fares rise</span><span>By Cy Dee</span></a>"),
        [],
    ),
    (
        "... nor the byline in another <article>",
        page(body="<article><h1>Bridge closes</h1><p>The bridge closes on Friday.</p></article>"
             "<article><h2>Ferry fares rise</h2><p>Von Cy Dee</p></article>"),
        [],
    ),
    (
        "more names than a byline holds, from the body, is a staff list",
        page(body="<h1>Bridge closes</h1><p class='byline'>By Ann Lee, Bo Chen, Cy Dee, Di Eng and Ed Fox</p>"),
        [],
    ),
]


@pytest.mark.parametrize("rule,doc,expected", AUTHOR_ROWS, ids=[r[0] for r in AUTHOR_ROWS])
def test_authors(rule: str, doc: lxml_html.HtmlElement, expected: list[str]) -> None:
    assert extract_metadata(doc).authors == expected
