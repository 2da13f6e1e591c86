"""Article metadata (headline, publication time, authors, site, language, canonical URL) from a parsed page."""

from __future__ import annotations

import html
import re
import string
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache, partial
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from tasks.html.jsonld import jsonld_objects, types_of
from tasks.lexicon import load_lexicon
from tasks.text import strip_zero_width

_SOURCES = load_lexicon("html/meta_sources")
_ARTICLE_TYPES = frozenset(_SOURCES["article_type"])
_SECONDARY_TYPES = frozenset(_SOURCES["secondary_type"])
_PAGE_TYPES = frozenset(_SOURCES["page_type"])
_ORG_TYPES = frozenset(_SOURCES["organization_type"])
_DATE_META = _SOURCES["date_meta"]
_AUTHOR_META = _SOURCES["author_meta"]
_TITLE_ROLES = ("jsonld", "og", "twitter", "h1", "html_title")


@dataclass(frozen=True)
class PageMeta:
    """Metadata of one article page; every field is None (or empty) when the page does not say."""

    title: str | None
    headline_candidates: dict[str, str]
    published_at: datetime | None
    published_utc_offset_minutes: int | None
    authors: list[str]
    site_name: str | None
    language: str | None
    canonical_url: str | None


# ---------------------------------------------------------------- text helpers

_WS = re.compile(r"\s+")


def _clean(text: Any) -> str:
    """Whitespace-collapsed text without zero-width characters, soft hyphens or leftover entities.

    A JSON-LD list of strings gives its first string; any other non-string gives "".
    """
    if isinstance(text, list):
        text = next((t for t in text if isinstance(t, str) and t.strip()), "")
    if not isinstance(text, str):
        return ""
    if "&" in text:
        # JSON-LD and some meta contents arrive HTML-escaped once more than the parser undoes.
        text = html.unescape(text)
    return _WS.sub(" ", strip_zero_width(unicodedata.normalize("NFC", text))).strip()


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Comparison form: case-folded word characters only ("Le Monde.fr" -> "lemondefr").

    Cached: title cleaning compares the same few candidates and site names dozens of times per page.
    """
    return "".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def _text_of(el: lxml_html.HtmlElement) -> str:
    return _clean(" ".join(el.itertext()))


# ---------------------------------------------------------------- page indexes


def _meta_index(doc: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """{lower-cased name/property/itemprop/http-equiv: [content, ...]} over all <meta> tags, in order."""
    index: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if content is None:
            content = meta.get("value") or meta.get("datetime")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            name = meta.get(attr)
            if name:
                index.setdefault(name.strip().lower(), []).append(content)
    return index


def _first_meta(meta: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        for value in meta.get(name, ()):
            value = _clean(value)
            if value:
                return value
    return None


def _article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """JSON-LD objects that may describe the article itself, most specific first.

    Article types come first, then articles nested under a page's mainEntity, then secondary
    types (video, review), then the web page objects.
    """
    articles = [o for o in objects if types_of(o) & _ARTICLE_TYPES]
    pages = [o for o in objects if types_of(o) & _PAGE_TYPES and o not in articles]
    nested = []
    for obj in pages:
        main = obj.get("mainEntity")
        for item in main if isinstance(main, list) else [main]:
            if isinstance(item, dict) and types_of(item) & _ARTICLE_TYPES and item not in articles:
                nested.append(item)
    secondary = [o for o in objects if types_of(o) & _SECONDARY_TYPES and not types_of(o) & _ARTICLE_TYPES]
    return articles + nested + secondary + pages


def _is_article(obj: dict[str, Any]) -> bool:
    return bool(types_of(obj) & (_ARTICLE_TYPES | _SECONDARY_TYPES))


# ---------------------------------------------------------------- marked body elements

# Class and id fragments are matched on ASCII-lower-cased values, as XPath's translate() did before this walk
# replaced it (str.lower() would also fold non-ASCII letters such as the Kelvin sign into "k").
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# normalize-space() splits on XML whitespace only; str.split() would also split on no-break spaces.
_XML_SPACE = re.compile(r"[ \t\n\r]+")
# Flags of a class or id value: the lexicon groups of fragments it contains.
_DATE_CONTAINER, _DATE_SKIP, _NOT_ARTICLE = 1, 2, 4
# Blocks whose leading text may be a label ("Datum 28.04.2023", "Autor: Jane Doe").
_LABELLED_TAGS = frozenset({"li", "p", "div", "span", "dd", "td"})


@cache
def _fragment_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    lex = load_lexicon("html/meta_dates")
    groups = (
        (_DATE_CONTAINER, lex["date_container"]),
        (_DATE_SKIP, lex["not_article"] + lex["modified_container"]),
        (_NOT_ARTICLE, lex["not_article"]),
    )
    return tuple((flag, re.compile("|".join(re.escape(w) for w in words))) for flag, words in groups)


@lru_cache(maxsize=65_536)
def _value_flags(value: str) -> int:
    """Flags of one class or id value (cached: a page repeats its class names many times)."""
    lowered = value.translate(_ASCII_LOWER)
    flags = 0
    for flag, pattern in _fragment_patterns():
        if pattern.search(lowered):
            flags |= flag
    return flags


def _flags(el: lxml_html.HtmlElement) -> int:
    """Flags of an element: those of its class and of its id."""
    cls, ident = el.get("class"), el.get("id")
    return (_value_flags(cls) if cls else 0) | (_value_flags(ident) if ident else 0)


def _has_ancestor(el: lxml_html.HtmlElement, flag: int) -> bool:
    return any(_flags(a) & flag for a in el.iterancestors())


def _byline_class(el: lxml_html.HtmlElement) -> bool:
    # Case-sensitive on purpose: "Author" in a class is as likely a theme name as a role.
    cls = el.get("class")
    return bool(cls) and ("byline" in cls or "author" in cls)


@dataclass(frozen=True)
class _BodyMarks:
    """Elements of the page body that the date and author rules read, each list in document order.

    Attributes:
        authors: elements with rel="author" (one of its tokens) or itemprop="author".
        author_links: links to an author page (lexicon author_href) outside lists of other articles.
        bylines: outermost elements whose class says byline or author, or marked rel/itemprop author.
        date_containers: elements whose class or id names a date, neither inside a list of other articles
            nor a modification note.
        labelled: (block, its leading text) for blocks whose leading text opens with a date or author label.
    """

    authors: list[lxml_html.HtmlElement]
    author_links: list[lxml_html.HtmlElement]
    bylines: list[lxml_html.HtmlElement]
    date_containers: list[lxml_html.HtmlElement]
    labelled: list[tuple[lxml_html.HtmlElement, str]]


def _top_bodies(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The page's <body> elements that no other <body> contains (one on any page libxml2 parsed)."""
    bodies = list(doc.getroottree().iter("body"))
    return [b for b in bodies if not any(a.tag == "body" for a in b.iterancestors())]


