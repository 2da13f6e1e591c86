"""The extract_page facade: decode, parse once, metadata then body, and clear errors for unusable input."""

from __future__ import annotations

import gc
import json

import pytest
from lxml.html import HtmlElement

from tasks.html.meta import PageMeta
from tasks.html.page import (
    ExtractionError,
    Page,
    extract_page,
    parse_html,
)

PARAS = [
    "The harbour master confirmed on Friday that the northern pier, damaged in the January storm, will stay "
    "closed to fishing boats until the end of the season, while divers inspect its foundations.",
    "Skippers who moor there, about forty of them, have been offered berths in the marina at the winter rate, "
    "the port authority said in a statement published on its website.",
    "Repairs are expected to begin in the autumn, once the tender for the work has been awarded, and should "
    "take about six months, weather permitting.",
]
ARTICLE = "".join(f"<p>{p}</p>" for p in PARAS)
PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Pier stays closed | Harbour News</title>"
    "</head><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
    f"<article><h1>Pier stays closed</h1>{ARTICLE}</article></body></html>"
)


def test_page_has_body_and_metadata() -> None:
    page = extract_page(PAGE.encode("utf-8"), url="https://harbour.example/news/pier")
    assert isinstance(page, Page) and isinstance(page.meta, PageMeta)
    assert page.body == "\n\n".join(PARAS)
    assert page.meta.title  # metadata is read from the same tree as the body


def test_str_input_skips_decoding() -> None:
    assert extract_page(PAGE).body == "\n\n".join(PARAS)


def test_declared_charset_is_used() -> None:
    text = PAGE.replace("<meta charset='utf-8'>", "").replace("season", "saison d'été")
    page = extract_page(text.encode("cp1252"), declared_charset="windows-1252")
    assert "saison d'été" in page.body


def test_title_without_body_is_a_page() -> None:
    raw = b"<html><head><title>Photo gallery: the regatta</title></head><body><img src='a.jpg'></body></html>"
    page = extract_page(raw)
    assert page.body == ""
    assert page.meta.title


