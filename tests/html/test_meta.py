"""One small hand-written page per metadata rule of tasks/html_meta.py."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import tasks.html.meta as hm
from tasks.html.meta import PageMeta, extract_metadata
from tasks.lexicon import load_lexicon


def page(head: str = "", body: str = "", lang: str | None = None) -> lxml_html.HtmlElement:
    lang_attr = f' lang="{lang}"' if lang else ""
    return lxml_html.document_fromstring(f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>")


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{content}">'


# ---------------------------------------------------------------- title

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


# ---------------------------------------------------------------- publication time

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


# ---------------------------------------------------------------- authors

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
]


@pytest.mark.parametrize("rule,doc,expected", AUTHOR_ROWS, ids=[r[0] for r in AUTHOR_ROWS])
def test_authors(rule: str, doc: lxml_html.HtmlElement, expected: list[str]) -> None:
    assert extract_metadata(doc).authors == expected


# ---------------------------------------------------------------- site, language, canonical URL

OTHER_ROWS = [
    # (rule, page, url, field, expected)
    ("language from <html lang>", page(lang="de-at"), None, "language", "de-AT"),
    ("language from og:locale", page(meta("og:locale", "pt_BR")), None, "language", "pt-BR"),
    ("language from content-language", page(meta("content-language", "fr", "http-equiv")), None, "language", "fr"),
    ("no language", page(), None, "language", None),
    (
        "canonical from link rel",
        page('<link rel="canonical" href="https://ex.org/a/1">'),
        "https://ex.org/a/1?utm=x",
        "canonical_url",
        "https://ex.org/a/1",
    ),
    (
        "relative canonical joined to url",
        page('<link rel="canonical" href="/a/1">'),
        "https://ex.org/a/1?x=2",
        "canonical_url",
        "https://ex.org/a/1",
    ),
    ("canonical from og:url", page(meta("og:url", "https://ex.org/a/2")), None, "canonical_url", "https://ex.org/a/2"),
    ("canonical falls back to url", page(), "https://ex.org/a/3", "canonical_url", "https://ex.org/a/3"),
    ("site name from og:site_name", page(meta("og:site_name", "The Ledger")), None, "site_name", "The Ledger"),
    (
        "site name without its tagline",
        page(meta("og:site_name", "The Ledger | News you can use")),
        None,
        "site_name",
        "The Ledger",
    ),
    (
        "a headline in application-name is no site name",
        page(meta("application-name", "Council votes to close the old bridge for the summer", "name")),
        "https://www.ledger.example/x",
        "site_name",
        "ledger.example",
    ),
    (
        "site name from JSON-LD publisher",
        page(ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "The Ledger"}})),
        None,
        "site_name",
        "The Ledger",
    ),
    ("site name from host", page(), "https://www.ledger.example/x", "site_name", "ledger.example"),
]


@pytest.mark.parametrize("rule,doc,url,field,expected", OTHER_ROWS, ids=[r[0] for r in OTHER_ROWS])
def test_other_fields(rule: str, doc: lxml_html.HtmlElement, url: str | None, field: str, expected: str | None) -> None:
    assert getattr(extract_metadata(doc, url), field) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The council voted on Tuesday to close the old bridge for repairs until the end of the summer.", "en"),
        ("Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Ende des Sommers zu sperren.", "de"),
    ],
)
def test_language_detected_when_undeclared(text: str, expected: str) -> None:
    pytest.importorskip("py3langid", reason="py3langid is the optional detector for pages that declare no language")
    assert extract_metadata(page(body=f"<p>{text}</p>")).language == expected


def test_too_little_text_to_detect_a_language() -> None:
    assert extract_metadata(page(body="<p>OK</p>")).language is None


def test_doc_is_not_mutated() -> None:
    doc = page(
        ld({"@type": "NewsArticle", "headline": "H"}) + "<title>H | S</title>", "<h1>H</h1><p class='byline'>By A B</p>"
    )
    before = lxml_html.tostring(doc)
    extract_metadata(doc)
    assert lxml_html.tostring(doc) == before


def test_jsonld_objects_given_by_the_caller_are_read_instead_of_the_scripts() -> None:
    doc = page(ld({"@type": "NewsArticle", "headline": "In the script"}))
    assert extract_metadata(doc, jsonld=[{"@type": "NewsArticle", "headline": "Handed over"}]).title == "Handed over"
    assert extract_metadata(doc).title == "In the script"


def test_pagemeta_is_frozen() -> None:
    result = extract_metadata(page())
    assert isinstance(result, PageMeta)
    with pytest.raises(AttributeError):
        result.title = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- lexicons


def test_each_month_word_names_one_month() -> None:
    lex = load_lexicon("html/meta_dates")
    words = [w.casefold() for group, entries in lex.items() if group.startswith("month_") for w in entries]
    assert sorted(g for g in lex if g.startswith("month_")) == sorted(f"month_{i}" for i in range(1, 13))
    assert len(words) == len(set(words)), "a month word in two groups would make dates ambiguous"


@pytest.mark.parametrize("name", ["html/meta_byline", "html/meta_dates", "html/meta_sources", "html/meta_title"])
def test_lexicon_loads(name: str) -> None:
    assert load_lexicon(name)


# ---------------------------------------------------------------- robustness

_FRAGMENTS = [
    ld(
        {
            "@type": "NewsArticle",
            "headline": ["A", "B"],
            "author": [{"@id": "x"}, None, 3, "  "],
            "datePublished": {"@value": 1},
        }
    ),
    ld([{"@graph": "not a list"}, None]),
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
    '<link rel="canonical" href="http://[broken">',
    meta("og:url", "http://[::1"),
    meta("article:published_time", "2024-13-45T99:99"),
    meta("date", "Mon, 99 Foo 2024"),
    meta("author", "@@@ , , and and"),
    '<html lang="">',
    "<title></title>",
    "<h1></h1>",
    '<p class="byline">By</p>',
    '<span class="date">31.02.2024</span>',
    "<ul><li>Author</li></ul>",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=6), st.sampled_from([None, "http://[broken", "https://ex.org/a"]))
def test_never_raises_on_broken_markup(fragments: list[str], url: str | None) -> None:
    result = extract_metadata(page("".join(fragments), "".join(reversed(fragments))), url)
    assert isinstance(result.authors, list)
    assert result.published_at is None or result.published_at.tzinfo is not None


# ---------------------------------------------------------------- the body walk matches its XPath definitions

# The date and author rules once found their elements with these XPath queries; _scan_body finds them in one
# walk.  The queries stay here as the definition the walk must match on any markup.
def _class_test(words: list[str]) -> str:
    lower = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    return " or ".join(f"contains({lower.format(attr)}, '{w}')" for w in words for attr in ("@class", "@id"))


def _reference_marks(doc: lxml_html.HtmlElement) -> dict[str, list]:
    dates, byline = load_lexicon("html/meta_dates"), load_lexicon("html/meta_byline")
    skip = dates["not_article"] + dates["modified_container"]
    hrefs = " or ".join(f"contains(@href, '{h}')" for h in byline["author_href"])
    labels = [hm._date_label_pattern(), hm._author_label_pattern()]
    labelled = []
    for el in doc.xpath("//body//*[self::li or self::p or self::div or self::span or self::dd or self::td]"):
        head = (el.text or "").strip()
        if not head and len(el):
            head = (el[0].text or "").strip()
        if head and any(label.match(head) for label in labels):
            labelled.append((el, head))
    return {
        "authors": doc.xpath(
            "//body//*[contains(concat(' ', normalize-space(@rel), ' '), ' author ') or @itemprop='author']"
        ),
        "author_links": doc.xpath(f"//body//a[{hrefs}][not(ancestor::*[{_class_test(dates['not_article'])}])]"),
        "bylines": doc.xpath(
            "//body//*[contains(@class, 'byline') or contains(@class, 'author') or contains(@rel, 'author') "
            "or @itemprop='author'][not(ancestor::*[contains(@class, 'byline') or contains(@class, 'author')])]"
        ),
        "date_containers": doc.xpath(
            f"//body//*[{_class_test(dates['date_container'])}][not(ancestor-or-self::*[{_class_test(skip)}])]"
        ),
        "labelled": labelled,
    }


# Attribute values around the lexicon words: mixed case, non-ASCII case folds (KELVIN SIGN lower-cases to "k"
# in Python, not in XPath), substrings of longer words, rel tokens split by a no-break space.
_CLASSES = ["post-Date", "TIMESTAMP", "related-list", "Byline", "byline", "author-box", "entry-update", "sidebar",
            "Datum", "data-grid", "nav", "AKTUALISIERT", "a\u212atualisiert", "Pubdate", "teaser", "x"]
_RELS = ["author", "nofollow author", "authors", "author\u00a0me", "\tauthor\n", "Author"]
_HREFS = ["/author/jane", "/news/1", "/Autoren/x", "/autoren/x", "/people/a"]
_TEXTS = ["", "Datum 28.04.2023", "Autor: Jane Doe", "by Jane", "  Published  3 May 2024", "author", "plain"]


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["div", "span", "p", "a", "li", "td", "section", "b", "dd"]))
    attrs = ""
    for name, pool in (("class", _CLASSES), ("id", _CLASSES), ("rel", _RELS), ("href", _HREFS)):
        if draw(st.booleans()):
            attrs += f' {name}="{draw(st.sampled_from(pool))}"'
    if draw(st.integers(0, 4)) == 0:
        attrs += f' itemprop="{draw(st.sampled_from(["author", "Author", "name"]))}"'
    children = draw(st.lists(_markup(depth + 1), max_size=3)) if depth < 4 else []
    text, tail = draw(st.sampled_from(_TEXTS)), draw(st.sampled_from(_TEXTS))
    return f"<{tag}{attrs}>{text}{''.join(children)}</{tag}>{tail}"


@settings(max_examples=150, deadline=None)
@given(st.lists(_markup(), min_size=1, max_size=4), st.sampled_from(["", "x", "author-page", "nav"]))
def test_body_walk_finds_what_the_xpath_queries_found(blocks: list[str], body_class: str) -> None:
    doc = lxml_html.document_fromstring(f"<html><body class='{body_class}'>{''.join(blocks)}</body></html>")
    marks = hm._scan_body(doc)
    for field, expected in _reference_marks(doc).items():
        assert getattr(marks, field) == expected, field
