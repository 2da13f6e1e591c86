"""JSON-LD blocks of an HTML page, parsed leniently and flattened into a list of objects."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import html as lxml_html

from tasks.text import replace_controls

# Publishers often ship JSON-LD with trailing commas or raw control characters; strict json.loads rejects both.
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _loads_lenient(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", replace_controls(text)), strict=False)
    except ValueError:
        return None


def _flatten(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, list):
        for item in node:
            _flatten(item, out)
    elif isinstance(node, dict):
        out.append(node)
        if "@graph" in node:
            _flatten(node["@graph"], out)


def jsonld_objects(doc: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """All JSON-LD objects of a page, in document order.

    Top-level lists and `@graph` arrays are flattened, so a caller can look for an object by
    `@type` without caring how the publisher nested it. Blocks that are not valid JSON, even after
    removing trailing commas and control characters, are skipped.

    Args:
        doc: the parsed page.

    Returns:
        One dict per JSON-LD object (a `@graph` container is kept too, before its members).
    """
    objects: list[dict[str, Any]] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        parsed = _loads_lenient(script.text or "")
        if parsed is not None:
            _flatten(parsed, objects)
    return objects


def types_of(obj: dict[str, Any]) -> set[str]:
    """The `@type` values of a JSON-LD object as a set (it may be a string or a list)."""
    value = obj.get("@type")
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()