@cache
def _scan_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Path fragments of author pages, and the date and author labels, each as one pattern."""
    href = re.compile("|".join(re.escape(h) for h in load_lexicon("html/meta_byline")["author_href"]))
    label = re.compile(f"{_date_label_pattern().pattern}|{_author_label_pattern().pattern}", re.IGNORECASE)
    return href, label


def _scan_body(doc: lxml_html.HtmlElement) -> _BodyMarks:
    """The marked elements of the body, found in one walk.

    This walk replaced five XPath queries over the body; their lower-cased class/id tests (a translate() per
    lexicon word per element) took more than half of all metadata time on the pages that reached them.
    Conditions on ancestors are checked only for the few elements that match by themselves.
    """
    author_href, label = _scan_patterns()
    marks = _BodyMarks([], [], [], [], [])
    for body in _top_bodies(doc):
        for el in body.iterdescendants():
            tag = el.tag
            if tag.__class__ is not str:  # a comment or processing instruction
                continue
            cls, ident, rel, itemprop = el.get("class"), el.get("id"), el.get("rel"), el.get("itemprop")
            if cls or ident:
                flags = (_value_flags(cls) if cls else 0) | (_value_flags(ident) if ident else 0)
                if flags & _DATE_CONTAINER and not (flags & _DATE_SKIP or _has_ancestor(el, _DATE_SKIP)):
                    marks.date_containers.append(el)
            author_prop = itemprop == "author"
            if author_prop or (rel and "author" in _XML_SPACE.split(rel)):
                marks.authors.append(el)
            if (
                (author_prop or (rel and "author" in rel) or (cls and ("byline" in cls or "author" in cls)))
                and not any(_byline_class(a) for a in el.iterancestors())
            ):
                marks.bylines.append(el)
            if tag == "a":
                href = el.get("href")
                if href and author_href.search(href) and not _has_ancestor(el, _NOT_ARTICLE):
                    marks.author_links.append(el)
            elif tag in _LABELLED_TAGS:
                head = (el.text or "").strip()
                if not head and len(el):
                    head = (el[0].text or "").strip()
                if head and label.match(head):
                    marks.labelled.append((el, head))
    return marks


# ---------------------------------------------------------------- site name, language, canonical


def _host(url: str | None) -> str | None:
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


def _site_name(meta: dict[str, list[str]], objects: list[dict[str, Any]], host: str | None) -> str | None:
    for key in _SOURCES["site_name_meta"]:
        for value in meta.get(key, ()):
            value = _clean(value)
            if value and len(_first_segment(value).split()) <= _MAX_OUTLET_WORDS:
                return value
    for obj in objects:
        publisher = obj.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict) and _clean(item.get("name")):
                return _clean(item.get("name"))
    for obj in objects:
        if types_of(obj) & _ORG_TYPES and _clean(obj.get("name")):
            return _clean(obj.get("name"))
    return host


_LANG_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?\b")


def _normalize_lang(tag: str | None) -> str | None:
    match = _LANG_TAG.match((tag or "").strip())
    if not match:
        return None
    lang, region = match.group(1).lower(), match.group(2)
    if region and len(region) == 2:
        return f"{lang}-{region.upper()}"
    return lang


def _declared_language(
    doc: lxml_html.HtmlElement, meta: dict[str, list[str]], objects: list[dict[str, Any]]
) -> str | None:
    candidates = [doc.get("lang"), doc.get("xml:lang"), doc.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += meta.get("content-language", []) + meta.get("og:locale", []) + meta.get("language", [])
    candidates += [o.get("inLanguage") for o in objects if isinstance(o.get("inLanguage"), str)]
    for tag in candidates:
        lang = _normalize_lang(tag)
        if lang:
            return lang
    return None


# Enough text for a character n-gram detector to be sure, little enough to stay cheap.
_DETECT_CHARS = 1500
_MIN_DETECT_CHARS = 40


def _detected_language(doc: lxml_html.HtmlElement, title: str | None, meta: dict[str, list[str]]) -> str | None:
    """The language of the title, description and first paragraphs, by py3langid when it is installed."""
    try:
        import py3langid  # optional: without it an undeclared language stays unknown
    except ImportError:
        return None
    parts = [title or "", _first_meta(meta, "description", "og:description") or ""]
    size = sum(len(p) for p in parts)
    for p in doc.iter("p"):
        if size >= _DETECT_CHARS:
            break
        text = _text_of(p)
        parts.append(text)
        size += len(text)
    text = " ".join(parts)[:_DETECT_CHARS]
    if len(text.strip()) < _MIN_DETECT_CHARS:
        return None
    return py3langid.classify(text)[0]


def _language(
    doc: lxml_html.HtmlElement, meta: dict[str, list[str]], objects: list[dict[str, Any]], title: str | None
) -> str | None:
    """The declared language (<html lang>, content-language, og:locale, JSON-LD inLanguage), else a detected one."""
    return _declared_language(doc, meta, objects) or _detected_language(doc, title, meta)


def _canonical_url(doc: lxml_html.HtmlElement, meta: dict[str, list[str]], url: str | None) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return _join_url(url, link.get("href").strip()) or url
    og_url = _first_meta(meta, "og:url")
    if og_url:
        return _join_url(url, og_url) or url
    return url


# ---------------------------------------------------------------- title


@cache
def _separator_pattern() -> re.Pattern[str]:
    seps = sorted(load_lexicon("html/meta_title")["separator"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(s) for s in seps) + r")\s+")


@cache
def _tight_separator_pattern() -> re.Pattern[str]:
    seps = sorted(load_lexicon("html/meta_title")["separator_tight"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in seps) + r")\s*")


# A kicker ends with a colon (or a full-width one) followed by space; "10:30" is not one.
_KICKER = re.compile(r"[:：]\s+")


def _segments(title: str) -> list[tuple[int, int]]:
    """(start, end) spans of the parts of a title between separators."""
    cuts = [m.span() for pattern in (_separator_pattern(), _tight_separator_pattern()) for m in pattern.finditer(title)]
    spans, start = [], 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= start:
            spans.append((start, cut_start))
            start = cut_end
    spans.append((start, len(title)))
    return [(a, b) for a, b in spans if title[a:b].strip()]


def _first_segment(text: str | None) -> str | None:
    if not text:
        return text
    spans = _segments(text)
    return text[spans[0][0] : spans[0][1]].strip() if spans else text


# A segment of at least this many characters names the site when the site's key contains it ("Times" in
# "The Daily Times"); shorter ones match only exactly.
_MIN_PART_OF_SITE = 3
# A segment names the site when it contains a site key of at least this length plus at most _SITE_AFFIX
# more characters ("CNN Politics", "MDR THÜRINGEN"); longer segments are headlines that mention the site.
_MIN_SITE_IN_PART = 4
_SITE_AFFIX = 12


def _is_site_segment(segment: str, site_keys: set[str]) -> bool:
    """A segment naming the site (its name, publisher or host label), or holding no letters at all (a date)."""
    key = _key(segment)
    if not key or not any(ch.isalpha() for ch in key):
        return True
    for site in site_keys:
        if key == site or (len(key) >= _MIN_PART_OF_SITE and key in site):
            return True
        if len(site) >= _MIN_SITE_IN_PART and site in key and len(key) <= len(site) + _SITE_AFFIX:
            return True
    return False


# Outlet names are short; a longer one (on a WebSite object, in application-name) is a page title put
# in the wrong field.
_MAX_OUTLET_WORDS = 6


def _publisher_names(objects: list[dict[str, Any]]) -> list[str]:
    """Names of the publishing organization and web site as the JSON-LD gives them."""
    names = []
    for obj in objects:
        publisher = obj.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict):
                names.append(_clean(item.get("name")))
        if types_of(obj) & _ORG_TYPES:
            names.append(_clean(obj.get("name")))
    return names


# Second-level labels under which country domains register names ("bbc.co.uk", "abc.net.au").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gen", "nic"})


def _registered_label(host: str) -> str:
    """The name a site registered: "edition.cnn.com" -> "cnn", "www.bbc.co.uk" -> "bbc"."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _site_keys(site_name: str | None, host: str | None, publishers: list[str] = ()) -> set[str]:
    """Comparison keys that name the site: its name, its publisher's names, its host and registered label."""
    keys = {_key(p) for p in publishers}
    if site_name:
        keys.add(_key(site_name))
    if host:
        keys.add(_key(host))
        keys.add(_key(_registered_label(host)))
    return {k for k in keys if k}


