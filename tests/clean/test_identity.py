"""Article identity: canonical URLs and deterministic ids."""

from __future__ import annotations

import pytest

from tasks.clean.identity import article_id_for, canonical_url


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
