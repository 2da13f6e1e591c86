"""Clean stage: normalize raw articles into bodies and headlines, with page furniture removed."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

from tasks.clean.boilerplate import find_stray_blocks, split_text_article, strip_boilerplate
from tasks.clean.identity import article_id_for
from tasks.clean.text import normalize_headline, split_paragraphs
from tasks.records import CleanArticle, RawArticle, Rejected


def _utc_and_offset(moment: datetime | None) -> tuple[datetime | None, int | None]:
    if moment is None:
        return None, None
    offset = moment.utcoffset()
    return moment.astimezone(timezone.utc), None if offset is None else int(offset.total_seconds() // 60)


def _distinct_headlines(candidates: list[tuple[str, str | None]]) -> tuple[tuple[str, str], ...]:
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for role, text in candidates:
        clean = normalize_headline(text) if text else ""
        if clean and clean not in seen:
            seen.add(clean)
            out.append((role, clean))
    return tuple(out)


def clean_article(raw: RawArticle) -> CleanArticle | Rejected:
    """Turn one raw article into a clean one, or a rejection saying why it has no usable content.

    Args:
        raw: an article from tasks.ingest.read_input.

    Returns:
        CleanArticle, or Rejected (stage `clean`) for pages without article text or title.
    """
    meta = None
    headline_candidates: list[tuple[str, str | None]] = [("title", raw.title)]
    headline_candidates += [("variant", h) for h in raw.headlines]
    if raw.html is not None:
        from tasks.html.page import ExtractionError, extract_page  # imported lazily: lxml only when HTML arrives

        try:
            page = extract_page(raw.html, url=raw.url, declared_charset=raw.charset)
        except ExtractionError as error:
            return Rejected(raw.source_uri, raw.content_sha256, "clean", error.kind, str(error))
        meta = page.meta
        body = "\n\n".join(split_paragraphs(page.body))
        headline_candidates.append(("title", meta.title))
        headline_candidates += list(meta.headline_candidates.items())
    elif raw.text is not None and raw.title is None and not raw.headlines:
        head, body = split_text_article(raw.text)
        headline_candidates = [("title", head[0] if head else None)] + [("variant", h) for h in head[1:]]
    else:
        body = "\n\n".join(strip_boilerplate(split_paragraphs(raw.text or "")))

    headlines = _distinct_headlines(headline_candidates)
    title = headlines[0][1] if headlines else None
    if not body and title is None:
        return Rejected(raw.source_uri, raw.content_sha256, "clean", "empty_article", "no body text and no headline")
    url = raw.url or (meta.canonical_url if meta else None)
    published_at, offset_minutes = _utc_and_offset(raw.published_at)
    if published_at is None and meta is not None:
        published_at, offset_minutes = meta.published_at, meta.published_utc_offset_minutes
    source = raw.source or (meta.site_name if meta else None) or (urlsplit(url).hostname if url else None)
    return CleanArticle(
        article_id=article_id_for(url, source, title, body),
        source_uri=raw.source_uri,
        source_format=raw.source_format,
        content_sha256=raw.content_sha256,
        body=body,
        title=title,
        headlines=headlines,
        external_id=raw.external_id,
        url=url,
        source=source,
        site_name=meta.site_name if meta else None,
        language=meta.language if meta else None,
        published_at=published_at,
        published_utc_offset_minutes=offset_minutes,
        fetched_at=raw.fetched_at.astimezone(timezone.utc) if raw.fetched_at else None,
        authors=tuple(meta.authors) if meta else (),
        stray_blocks=tuple(find_stray_blocks(body)),
    )
