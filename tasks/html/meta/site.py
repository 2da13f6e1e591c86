"""The site a page belongs to: its host, its name, the keys that recognise that name, its canonical URL."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from tasks.html.jsonld import types_of
from tasks.html.meta.index import ORG_TYPES, SOURCES, JsonObject, MetaIndex, first_meta
from tasks.html.meta.segments import first_segment
from tasks.html.meta.text import clean_text, text_key

# Outlet names are short; a longer one (on a WebSite object, in application-name) is a page title put
# in the wrong field.
MAX_OUTLET_WORDS = 6
# A segment of at least this many characters names the site when the site's key contains it ("Times" in
# "The Daily Times"); shorter ones match only exactly.
_MIN_PART_OF_SITE = 3
# A segment names the site when it contains a site key of at least this length plus at most _SITE_AFFIX
# more characters ("CNN Politics", "MDR THÜRINGEN"); longer segments are headlines that mention the site.
_MIN_SITE_IN_PART = 4
_SITE_AFFIX = 12
# Second-level labels under which country domains register names ("bbc.co.uk", "abc.net.au").
_SECOND_LEVEL = frozenset(SOURCES["second_level_label"])
# What a copyright notice writes around the holder's name: the word, the sign, years and year ranges.
_COPYRIGHT_MARKS = re.compile(r"\bcopyright\b|©|\(c\)|\b\d{4}\b|\s[-–]\s", re.IGNORECASE)
# The holder's name ends at the notice's first comma or sentence end ("Example Media, Berlin. All rights reserved").
_HOLDER_END = re.compile(r",|\.\s")
_LEGAL_FORMS = frozenset(form.casefold() for form in SOURCES["legal_form"])
# Legal forms written without spaces around them (CJK): matched at either end of a part, not as a word.
_UNSPACED_FORMS = tuple(form for form in _LEGAL_FORMS if not form.isascii())


def host_of(url: str | None) -> str | None:
    """The host of an address without "www.".

    Args:
        url: an absolute address, or None.

    Returns:
        The host, or None when there is no address or it is malformed.
    """
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed address, e.g. an unclosed IPv6 bracket
        return None
    return host.removeprefix("www.") if host else None


def _join_url(base: str | None, href: str) -> str | None:
    try:
        return urljoin(base or "", href)
    except ValueError:
        return None


def canonical_url(doc: lxml_html.HtmlElement, meta: MetaIndex, url: str | None) -> str | None:
    """The page's canonical address: <link rel="canonical">, else og:url, else the address it came from.

    Args:
        doc: the parsed page.
        meta: its meta index.
        url: where the page was fetched, against which relative links resolve.

    Returns:
        The address, or None when the page names none and came from nowhere known.
    """
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return _join_url(url, link.get("href").strip()) or url
    og_url = first_meta(meta, "og:url")
    if og_url:
        return _join_url(url, og_url) or url
    return url


def _site_name(meta: MetaIndex, objects: list[JsonObject], host: str | None) -> str | None:
    for key in SOURCES["site_name_meta"]:
        for value in meta.get(key, ()):
            value = clean_text(value)
            if value and len(first_segment(value).split()) <= MAX_OUTLET_WORDS:
                return value
    for obj in objects:
        publisher = obj.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict) and clean_text(item.get("name")):
                return clean_text(item.get("name"))
    for obj in objects:
        if types_of(obj) & ORG_TYPES and clean_text(obj.get("name")):
            return clean_text(obj.get("name"))
    return host


def _publisher_names(objects: list[JsonObject]) -> list[str]:
    """Names of the publishing organization and web site as the JSON-LD gives them."""
    names = []
    for obj in objects:
        publisher = obj.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict):
                names.append(clean_text(item.get("name")))
        if types_of(obj) & ORG_TYPES:
            names.append(clean_text(obj.get("name")))
    return names


def _copyright_holders(meta: MetaIndex) -> list[str]:
    """The names copyright notices in meta tags credit (lexicon meta_sources [copyright_meta])."""
    holders = []
    for name in SOURCES["copyright_meta"]:
        for value in meta.get(name, ()):
            holder = _HOLDER_END.split(_COPYRIGHT_MARKS.sub(" ", clean_text(value)), maxsplit=1)[0]
            holders.append(clean_text(holder).strip(" .:"))
    return holders


def _registered_label(host: str) -> str:
    """The name a site registered: "edition.cnn.com" -> "cnn", "www.bbc.co.uk" -> "bbc"."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _site_keys(site_name: str | None, host: str | None, publishers: list[str]) -> set[str]:
    """Comparison keys that name the site: its name, its publisher's names, its host and registered label."""
    keys = {text_key(p) for p in publishers}
    if site_name:
        keys.add(text_key(site_name))
    if host:
        keys.add(text_key(host))
        keys.add(text_key(_registered_label(host)))
    return {k for k in keys if k}


def site_identity(meta: MetaIndex, objects: list[JsonObject], host: str | None) -> tuple[str | None, set[str]]:
    """The site's name and the keys that recognise it in titles and bylines.

    Args:
        meta: the page's meta index (og:site_name, application-name, publisher tags).
        objects: all JSON-LD objects of the page (publisher, organization and web site names).
        host: the page's host, the name of last resort.

    Returns:
        (site name, comparison keys of its name, publishers, host and registered label).
    """
    full_site_name = _site_name(meta, objects, host)
    # "The Daily Example | Your local news" names the site in its first part; the rest is a tagline.
    site_name = first_segment(full_site_name)
    publishers = _publisher_names(objects) + [clean_text(v) for n in SOURCES["publisher_meta"] for v in meta.get(n, ())]
    publishers += _copyright_holders(meta)
    publishers += [full_site_name] if full_site_name else []
    publishers = [n for n in publishers if n and len(n.split()) <= MAX_OUTLET_WORDS]
    return site_name, _site_keys(site_name, host, publishers)


def names_company(text: str) -> bool:
    """Whether a text names a company by its legal form ("Example Media Inc.", "例株式会社").

    Args:
        text: a title part or an author name.

    Returns:
        True when its last word is a legal form (lexicon meta_sources [legal_form]), or, for forms in scripts
        without spaces, when it starts or ends with one.
    """
    words = text.casefold().split()
    if not words:
        return False
    if words[-1].rstrip(".,") in _LEGAL_FORMS:
        return True
    stripped = text.strip()
    return stripped.startswith(_UNSPACED_FORMS) or stripped.endswith(_UNSPACED_FORMS)


def is_site_segment(segment: str, site_keys: set[str]) -> bool:
    """Whether a title part names the site (its name, publisher or host label, or a company by its legal
    form), or holds no letters (a date).

    Args:
        segment: one part of a title or byline.
        site_keys: the site's comparison keys (site_identity).

    Returns:
        True when the part names the site or has no letters.
    """
    key = text_key(segment)
    if not key or not any(ch.isalpha() for ch in key) or names_company(segment):
        return True
    for site in site_keys:
        if key == site or (len(key) >= _MIN_PART_OF_SITE and key in site):
            return True
        if len(site) >= _MIN_SITE_IN_PART and site in key and len(key) <= len(site) + _SITE_AFFIX:
            return True
    return False
