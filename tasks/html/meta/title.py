"""The article's title and its headline candidates (JSON-LD, og:title, twitter:title, <h1>, <title>), cleaned."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from tasks.html.meta.index import JsonObject, MetaIndex, first_meta, is_article
from tasks.html.meta.segments import segments
from tasks.html.meta.site import is_site_segment
from tasks.html.meta.text import clean_text, element_text, text_key

TITLE_ROLES = ("jsonld", "og", "twitter", "h1", "html_title")
# A kicker ends with a colon (or a full-width one) followed by space; "10:30" is not one.
_KICKER = re.compile(r"[:：]\s+")


def _strip_title(text: str, site_keys: set[str], others: list[str]) -> str:
    """Remove site-name and section segments from the ends of a title.

    An end segment goes when it names the site, has no letters (a date), or when another
    candidate is exactly the rest (a section or a site name we could not recognize). Separators inside
    the kept part stay as the publisher wrote them.
    """
    spans = segments(text)
    if len(spans) <= 1:
        return text
    parts = [text[a:b] for a, b in spans]
    first, last = 0, len(parts) - 1
    while first < last:
        if is_site_segment(parts[last], site_keys):
            last -= 1
        elif is_site_segment(parts[first], site_keys):
            first += 1
        else:
            break
    other_keys = {text_key(o) for o in others if o}
    while first < last:
        if text_key(" ".join(parts[first:last])) in other_keys:
            last -= 1
        elif text_key(" ".join(parts[first + 1 : last + 1])) in other_keys:
            first += 1
        else:
            break
    return text[spans[first][0] : spans[last][1]].strip()


def _drop_kicker(text: str, others: list[str]) -> str:
    """ "Kicker: Headline" becomes "Headline" when another candidate is exactly that headline."""
    other_keys = {text_key(o) for o in others if o}
    for match in _KICKER.finditer(text):
        rest = text[match.end() :].strip()
        if text_key(rest) in other_keys:
            return rest
    return text


def _raw_candidates(doc: lxml_html.HtmlElement, meta: MetaIndex, articles: list[JsonObject]) -> dict[str, str]:
    raw: dict[str, str] = {}
    for obj in articles:
        headline = clean_text(obj.get("headline")) or (clean_text(obj.get("name")) if is_article(obj) else "")
        if headline:
            raw["jsonld"] = headline
            break
    og = first_meta(meta, "og:title")
    if og:
        raw["og"] = og
    tw = first_meta(meta, "twitter:title")
    if tw:
        raw["twitter"] = tw
    for h1 in doc.iter("h1"):
        text = element_text(h1)
        if text:
            raw["h1"] = text
            break
    title_el = doc.find(".//title")
    if title_el is not None and element_text(title_el):
        raw["html_title"] = element_text(title_el)
    return raw


def _choose_title(cleaned: dict[str, str]) -> str | None:
    """The first candidate in TITLE_ROLES order that is not cut short, with one exception.

    Publishers set the JSON-LD headline and og:title on purpose; the <h1> and <title> carry more
    page furniture, and majority votes did worse on real pages than a fixed order, because
    og:title and twitter:title are usually copies of one another. The exception: when the JSON-LD
    headline merely repeats both the <h1> and the <title> while og:title says something else, the
    CMS filled the former automatically and an editor wrote the latter, so og:title wins.  A candidate that
    is a section label (_is_section_label) is passed over.
    """
    keys = {role: text_key(text) for role, text in cleaned.items()}
    order = list(TITLE_ROLES)
    if (
        {"jsonld", "og", "h1", "html_title"} <= keys.keys()
        and keys["jsonld"] != keys["og"]
        and keys["jsonld"] == keys["h1"] == keys["html_title"]
    ):
        order.remove("og")
        order.insert(0, "og")
    present = [cleaned[role] for role in order if cleaned.get(role)]
    headlines = [text for text in present if not _is_section_label(text, present)]
    whole = [text for text in headlines if not text.endswith(("...", "…"))]
    return (whole or headlines or present or [None])[0]


def _is_section_label(text: str, candidates: list[str]) -> bool:
    """A single word that another candidate uses among several ("Arbeit" beside "Wir kämpfen für gute Arbeit").

    Some sites fill og:title and <title> with the page's section; the headline on the page then contains it.
    """
    if len(text.split()) != 1:
        return False
    key = text_key(text)
    return any(len(other.split()) > 1 and key in {text_key(word) for word in other.split()} for other in candidates)


def page_title(
    doc: lxml_html.HtmlElement, meta: MetaIndex, articles: list[JsonObject], site_keys: set[str]
) -> tuple[str | None, dict[str, str]]:
    """The article's title and every headline candidate, with site names, sections and kickers removed.

    Args:
        doc: the parsed page.
        meta: its meta index.
        articles: the JSON-LD objects about the article (index.article_objects).
        site_keys: the site's comparison keys (site.site_identity).

    Returns:
        (the title or None, {role: cleaned candidate} for the roles in TITLE_ROLES the page has).
    """
    raw_titles = _raw_candidates(doc, meta, articles)
    stripped = {
        role: _strip_title(text, site_keys, [t for r, t in raw_titles.items() if r != role])
        for role, text in raw_titles.items()
        # An <h1> or title that is only the site's name is the logo or a home page, not a headline.
        if not any(text_key(text) and text_key(text) in site for site in site_keys)
    }
    # Only metadata titles show that a kicker is not part of the headline: an <h1> often leaves out a
    # kicker that the page prints in a sibling element.
    evidence = {r: t for r, t in stripped.items() if r in ("jsonld", "og", "twitter")}
    cleaned = {
        role: _drop_kicker(text, [t for r, t in evidence.items() if r != role]) for role, text in stripped.items()
    }
    return _choose_title(cleaned), cleaned
