"""Article identity: the canonical URL when there is one, else the outlet, headline and body."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tasks.ids import stable_id

_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ocid$|cmpid$)")


def canonical_url(url: str | None) -> str | None:
    """URL key for article identity: lower-case scheme and host, no fragment, no tracking parameters."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower().removeprefix("www."), path, query, ""))


def article_id_for(url: str | None, source: str | None, title: str | None, body: str) -> str:
    """Identity: the canonical URL when there is one, else the outlet, headline and body."""
    key = canonical_url(url)
    return stable_id("url", key) if key else stable_id("content", source, title, body)
