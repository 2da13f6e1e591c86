"""tasks/html/meta/extract.py: the record as a whole, the tree left as it was, no exception on broken markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from tasks.html.meta import PageMeta, extract_metadata
from tasks.lexicon import load_lexicon
from tests.html.meta.pages import ld, meta, page


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


@pytest.mark.parametrize("name", ["html/meta_byline", "html/meta_dates", "html/meta_sources", "html/meta_title"])
def test_lexicon_loads(name: str) -> None:
    assert load_lexicon(name)


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
