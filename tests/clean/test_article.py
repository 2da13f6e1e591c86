"""Cleaning one raw article: body, headlines, identity, times; an article with nothing in it is rejected."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tasks.clean import clean_article
from tasks.records import CleanArticle, RawArticle, Rejected
from tests.clean.inputs import ARTICLE


def test_clean_text_article() -> None:
    result = clean_article(RawArticle("a.txt", "txt", "sha", text=ARTICLE))
    assert isinstance(result, CleanArticle)
    assert result.title == "Ferry fares to rise in spring"
    assert result.headlines == (("title", "Ferry fares to rise in spring"), ("variant", "UPDATE 1-Ferry fares set to rise"))


def test_clean_feed_item_with_only_a_title() -> None:
    result = clean_article(RawArticle("f.jsonl#line-1", "jsonl", "sha", title="Bridge  reopens", headlines=("Bridge reopens", "Bridge open again")))
    assert isinstance(result, CleanArticle) and result.body == ""
    assert result.headlines == (("title", "Bridge reopens"), ("variant", "Bridge open again"))  # same text once


def test_clean_keeps_publication_offset_and_stores_utc() -> None:
    published = datetime(2026, 11, 26, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    result = clean_article(RawArticle("f.jsonl#line-1", "jsonl", "sha", title="T", published_at=published))
    assert result.published_at == datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
    assert result.published_utc_offset_minutes == 60


def test_clean_rejects_an_article_with_no_text_and_no_title() -> None:
    result = clean_article(RawArticle("f.jsonl#line-1", "jsonl", "sha", text="Advertisement"))
    assert isinstance(result, Rejected) and result.error_kind == "empty_article"


