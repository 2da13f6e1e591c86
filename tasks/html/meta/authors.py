"""The article's authors: people named by the most trusted source that names any, outlet names only as a last resort."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tasks.html.meta.byline import (
    URLISH,
    is_person_like,
    names_from_value,
    role_words,
    split_byline,
)
from tasks.html.meta.index import SOURCES, JsonObject, MetaIndex, is_article
from tasks.html.meta.marks import BodyMarks, author_label_pattern, labelled_texts
from tasks.html.meta.site import is_site_segment
from tasks.html.meta.text import clean_text, element_text, text_key

_AUTHOR_META = SOURCES["author_meta"]
# More names than this from page links or bylines is a staff list, not the article's byline.
_MAX_BODY_AUTHORS = 4
# A longer byline element holds more than the byline (a teaser, a bio).
_MAX_BYLINE_CHARS = 120


def _author_sources(
    meta: MetaIndex,
    articles: list[JsonObject],
    objects: list[JsonObject],
    body_marks: Callable[[], BodyMarks],
) -> Iterator[list[str]]:
    """Raw author strings, one list per source, most trusted source first (evaluated lazily)."""
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and o.get("name")}
    for obj in articles:
        if is_article(obj):
            yield names_from_value(obj.get("author"), by_id) or names_from_value(obj.get("creator"), by_id)
    for name in _AUTHOR_META:
        yield [clean_text(v) for v in meta.get(name, ()) if clean_text(v) and not URLISH.match(v.strip())]
    yield [element_text(el) for el in body_marks().authors]
    yield [element_text(el) for el in body_marks().author_links]
    yield [text for text in (element_text(el) for el in body_marks().bylines) if len(text) <= _MAX_BYLINE_CHARS]
    label = author_label_pattern()
    yield [label.sub("", t) for t in labelled_texts(body_marks(), label)]


def _names_outlet(name: str, site_keys: set[str]) -> bool:
    """The name is the outlet's, alone or with job titles ("CNN Editor-at-large", "Guardian staff")."""
    roles = role_words()
    rest = " ".join(w for w in name.split() if w.casefold().strip(".,") not in roles)
    return is_site_segment(rest or name, site_keys)


def _distinct_names(raw: list[str]) -> list[str]:
    """The names in a source's author strings, each once (by comparison key), in order."""
    names: list[str] = []
    seen: set[str] = set()
    for text in raw:
        for name in split_byline(text):
            if text_key(name) and text_key(name) not in seen:
                seen.add(text_key(name))
                names.append(name)
    return names


def page_authors(
    meta: MetaIndex,
    articles: list[JsonObject],
    objects: list[JsonObject],
    site_keys: set[str],
    body_marks: Callable[[], BodyMarks],
) -> list[str]:
    """Authors from the first source that names a person; the outlet's own name only when none does.

    Outlet names stand in for authors on agency and desk copy, so they are dropped beside a person
    and kept when a page names no one else.

    Args:
        meta: the page's meta index.
        articles: the JSON-LD objects about the article (index.article_objects).
        objects: all JSON-LD objects of the page (to resolve @id references).
        site_keys: the site's comparison keys (site.site_identity).
        body_marks: the marked body elements, computed on first call.

    Returns:
        The names, in the order the source gives them; empty when no source names anyone.
    """
    outlet_only: list[str] = []
    for raw in _author_sources(meta, articles, objects, body_marks):
        names = _distinct_names(raw)
        people = [n for n in names if not _names_outlet(n, site_keys)]
        if outlet_only:
            # The metadata named only the outlet: trust the body only for a short list of full names.
            people = [n for n in people if is_person_like(n)]
            people = people if len(people) <= _MAX_BODY_AUTHORS else []
        if people:
            return people
        outlet_only = outlet_only or names
    return outlet_only