@pytest.mark.parametrize(
    ("rule", "raw", "kind"),
    [
        ("empty bytes", b"", "empty_page"),
        ("whitespace only", b"  \n\t ", "empty_page"),
        ("plain text", b"Just a line of plain text, with no markup at all.", "not_html"),
        ("JSON", b'{"title": "not a page", "items": [1, 2, 3]}', "not_html"),
        ("PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + bytes(range(256)) * 4, "not_html"),
        ("PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not_html"),
        ("markup amid replacement characters", "<html><body><p>" + "\ufffd" * 200 + "</p></body></html>", "not_html"),
        ("markup without text or title", b"<html><body><div><img src='x.png'></div></body></html>", "empty_page"),
        ("navigation only, no title",
         b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>", "no_article_text"),
    ],
)
def test_unusable_input_raises(rule: str, raw: bytes | str, kind: str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_page(raw, url="https://example.org/x")
    assert info.value.kind == kind
    assert isinstance(info.value, ValueError)
    assert "https://example.org/x" in str(info.value)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("XML declaration in str input", "<?xml version='1.0' encoding='utf-8'?><html><body><p>hi</p></body></html>"),
        ("NUL and control characters", "<html><body><p>h\x00i\x0b</p></body></html>"),
        ("fragment without <html>", "<p>hi</p>"),
    ],
)
def test_parse_html_tolerates_real_page_quirks(rule: str, text: str) -> None:
    doc = parse_html(text)
    assert doc.tag == "html"
    assert "h" in doc.text_content()


@pytest.mark.parametrize("depth", [300, 1500])
def test_deeply_nested_broken_markup_keeps_its_text(depth: int) -> None:
    # libxml2 drops text nested deeper than 255 unless told otherwise; the body walk must not hit the
    # recursion limit either.
    text = "Text buried under hundreds of unclosed tags, with commas, still belongs to the article."
    html = "<html><head><title>t</title></head><body>" + "<div>" * depth + f"<p>{text}</p></body></html>"
    assert extract_page(html).body == text


def test_markup_deeper_than_libxml2_builds_keeps_its_text() -> None:
    # libxml2 stops at 2048 levels even with huge_tree and drops everything below: 100,000 nested <div>s
    # around a paragraph used to leave no text at all, and the page was quarantined as empty_page.
    text = "Ferries will run every fifteen minutes while the bridge is closed, the port authority said."
    html = "<html><body>" + "<div>" * 100_000 + text + "</div>" * 100_000 + "</body></html>"
    assert extract_page(html.encode()).body == text


def test_a_page_within_the_depth_limit_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import tasks.html.page

    monkeypatch.setattr(tasks.html.page, "flatten_nesting", lambda text: pytest.fail("flattened a normal page"))
    assert extract_page(PAGE).body == "\n\n".join(PARAS)


def test_parse_html_drops_comments_but_keeps_their_surroundings() -> None:
    doc = parse_html("<p>before<!-- hidden -->after</p>")
    assert doc.text_content() == "beforeafter"


def test_parse_html_gives_html_elements_everywhere() -> None:
    # The parser assigns one element class in C (no per-element Python callback): form controls included,
    # every element still offers lxml.html's methods.
    doc = parse_html("<form><input name='q' value='x'><select><option>o</option></select></form><p>text</p>")
    assert all(isinstance(el, HtmlElement) for el in doc.iter())
    assert doc.find(".//form").text_content() == "o"


def test_jsonld_is_parsed_once_for_both_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    import tasks.html.body.extract
    import tasks.html.meta.extract
    import tasks.html.page
    from tasks.html.jsonld import jsonld_objects

    calls = []
    monkeypatch.setattr(tasks.html.page, "jsonld_objects", lambda doc: calls.append(doc) or jsonld_objects(doc))
    for module in (tasks.html.meta.extract, tasks.html.body.jsonld_body):
        monkeypatch.setattr(module, "jsonld_objects", lambda doc: pytest.fail("JSON-LD parsed a second time"))
    body = "A paragraph of the article that the publisher also ships in its structured data, word for word. " * 4
    ld = json.dumps({"@type": "NewsArticle", "headline": "Once", "articleBody": body})
    page = extract_page(f"<html><head><script type='application/ld+json'>{ld}</script></head><body></body></html>")
    assert len(calls) == 1
    assert page.meta.title == "Once"
    assert page.body == body.strip()


def test_extraction_leaves_no_reference_cycles() -> None:
    # A cycle (such as a recursive closure) keeps the page's tree alive until the garbage collector runs, and
    # the collector's passes then cost a fifth of extraction time.  Objects freed by reference counting do not.
    html = (
        "<html><head><title>T</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script>"
        "</head><body><nav><a href='/'>Home</a></nav><article><p class='byline'>By Jane Doe</p>"
        + "<p>A paragraph of article text, long enough to vote for its container.</p>" * 5
        + "</article></body></html>"
    )
    extract_page(html)  # first call: lexicons and compiled patterns are loaded once and kept
    gc.collect()
    # Only the extraction's own objects count: other threads of the test process (a Prefect harness's event
    # loop) may make cyclic garbage meanwhile. DEBUG_SAVEALL keeps what the collector finds in gc.garbage.
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        extract_page(html)
        gc.collect()
        ours = [o for o in gc.garbage if _made_by_extraction(o)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert ours == []


def _made_by_extraction(obj: object) -> bool:
    """An object of newslake's code or of lxml (a function or closure of tasks.*, an element, an instance)."""
    module = getattr(obj, "__module__", None) or type(obj).__module__ or ""
    return module.startswith(("tasks", "lxml"))


def test_a_bad_date_offset_costs_the_date_not_the_page() -> None:
    # issue 13: datePublished "…-500" was read as a 50-hour offset, the conversion raised, and the whole page
    # was quarantined as unexpected_error.
    ld = json.dumps({"@type": "NewsArticle", "headline": "Bridge reopens", "datePublished": "2018-10-29T10:15-500"})
    text = "The old stone bridge reopened to walkers on Monday after months of repairs to its arches. " * 3
    page = extract_page(
        f"<html><head><script type='application/ld+json'>{ld}</script></head>"
        f"<body><article><h1>Bridge reopens</h1><p>{text}</p></article></body></html>"
    )
    assert page.meta.title == "Bridge reopens"
    assert page.body == text.strip()
    assert page.meta.published_at is None and page.meta.published_utc_offset_minutes is None
