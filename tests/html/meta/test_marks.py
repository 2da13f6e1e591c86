"""tasks/html/meta/marks.py: the one body walk finds exactly what its XPath definitions find, on any markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from tasks.html.meta.marks import author_label_pattern, byline_prefix_pattern, date_label_pattern, scan_body
from tasks.lexicon import load_lexicon


# The date and author rules once found their elements with these XPath queries; scan_body finds them in one
# walk.  The queries stay here as the definition the walk must match on any markup.
def _class_test(words: list[str]) -> str:
    lower = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    return " or ".join(f"contains({lower.format(attr)}, '{w}')" for w in words for attr in ("@class", "@id"))


def _reference_marks(doc: lxml_html.HtmlElement) -> dict[str, list]:
    dates, byline = load_lexicon("html/meta_dates"), load_lexicon("html/meta_byline")
    skip = dates["not_article"] + dates["modified_container"]
    hrefs = " or ".join(f"contains(@href, '{h}')" for h in byline["author_href"])
    labels = [date_label_pattern(), author_label_pattern(), byline_prefix_pattern()]
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
    marks = scan_body(doc)
    for field, expected in _reference_marks(doc).items():
        assert getattr(marks, field) == expected, field
