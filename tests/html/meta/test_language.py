"""One small hand-written page per rule of tasks/html/meta/language.py."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.html.meta import extract_metadata
from tasks.html.meta.language import normalize_language
from tests.html.meta.pages import meta, page

LANGUAGE_ROWS = [
    # (rule, page, expected language)
    ("language from <html lang>", page(lang="de-at"), "de-AT"),
    ("language from og:locale", page(meta("og:locale", "pt_BR")), "pt-BR"),
    ("language from content-language", page(meta("content-language", "fr", "http-equiv")), "fr"),
    ("no language", page(), None),
    ("a charset in content-language is no language", page(meta("content-language", "UTF-8", "http-equiv")), None),
    ("a charset is skipped for the next declaration", page(meta("content-language", "utf8", "http-equiv")
                                                           + meta("og:locale", "nl_NL")), "nl-NL"),
]


@pytest.mark.parametrize("rule,doc,expected", LANGUAGE_ROWS, ids=[r[0] for r in LANGUAGE_ROWS])
def test_declared_language(rule: str, doc: lxml_html.HtmlElement, expected: str | None) -> None:
    assert extract_metadata(doc).language == expected


@pytest.mark.parametrize(
    "tag,expected",
    [("EN", "en"), ("en_us", "en-US"), ("zh-Hant", "zh"), ("es-419", "es"), ("", None), (None, None),
     ("UTF-8", None), ("iso-8859-1", None), ("windows-1252", None),
     # HTTP's Content-Language is a list: its first tag counts, a charset in it does not
     ("da, en-gb", "da"), ("UTF-8, en", "en"), ("UTF-8, utf-16", None), (",", None)],
)
def test_normalize_language(tag: str | None, expected: str | None) -> None:
    assert normalize_language(tag) == expected


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