def _strip_title(text: str, site_keys: set[str], others: list[str]) -> str:
    """Remove site-name and section segments from the ends of a title.

    An end segment goes when it names the site, has no letters (a date), or when another
    candidate is exactly the rest (a section or a site name we could not recognize). Separators inside
    the kept part stay as the publisher wrote them.
    """
    spans = _segments(text)
    if len(spans) <= 1:
        return text
    parts = [text[a:b] for a, b in spans]
    first, last = 0, len(parts) - 1
    while first < last:
        if _is_site_segment(parts[last], site_keys):
            last -= 1
        elif _is_site_segment(parts[first], site_keys):
            first += 1
        else:
            break
    other_keys = {_key(o) for o in others if o}
    while first < last:
        if _key(" ".join(parts[first:last])) in other_keys:
            last -= 1
        elif _key(" ".join(parts[first + 1 : last + 1])) in other_keys:
            first += 1
        else:
            break
    return text[spans[first][0] : spans[last][1]].strip()


def _drop_kicker(text: str, others: list[str]) -> str:
    """ "Kicker: Headline" becomes "Headline" when another candidate is exactly that headline."""
    other_keys = {_key(o) for o in others if o}
    for match in _KICKER.finditer(text):
        rest = text[match.end() :].strip()
        if _key(rest) in other_keys:
            return rest
    return text


