"""One small hand-written page per rule of tasks/html/meta/dates.py."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from lxml import html as lxml_html

from tasks.html.meta import extract_metadata
from tasks.lexicon import load_lexicon
from tests.html.meta.pages import ld, meta, page

DATE_ROWS = [
    # (rule, page, expected UTC time, expected offset minutes)
    (
        "datePublished inside @graph",
        page(
            ld(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "WebSite", "name": "X"},
                        {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00Z"},
                    ],
                }
            )
        ),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
    (
        "datePublished in a top-level list",
        page(ld([{"@type": "BreadcrumbList"}, {"@type": "Article", "datePublished": "2024-03-05T10:00:00+00:00"}])),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
    (
        "article:published_time meta, offset kept",
        page(meta("article:published_time", "2024-03-05T12:30:00+02:00")),
        datetime(2024, 3, 5, 10, 30, tzinfo=timezone.utc),
        120,
    ),
    (
        "negative offset without colon",
        page(meta("pubdate", "2024-03-05T06:30:00-0400", "name")),
        datetime(2024, 3, 5, 10, 30, tzinfo=timezone.utc),
        -240,
    ),
    (
        "parsely-pub-date meta",
        page(meta("parsely-pub-date", "2024-03-05T10:00:00Z", "name")),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
    (
        "<time datetime> in the body",
        page(body='<p>Posted <time datetime="2024-03-05T10:00:00Z">Tuesday</time></p>'),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
    (
        "naive time read as UTC with unknown offset",
        page(meta("date", "2024-03-05 10:00:00", "name")),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        None,
    ),
    (
        "modification time not preferred",
        page(
            meta("article:modified_time", "2024-04-01T09:00:00Z")
            + meta("article:published_time", "2024-03-05T10:00:00Z")
        ),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
    (
        "printed day.month.year after a date label",
        page(body="<ul><li><b>Date</b> 05.03.2024</li></ul>"),
        datetime(2024, 3, 5, tzinfo=timezone.utc),
        None,
    ),
    (
        "printed month name and time in a date element",
        page(body='<span class="meta-date">Published 5 March 2024, 10:15</span>'),
        datetime(2024, 3, 5, 10, 15, tzinfo=timezone.utc),
        None,
    ),
    (
        "printed German month name",
        page(body='<div class="datum">5. März 2024</div>'),
        datetime(2024, 3, 5, tzinfo=timezone.utc),
        None,
    ),
    (
        "US month/day order for en-US pages",
        page(body='<p class="byline">By Ann Lee</p><p class="date">03/05/2024 6:30 pm</p>', lang="en-US"),
        datetime(2024, 3, 5, 18, 30, tzinfo=timezone.utc),
        None,
    ),
    (
        "day/month order elsewhere",
        page(body='<p class="date">03/05/2024</p>', lang="en-GB"),
        datetime(2024, 5, 3, tzinfo=timezone.utc),
        None,
    ),
    (
        "printed date next to the byline",
        page(body='<div><span>Tue 05.03.24 | 10:15</span> <span class="authorname">Ann Lee</span></div>'),
        datetime(2024, 3, 5, 10, 15, tzinfo=timezone.utc),
        None,
    ),
    (
        "a printed update time is not the publication time",
        page(body='<span class="date-updated">06.03.2024</span><span class="date-published">05.03.2024</span>'),
        datetime(2024, 3, 5, tzinfo=timezone.utc),
        None,
    ),
    (
        "dates in a related-articles box are not this page's",
        page(body='<div class="related"><span class="date">01.01.2020</span></div><ul><li>Date 05.03.2024</li></ul>'),
        datetime(2024, 3, 5, tzinfo=timezone.utc),
        None,
    ),
    (
        "e-mail date form in a meta tag",
        page(meta("date", "Tue, 05 Mar 2024 12:00:00 +0200", "name")),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        120,
    ),
    (
        "a printed date in a meta tag keeps its PM",
        page(meta("article:published_time", "March 5, 2024, 07:47 PM EST")),
        datetime(2024, 3, 5, 19, 47, tzinfo=timezone.utc),
        None,
    ),
    (
        "a placeholder year is skipped for the next source",
        page(
            ld({"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"})
            + meta("article:published_time", "2024-03-05T10:00:00Z")
        ),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
    (
        "JSON-LD dateModified not preferred",
        page(
            ld(
                {
                    "@type": "NewsArticle",
                    "dateModified": "2024-04-01T09:00:00Z",
                    "datePublished": "2024-03-05T10:00:00Z",
                }
            )
        ),
        datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc),
        0,
    ),
]


@pytest.mark.parametrize("rule,doc,expected,offset", DATE_ROWS, ids=[r[0] for r in DATE_ROWS])
def test_published(rule: str, doc: lxml_html.HtmlElement, expected: datetime, offset: int | None) -> None:
    result = extract_metadata(doc)
    assert result.published_at == expected
    assert result.published_at.utcoffset().total_seconds() == 0
    assert result.published_utc_offset_minutes == offset


def test_no_date_gives_none() -> None:
    result = extract_metadata(page("<title>Undated</title>"))
    assert result.published_at is None and result.published_utc_offset_minutes is None


def test_each_month_word_names_one_month() -> None:
    lex = load_lexicon("html/meta_dates")
    words = [w.casefold() for group, entries in lex.items() if group.startswith("month_") for w in entries]
    assert sorted(g for g in lex if g.startswith("month_")) == sorted(f"month_{i}" for i in range(1, 13))
    assert len(words) == len(set(words)), "a month word in two groups would make dates ambiguous"
