"""tasks/html/meta/index.py: the meta index and the JSON-LD objects about the article."""

from __future__ import annotations

from tasks.html.meta.index import article_objects, first_meta, is_article, meta_index
from tests.html.meta.pages import meta, page


def test_meta_index_keys_every_naming_attribute_lower_cased() -> None:
    doc = page(
        meta("OG:Title", "A") + meta("author", "B", "name") + meta("datePublished", "C", "itemprop")
        + meta("Content-Language", "de", "http-equiv") + '<meta name="pubdate" value="D">'
    )
    assert meta_index(doc) == {"og:title": ["A"], "author": ["B"], "datepublished": ["C"],
                               "content-language": ["de"], "pubdate": ["D"]}


def test_first_meta_skips_blank_values_and_tries_names_in_order() -> None:
    index = {"og:title": ["  ", "Second"], "title": ["Third"]}
    assert first_meta(index, "twitter:title", "og:title", "title") == "Second"
    assert first_meta(index, "description") is None


def test_article_objects_most_specific_first() -> None:
    page_obj = {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Nested"}}
    video = {"@type": "VideoObject", "name": "Clip"}
    article = {"@type": ["NewsArticle"], "headline": "Top"}
    ordered = article_objects([page_obj, video, article, {"@type": "Person", "name": "X"}])
    assert ordered == [article, page_obj["mainEntity"], video, page_obj]


def test_is_article_counts_secondary_types() -> None:
    assert is_article({"@type": "VideoObject"}) and is_article({"@type": "BlogPosting"})
    assert not is_article({"@type": "WebPage"})