def _title_candidates(
    doc: lxml_html.HtmlElement, meta: dict[str, list[str]], articles: list[dict[str, Any]]
) -> dict[str, str]:
    raw: dict[str, str] = {}
    for obj in articles:
        headline = _clean(obj.get("headline")) or (_clean(obj.get("name")) if _is_article(obj) else "")
        if headline:
            raw["jsonld"] = headline
            break
    og = _first_meta(meta, "og:title")
    if og:
        raw["og"] = og
    tw = _first_meta(meta, "twitter:title")
    if tw:
        raw["twitter"] = tw
    for h1 in doc.iter("h1"):
        text = _text_of(h1)
        if text:
            raw["h1"] = text
            break
    title_el = doc.find(".//title")
    if title_el is not None and _text_of(title_el):
        raw["html_title"] = _text_of(title_el)
    return raw


def _choose_title(cleaned: dict[str, str]) -> str | None:
    """The first candidate in _TITLE_ROLES order that is not cut short, with one exception.

    Publishers set the JSON-LD headline and og:title on purpose; the <h1> and <title> carry more
    page furniture, and majority votes did worse on real pages than a fixed order, because
    og:title and twitter:title are usually copies of one another. The exception: when the JSON-LD
    headline merely repeats both the <h1> and the <title> while og:title says something else, the
    CMS filled the former automatically and an editor wrote the latter, so og:title wins.
    """
    keys = {role: _key(text) for role, text in cleaned.items()}
    order = list(_TITLE_ROLES)
    if (
        {"jsonld", "og", "h1", "html_title"} <= keys.keys()
        and keys["jsonld"] != keys["og"]
        and keys["jsonld"] == keys["h1"] == keys["html_title"]
    ):
        order.remove("og")
        order.insert(0, "og")
    present = [cleaned[role] for role in order if cleaned.get(role)]
    whole = [text for text in present if not text.endswith(("...", "…"))]
    return (whole or present or [None])[0]


# ---------------------------------------------------------------- dates

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*"
    r"(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)


