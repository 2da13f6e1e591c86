"""Text normalisation the metadata fields share: cleaned values, comparison keys, element text."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Any

from lxml import html as lxml_html

from tasks.text import strip_zero_width

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def clean_text(value: Any) -> str:
    """Whitespace-collapsed text without zero-width characters, soft hyphens or leftover entities.

    Args:
        value: a string, or a JSON-LD value (a list gives its first non-blank string).

    Returns:
        The cleaned text; "" for anything that holds no string.
    """
    if isinstance(value, list):
        value = next((t for t in value if isinstance(t, str) and t.strip()), "")
    if not isinstance(value, str):
        return ""
    if "&" in value:
        # JSON-LD and some meta contents arrive HTML-escaped once more than the parser undoes.
        value = html.unescape(value)
    return _WS.sub(" ", strip_zero_width(unicodedata.normalize("NFC", value))).strip()


@lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Comparison form of a text: case-folded word characters only ("Le Monde.fr" -> "lemondefr").

    Cached: title cleaning compares the same few candidates and site names dozens of times per page.

    Args:
        text: any text.

    Returns:
        The key; "" when the text holds no word character.
    """
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def element_text(el: lxml_html.HtmlElement) -> str:
    """All text inside an element, cleaned (see clean_text).

    Args:
        el: any element.

    Returns:
        Its text, pieces joined by spaces.
    """
    return clean_text(" ".join(el.itertext()))
