"""Byline strings into names: prefixes ("By"), job titles, handles and links removed, lists split on joiners."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tasks.html.meta.index import JsonObject
from tasks.html.meta.text import clean_text
from tasks.lexicon import load_lexicon

URLISH = re.compile(r"https?://\S+|www\.\S+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_DIGITS = re.compile(r"\d")
# "(dpa)", "(cog)" and "[Twitter]" after a name are initials, agencies or links, never the name.
_PARENTHESES = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?")
# "Doe, Jane" in an author field: a family name, a comma, a given name, one word each.
_INVERTED = re.compile(r"([^\W\d_][\w'’-]*),\s*([^\W\d_][\w'’-]*)")
_PART_TRIM = " .,:;-–—|"
# A name run longer than this after "By" has an outlet or a place glued to it.
_MAX_LEADING_NAME_WORDS = 3
_PREFIX_TRIM = " .,:;-–—"


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


@cache
def _interface_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_lexicon("html/meta_byline")["interface_word"])


@cache
def _label_words() -> frozenset[str]:
    lex = load_lexicon("html/meta_byline")
    return frozenset(w.casefold() for group in ("byline_prefix", "author_label") for w in lex[group])


def is_author_label(text: str) -> bool:
    """Whether a text is only a label for an author's name ("Written by", "Autor:").

    Args:
        text: a field label, e.g. the twitter:label1 that WordPress SEO plugins write.

    Returns:
        True when it is a byline prefix or an author label (lexicon meta_byline), colon aside.
    """
    return " ".join(text.casefold().strip(" :").split()) in _label_words()


def uninverted(text: str) -> str:
    """An author field written family name first ("Doe, Jane") in reading order ("Jane Doe").

    Args:
        text: one author field value.

    Returns:
        The name in reading order, or the text unchanged when it is not one inverted name.
    """
    match = _INVERTED.fullmatch(text.strip())
    return f"{match.group(2)} {match.group(1)}" if match else text


@cache
def outlet_words() -> frozenset[str]:
    """Case-folded words an outlet puts after its name ("CBC News"), lexicon meta_byline [outlet_word]."""
    return frozenset(w.casefold() for w in load_lexicon("html/meta_byline")["outlet_word"])


def role_words() -> frozenset[str]:
    """Case-folded words of job titles and dateline words (lexicon meta_byline [role], [date_word])."""
    return _byline_patterns()[2]


def names_from_value(value: Any, by_id: dict[str, JsonObject]) -> list[str]:
    """Author names from a JSON-LD `author` value.

    Args:
        value: a string, an object (maybe an @id reference), or a list of them.
        by_id: the page's named JSON-LD objects by @id, to resolve references.

    Returns:
        The names, in order; a string that is an address gives none.
    """
    if isinstance(value, list):
        return [n for item in value for n in names_from_value(item, by_id)]
    if isinstance(value, dict):
        if set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str) and value["@id"] in by_id:
            value = by_id[value["@id"]]
        name = value.get("name")
        if isinstance(name, list):
            return [n for n in (clean_text(x) for x in name) if n]
        if not clean_text(name) and (value.get("givenName") or value.get("familyName")):
            name = f"{clean_text(value.get('givenName'))} {clean_text(value.get('familyName'))}"
        return [clean_text(name)] if clean_text(name) else []
    if isinstance(value, str) and not URLISH.match(value.strip()):
        return [clean_text(value)] if clean_text(value) else []
    return []


def split_byline(text: str) -> list[str]:
    """Names in one byline string: prefix ("By") removed, split on separators and "and".

    Args:
        text: a byline or author field.

    Returns:
        The parts that look like names, in order.
    """
    prefix, joiner, roles = _byline_patterns()
    text = _PARENTHESES.sub(" ", _HANDLE.sub(" ", _EMAIL.sub(" ", URLISH.sub(" ", text))))
    names = []
    for part in joiner.split(clean_text(text)):
        part = part.strip(_PART_TRIM)
        introduced = False
        while True:
            stripped = prefix.sub("", part).strip(_PREFIX_TRIM)
            if stripped == part:
                break
            part, introduced = stripped, True
        part = _strip_roles(part, roles)
        if _looks_like_name(part, roles):
            names.append(part)
        elif introduced and (name := _leading_name(part)):
            names.append(name)
    return names


def _leading_name(part: str) -> str | None:
    """The name a byline prefix introduces in a longer line ("By Jane Doe Dec 19, 2016 at 2:19 pm").

    The name is the run of capitalised words after the prefix; it ends at a lowercase word, a number, a month
    or weekday, or where Title Case turns to CAPITALS (an outlet printed after the name).
    """
    stops = _month_words() | role_words()
    words: list[str] = []
    for word in part.split():
        bare = word.strip(".,;:")
        if not bare or not bare[0].isupper() or bare.casefold() in stops or _DIGITS.search(bare):
            break
        if words and bare.isupper() and len(bare) > 1 and not words[-1].isupper():
            break
        words.append(bare)
    return " ".join(words) if 2 <= len(words) <= _MAX_LEADING_NAME_WORDS else None


@cache
def _month_words() -> frozenset[str]:
    lex = load_lexicon("html/meta_dates")
    return frozenset(w.casefold().strip(".") for group, words in lex.items() if group.startswith("month_") for w in words)


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
    words = [w.casefold().strip(".,") for w in part.split()]
    if all(w in roles for w in words) or any(w in _interface_words() for w in words) or _is_credit(part):
        return False
    return 1 <= len(words) <= 6 and len(part) <= 60 and any(ch.isalpha() for ch in part)


def _is_credit(part: str) -> bool:
    """A name joined to another by a lowercase word ("Jane Roe at Example Models", "Bo Chen for Brand"): a
    contributor credited with an agency or a product, as photo-shoot credits in author fields are written.

    A lowercase word at the end ("Redaktion example.de") or a name particle ("Ursula von der Leyen") is not one.
    """
    words = part.split()
    return any(
        word[0].islower() and word not in _particles() and words[i + 1][0].isupper()
        for i, word in enumerate(words[1:-1], start=1)
    )


@cache
def _particles() -> frozenset[str]:
    return frozenset(load_lexicon("html/meta_byline")["name_particle"])


def is_person_like(name: str) -> bool:
    """Two to five capitalised words ("Jane van Doe"), or one word in a script without case ("松岡大地").

    Used for names found in the page body after the metadata named only the outlet: there a lone
    word is more often a desk code ("red", "amw") or a place than an author.

    Args:
        name: one name from split_byline.

    Returns:
        True when it has the shape of a person's full name.
    """
    particles = _particles()
    words = name.split()
    if len(words) == 1:
        return words[0][0].isalpha() and words[0][0].lower() == words[0][0].upper() and len(words[0]) >= 2
    if not 2 <= len(words) <= 5 or ":" in name:
        return False
    return all(w[0].isupper() or w in particles or not w[0].isalpha() or w[0].lower() == w[0].upper() for w in words)
