"""Clean: text normalization, furniture removal, headline lines of plain-text files, article identity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tasks.clean import clean_article
from tasks.clean.boilerplate import find_stray_blocks, looks_like_headline, split_text_article, strip_boilerplate
from tasks.clean.identity import article_id_for, canonical_url
from tasks.clean.text import normalize_headline, normalize_text, split_paragraphs
from tasks.records import CleanArticle, RawArticle, Rejected

ARTICLE = """Ferry fares to rise in spring

UPDATE 1-Ferry fares set to rise

The harbor authority will raise ferry fares by 5 percent in April, it said on Monday.

"Fuel costs have doubled," a spokeswoman said.

Related Stories----
Bridge to close for repairs
"""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b", "a b"),  # no-break space
        ("a\u200bb\u00ad", "ab"),  # zero-width space, soft hyphen
        ("a  \t b", "a b"),
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("  padded  \n", "padded"),
        ("Cafe\u0301", "Café"),  # NFC composes accents
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_headline_is_one_line() -> None:
    assert normalize_headline("  Two\nlines ") == "Two lines"


def test_split_paragraphs_keeps_single_newlines_inside_a_block() -> None:
    assert split_paragraphs("a\nb\n\n \n\nc") == ["a\nb", "c"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Body.", "Latest News----", "Other story"], ["Body."]),  # footer marker ends the article
        (["Body.", "RELATED STORIES:", "x"], ["Body."]),  # case and trailing punctuation ignored
        (["One.", "Advertisement", "Two."], ["One.", "Two."]),  # furniture line dropped, text after kept
        (["The latest news from the council was good."], ["The latest news from the council was good."]),  # only whole paragraphs match
    ],
)
def test_strip_boilerplate(paragraphs: list[str], expected: list[str]) -> None:
    assert strip_boilerplate(paragraphs) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ferry fares to rise in spring", True),
        ("Will the bridge reopen?", True),  # questions are headlines too
        ("The authority raised fares on Monday.", False),  # ends like a sentence
        ("Fares rise, officials say:", False),
        ("word " * 31, False),  # too long for a headline
        ("Two\nlines", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line.strip()) is expected


def test_split_text_article_takes_headline_variants_and_drops_footer() -> None:
    headlines, body = split_text_article(ARTICLE)
    assert headlines == ["Ferry fares to rise in spring", "UPDATE 1-Ferry fares set to rise"]
    assert body.startswith("The harbor authority") and body.endswith('a spokeswoman said.')
    assert "Related" not in body and "Bridge to close" not in body


def test_split_text_article_always_keeps_a_body_paragraph() -> None:
    assert split_text_article("Just one line") == ([], "Just one line")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.com/a/b/?utm_source=x&id=3#top", "https://example.com/a/b?id=3"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/a?fbclid=1", "https://example.com/a"),
        ("not a url", "not a url"),
        ("", None),
    ],
)
def test_canonical_url(url: str, expected: str | None) -> None:
    assert canonical_url(url) == expected


def test_article_id_prefers_url_and_is_deterministic() -> None:
    assert article_id_for("https://x.example/a?utm_medium=feed", None, "T", "B") == article_id_for("https://x.example/a", "S", "T2", "B2")
    assert article_id_for(None, "S", "T", "B") == article_id_for(None, "S", "T", "B") != article_id_for(None, "S", "T", "B!")


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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A title-like line glued to a paragraph: a block of another story.
        ("Our story.\n\nMarket hall plans face new delay\nThe council said on Monday it needed more time.\n\nOur story again.",
         ["Market hall plans face new delay"]),
        ("One paragraph.\nSecond line of the same paragraph.", []),  # lines of running text
        ("Subheading alone\n\nA paragraph after a blank line.", []),  # a subheading on its own is not glued
        ("Too short\nText under it.", []),  # two words: a label, not a headline
    ],
)
def test_find_stray_blocks(body: str, expected: list[str]) -> None:
    blocks = find_stray_blocks(body)
    assert [heading for _, _, heading in blocks] == expected
    for start, end, heading in blocks:
        assert body[start:end].startswith(heading) and "\n\n" not in body[start:end]