# Years outside this range are CMS placeholders ("0001-01-01") or typos, not publication dates.
_PLAUSIBLE_YEARS = range(1990, 2100)


def _parse_iso(value: str) -> tuple[datetime, int | None] | None:
    """Parse an ISO-8601-like timestamp into (aware UTC datetime, offset minutes or None if naive)."""
    match = _ISO.search(value or "")
    if not match or int(match.group(1)) not in _PLAUSIBLE_YEARS:
        return None
    year, month, day, hour, minute, second, frac, zone = match.groups()
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((frac or "0")[:6].ljust(6, "0")),
        )
    except ValueError:
        return None
    offset: int | None = None
    if zone:
        zone = zone.upper()
        if zone in ("Z", "UTC", "GMT"):
            offset = 0
        else:
            digits = zone[1:].replace(":", "")
            offset = int(digits[:2]) * 60 + int(digits[2:4] or 0)
            offset = -offset if zone[0] == "-" else offset
    return _to_utc(local, offset), offset


def _to_utc(local: datetime, offset: int | None) -> datetime:
    # A naive time is taken as UTC: the best guess without the publisher's zone, and stable.
    return local.replace(tzinfo=timezone(timedelta(minutes=offset or 0))).astimezone(timezone.utc)


def _jsonld_date(articles: list[dict[str, Any]]) -> str | None:
    # Key by key over all objects, so an article's datePublished beats an embedded video's uploadDate.
    for key in ("datePublished", "dateCreated", "uploadDate"):
        for obj in articles:
            value = obj.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            if isinstance(value, str) and value.strip():
                return value
    return None


# Printed dates, the last resort: "25.04.24 | 14:07", "2025.06.04 02:37", "01. April 2025, 15:25",
# "April 1, 2025 3:25 pm", "2025年1月14日 01:28".
_TIME = r"(?:\D{0,15}?(?<!\d)(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?!\d)(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
_DMY = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?(?P<year>\d{4}|\d{2})(?![\d.])" + _TIME, re.IGNORECASE
)
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])" + _TIME, re.IGNORECASE)
_YMD = re.compile(
    r"(?<!\d)(?P<year>\d{4})\s?[-./年]\s?(?P<b>\d{1,2})\s?[-./月]\s?(?P<a>\d{1,2})(?!\d)日?" + _TIME, re.IGNORECASE
)


@cache
def _month_patterns() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon("html/meta_dates")
    months = {
        word.casefold(): int(group.split("_")[1])
        for group, words in lex.items()
        if group.startswith("month_")
        for word in words
    }
    names = "|".join(re.escape(w) for w in sorted(months, key=len, reverse=True))
    day_first = re.compile(
        r"(?<!\d)(?P<a>\d{1,2})\.?\s+(?:de\s+)?(?P<month>"
        + names
        + r")\.?,?\s+(?:de\s+)?(?P<year>\d{4})(?!\d)"
        + _TIME,
        re.IGNORECASE,
    )
    month_first = re.compile(
        r"(?<!\w)(?P<month>" + names + r")\.?\s+(?P<a>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)" + _TIME,
        re.IGNORECASE,
    )
    return months, day_first, month_first


