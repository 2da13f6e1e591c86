"""One small hand-written page per rule of tasks/html/meta/site.py (site name, canonical URL, site segments)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.html.meta import extract_metadata
from tasks.html.meta.site import host_of, is_site_segment
from tests.html.meta.pages import ld, meta, page

SITE_ROWS = [
    # (rule, page, url, field, expected)
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


@pytest.mark.parametrize("rule,doc,url,field,expected", SITE_ROWS, ids=[r[0] for r in SITE_ROWS])
def test_site_fields(rule: str, doc: lxml_html.HtmlElement, url: str | None, field: str, expected: str | None) -> None:
    assert getattr(extract_metadata(doc, url), field) == expected


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.ledger.example/a", "ledger.example"),
        ("https://news.ledger.example/a", "news.ledger.example"),
        ("http://[broken", None),  # an unclosed IPv6 bracket
        (None, None),
    ],
)
def test_host_of(url: str | None, expected: str | None) -> None:
    assert host_of(url) == expected


SEGMENT_ROWS = [
    # (rule, segment, site keys, names the site)
    ("the site's name exactly", "The Ledger", {"theledger"}, True),
    ("a part of the site's name", "Ledger", {"theledger"}, True),
    ("the site's name with a short section", "Ledger Sport", {"ledger"}, True),
    ("no letters: a date", "05.03.2024", {"ledger"}, True),
    ("a headline that mentions the site", "Ledger reporters win an award for the bridge series", {"ledger"}, False),
    ("another name", "Bridge closes", {"ledger"}, False),
    ("a company named by its legal form", "Harbour Media Holdings Inc.", {"ledger"}, True),
    ("a legal form written without spaces", "湾岸出版株式会社", {"ledger"}, True),
    ("a legal form inside a headline is no company", "Ltd company rules change", {"ledger"}, False),
]


@pytest.mark.parametrize("rule,segment,keys,expected", SEGMENT_ROWS, ids=[r[0] for r in SEGMENT_ROWS])
def test_is_site_segment(rule: str, segment: str, keys: set[str], expected: bool) -> None:
    assert is_site_segment(segment, keys) is expected


def test_registered_label_of_a_country_domain_names_the_site() -> None:
    doc = page("<title>Bridge closes | LEDGER</title>")
    assert extract_metadata(doc, "https://www.ledger.co.uk/a").title == "Bridge closes"