def _date_from_match(match: re.Match[str], month: int, day: int) -> datetime | None:
    year = int(match.group("year"))
    year = year + 2000 if year < 100 else year
    if year not in _PLAUSIBLE_YEARS:
        return None
    hour, minute = int(match.group("hour") or 0), int(match.group("minute") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _parse_printed_date(text: str, month_first: bool, named_only: bool = False) -> datetime | None:
    """The first date printed in a short text, with its time when one follows it.

    Args:
        text: a dateline or similar short text.
        month_first: read 03/05/2024 as March 5 (United States usage).
        named_only: only dates with a month name, for machine-made values where digit groups may be anything.
    """
    months, named_day_first, named_month_first = _month_patterns()
    found: list[tuple[int, datetime]] = []
    for pattern in (named_day_first, named_month_first):
        for match in pattern.finditer(text):
            parsed = _date_from_match(match, months[match.group("month").casefold()], int(match.group("a")))
            if parsed:
                found.append((match.start(), parsed))
    if named_only:
        return min(found, key=lambda item: item[0])[1] if found else None
    for match in _YMD.finditer(text):
        parsed = _date_from_match(match, int(match.group("b")), int(match.group("a")))
        if parsed:
            found.append((match.start(), parsed))
    for match in _DMY.finditer(text):
        parsed = _date_from_match(match, int(match.group("b")), int(match.group("a")))
        if parsed:
            found.append((match.start(), parsed))
    for match in _SLASHED.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        # 04/05/2025 is April 5 in the United States and 4 May elsewhere; a number above 12 settles it.
        if (month_first and a <= 12) or b > 12:
            a, b = b, a
        parsed = _date_from_match(match, b, a)
        if parsed:
            found.append((match.start(), parsed))
    return min(found, key=lambda item: item[0])[1] if found else None


@cache
def _date_label_pattern() -> re.Pattern[str]:
    labels = sorted(load_lexicon("html/meta_dates")["date_label"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in labels) + r")\b", re.IGNORECASE)


def _labelled_texts(marks: _BodyMarks, label: re.Pattern[str], limit: int = 80) -> list[str]:
    """Short texts of blocks that open with a label ("Datum 28.04.2023", "<b>Author</b> Jane Doe").

    Only the block's own leading text or its first child's text is tested (by the body walk) before the
    whole text is built, because building it for every block of a page is what costs.
    """
    found = []
    for el, head in marks.labelled:
        if label.match(head):
            text = _text_of(el)
            if len(text) <= limit and label.match(text):
                found.append(text)
    return found


def _printed_date_texts(marks: _BodyMarks) -> Iterator[str]:
    """Texts that may print the date, best first; built one at a time, as most pages stop at the first."""
    for el in marks.date_containers:
        yield _text_of(el)
    yield from _labelled_texts(marks, _date_label_pattern())
    for el in marks.bylines:
        parent = el.getparent()
        for node in (parent, parent.getparent() if parent is not None else None):
            if node is not None:
                yield _text_of(node)


def _printed_date(marks: _BodyMarks, month_first: bool) -> datetime | None:
    """A date printed in an element named like a date, after a date label, or next to the byline."""
    for text in _printed_date_texts(marks):
        if 6 <= len(text) <= 200:
            parsed = _parse_printed_date(text, month_first)
            if parsed:
                return parsed
    return None


# The e-mail date form; checked first because parsedate_to_datetime also accepts shapes it misreads
# ("November 19, 2019, 07:47 PM" comes back as 07:47).
_RFC2822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


def _parse_rfc2822(value: str) -> tuple[datetime, int | None] | None:
    """Parse "Tue, 05 Mar 2024 10:00:00 +0100", the e-mail date form some CMSs put in meta tags."""
    if not _RFC2822.match(value):
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.year not in _PLAUSIBLE_YEARS:
        return None
    if parsed.tzinfo is None:
        return _to_utc(parsed, None), None
    offset = int(parsed.utcoffset().total_seconds() // 60)
    return parsed.astimezone(timezone.utc), offset


_DATE_ITEMPROP = etree.XPath("//*[@itemprop='datePublished' or @itemprop='dateCreated']")


def _date_candidates(
    doc: lxml_html.HtmlElement, meta: dict[str, list[str]], articles: list[dict[str, Any]]
) -> Iterator[str]:
    """Machine-readable publication times, most trusted first: JSON-LD, meta tags, itemprop, <time datetime>.

    A generator: most pages stop at JSON-LD or a meta tag, before the markup queries run.
    """
    jd = _jsonld_date(articles)
    if jd:
        yield jd
    for name in _DATE_META:
        yield from meta.get(name, ())
    for el in _DATE_ITEMPROP(doc):
        yield el.get("content") or el.get("datetime") or _text_of(el)
    for el in doc.iter("time"):
        if el.get("datetime"):
            yield el.get("datetime")


def _published(
    doc: lxml_html.HtmlElement,
    meta: dict[str, list[str]],
    articles: list[dict[str, Any]],
    language: str | None,
    body_marks: Callable[[], _BodyMarks],
) -> tuple[datetime, int | None] | None:
    """Publication time as (UTC time, the offset the page wrote it in), from the most trusted source.

    JSON-LD, then meta tags, then itemprop and <time datetime> markup, then a date printed near
    the headline or byline. Modification times are never read.
    """
    candidates: list[str] = []
    for value in _date_candidates(doc, meta, articles):
        candidates.append(value)
        parsed = _parse_iso(value) or _parse_rfc2822(value)
        if parsed:
            return parsed
    for value in candidates:
        # "November 19, 2019, 07:47 PM EST" in a meta tag: a printed date, its zone unknown.
        printed = _parse_printed_date(value, month_first=False, named_only=True)
        if printed:
            return _to_utc(printed, None), None
    printed = _printed_date(body_marks(), month_first=(language or "").lower() == "en-us")
    if printed:
        return _to_utc(printed, None), None
    return None


# ---------------------------------------------------------------- authors

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URLISH = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_DIGITS = re.compile(r"\d")


@cache
def _byline_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    lex = load_lexicon("html/meta_byline")
    prefixes = sorted(lex["byline_prefix"], key=len, reverse=True)
    prefix = re.compile(r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")(?:\s*:\s*|\s+)", re.IGNORECASE)
    words = sorted((j for j in lex["joiner"] if j[0].isalpha()), key=len, reverse=True)
    symbols = [re.escape(j) for j in lex["joiner"] if not j[0].isalpha()]
    joiner = re.compile(
        r"\s*(?:[,;/|·•\n]|" + "|".join(symbols) + r")\s*|\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s+",
        re.IGNORECASE,
    )
    # Word by word, so "Senior Correspondent" strips as two role words; a dateline's weekday strips like a role.
    roles = frozenset(w.casefold() for group in ("role", "date_word") for r in lex[group] for w in r.split())
    return prefix, joiner, roles


def _names_from_value(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Author names from a JSON-LD `author` value: a string, an object (maybe an @id reference), or a list."""
    if isinstance(value, list):
        return [n for item in value for n in _names_from_value(item, by_id)]
    if isinstance(value, dict):
        if set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str) and value["@id"] in by_id:
            value = by_id[value["@id"]]
        name = value.get("name")
        if isinstance(name, list):
            return [n for n in (_clean(x) for x in name) if n]
        if not _clean(name) and (value.get("givenName") or value.get("familyName")):
            name = f"{_clean(value.get('givenName'))} {_clean(value.get('familyName'))}"
        return [_clean(name)] if _clean(name) else []
    if isinstance(value, str) and not _URLISH.match(value.strip()):
        return [_clean(value)] if _clean(value) else []
    return []


_PARENTHESES = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?")


def _split_byline(text: str) -> list[str]:
    """Names in one byline string: prefix ("By") removed, split on separators and "and"."""
    prefix, joiner, roles = _byline_patterns()
    # "(dpa)", "(cog)" and "[Twitter]" after a name are initials, agencies or links, never the name.
    text = _PARENTHESES.sub(" ", _HANDLE.sub(" ", _EMAIL.sub(" ", _URLISH.sub(" ", text))))
    names = []
    for part in joiner.split(_clean(text)):
        part = part.strip(" .,:;-–—|")
        while True:
            stripped = prefix.sub("", part).strip(" .,:;-–—")
            if stripped == part:
                break
            part = stripped
        part = _strip_roles(part, roles)
        if _looks_like_name(part, roles):
            names.append(part)
    return names


def _strip_roles(part: str, roles: frozenset[str]) -> str:
    """Remove job titles before or after a name, unless that would leave a single word ("Staff Reporter")."""
    words = part.split()
    start, end = 0, len(words)
    while end > start and words[end - 1].casefold().strip(".,") in roles:
        end -= 1
    while start < end and words[start].casefold().strip(".,") in roles:
        start += 1
    return " ".join(words[start:end]) if end - start >= 2 else part


def _looks_like_name(part: str, roles: frozenset[str]) -> bool:
    if not part or _DIGITS.search(part):
        return False
    words = part.split()
    if all(w.casefold().strip(".,") in roles for w in words):
        return False
    return 1 <= len(words) <= 6 and len(part) <= 60 and any(ch.isalpha() for ch in part)


_CASED_WORD = re.compile(r"^[^\W\d_]")


def _is_person_like(name: str) -> bool:
    """Two to five capitalised words ("Jane van Doe"), or one word in a script without case ("松岡大地").

    Used for names found in the page body after the metadata named only the outlet: there a lone
    word is more often a desk code ("red", "amw") or a place than an author.
    """
    particles = frozenset(load_lexicon("html/meta_byline")["name_particle"])
    words = name.split()
    if len(words) == 1:
        return words[0][0].isalpha() and words[0][0].lower() == words[0][0].upper() and len(words[0]) >= 2
    if not 2 <= len(words) <= 5 or ":" in name:
        return False
    return all(w[0].isupper() or w in particles or not w[0].isalpha() or w[0].lower() == w[0].upper() for w in words)


@cache
def _author_label_pattern() -> re.Pattern[str]:
    labels = sorted(load_lexicon("html/meta_byline")["author_label"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in labels) + r")(?:\s*:)?(?:\s+|$)", re.IGNORECASE)


def _author_sources(
    meta: dict[str, list[str]],
    articles: list[dict[str, Any]],
    objects: list[dict[str, Any]],
    body_marks: Callable[[], _BodyMarks],
) -> Iterator[list[str]]:
    """Raw author strings, one list per source, most trusted source first (evaluated lazily)."""
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and o.get("name")}
    for obj in articles:
        if _is_article(obj):
            yield _names_from_value(obj.get("author"), by_id) or _names_from_value(obj.get("creator"), by_id)
    for name in _AUTHOR_META:
        yield [_clean(v) for v in meta.get(name, ()) if _clean(v) and not _URLISH.match(v.strip())]
    yield [_text_of(el) for el in body_marks().authors]
    yield [_text_of(el) for el in body_marks().author_links]
    yield [text for text in (_text_of(el) for el in body_marks().bylines) if len(text) <= 120]
    label = _author_label_pattern()
    yield [label.sub("", t) for t in _labelled_texts(body_marks(), label)]


# More names than this from page links or bylines is a staff list, not the article's byline.
_MAX_BODY_AUTHORS = 4

def _names_outlet(name: str, site_keys: set[str]) -> bool:
    """The name is the outlet's, alone or with job titles ("CNN Editor-at-large", "Guardian staff")."""
    roles = _byline_patterns()[2]
    rest = " ".join(w for w in name.split() if w.casefold().strip(".,") not in roles)
    return _is_site_segment(rest or name, site_keys)


def _authors(
    meta: dict[str, list[str]],
    articles: list[dict[str, Any]],
    objects: list[dict[str, Any]],
    site_keys: set[str],
    body_marks: Callable[[], _BodyMarks],
) -> list[str]:
    """Authors from the first source that names a person; the outlet's own name only when none does.

    Outlet names stand in for authors on agency and desk copy, so they are dropped beside a person
    and kept when a page names no one else.
    """
    outlet_only: list[str] = []
    for raw in _author_sources(meta, articles, objects, body_marks):
        names: list[str] = []
        seen: set[str] = set()
        for text in raw:
            for name in _split_byline(text):
                if _key(name) and _key(name) not in seen:
                    seen.add(_key(name))
                    names.append(name)
        people = [n for n in names if not _names_outlet(n, site_keys)]
        if outlet_only:
            # The metadata named only the outlet: trust the body only for a short list of full names.
            people = [n for n in people if _is_person_like(n)]
            people = people if len(people) <= _MAX_BODY_AUTHORS else []
        if people:
            return people
        outlet_only = outlet_only or names
    return outlet_only


# ---------------------------------------------------------------- entry point


def extract_metadata(
    doc: lxml_html.HtmlElement, url: str | None = None, jsonld: list[dict[str, Any]] | None = None
) -> PageMeta:
    """Read an article page's metadata from its markup, without changing the tree.

    Args:
        doc: the page parsed with lxml.html (the root <html> element).
        url: the address the page was fetched from, used for the host and as the canonical URL of last resort.
        jsonld: the page's JSON-LD objects (tasks.jsonld.jsonld_objects) when the caller parsed them already;
            None to parse them here.  They are only read.

    Returns:
        The page's metadata; fields the page does not give are None or empty.
    """
    meta = _meta_index(doc)
    objects = jsonld_objects(doc) if jsonld is None else jsonld
    articles = _article_objects(objects)
    canonical = _canonical_url(doc, meta, url)
    host = _host(url) or _host(canonical)
    full_site_name = _site_name(meta, objects, host)
    # "The Daily Example | Your local news" names the site in its first part; the rest is a tagline.
    site_name = _first_segment(full_site_name)
    publishers = _publisher_names(objects) + [_clean(v) for n in _SOURCES["publisher_meta"] for v in meta.get(n, ())]
    publishers += [full_site_name] if full_site_name else []
    publishers = [n for n in publishers if n and len(n.split()) <= _MAX_OUTLET_WORDS]
    site_keys = _site_keys(site_name, host, publishers)

    raw_titles = _title_candidates(doc, meta, articles)
    stripped = {
        role: _strip_title(text, site_keys, [t for r, t in raw_titles.items() if r != role])
        for role, text in raw_titles.items()
        # An <h1> or title that is only the site's name is the logo or a home page, not a headline.
        if not any(_key(text) and _key(text) in site for site in site_keys)
    }
    # Only metadata titles show that a kicker is not part of the headline: an <h1> often leaves out a
    # kicker that the page prints in a sibling element.
    evidence = {r: t for r, t in stripped.items() if r in ("jsonld", "og", "twitter")}
    cleaned = {
        role: _drop_kicker(text, [t for r, t in evidence.items() if r != role]) for role, text in stripped.items()
    }
    title = _choose_title(cleaned)
    language = _language(doc, meta, objects, title)
    # Dates and authors share one walk over the body, made on first use: most pages never need it, as their
    # JSON-LD and meta tags say both.
    body_marks = cache(partial(_scan_body, doc))
    published = _published(doc, meta, articles, language, body_marks)
    return PageMeta(
        title=title,
        headline_candidates=cleaned,
        published_at=published[0] if published else None,
        published_utc_offset_minutes=published[1] if published else None,
        authors=_authors(meta, articles, objects, site_keys, body_marks),
        site_name=site_name,
        language=language,
        canonical_url=canonical,
    )
