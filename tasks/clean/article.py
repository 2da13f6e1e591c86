"""Clean stage: normalize raw articles into bodies and headlines, with page furniture removed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tasks.ids import stable_id
from tasks.ingest.read import RawArticle, Rejected
from tasks.lexicon import load_lexicon

# Leading lines of a plain-text file count as headlines while they look like one.
MAX_HEADLINE_WORDS = 30
MAX_HEADLINE_CHARS = 250
MAX_HEADLINE_LINES = 5

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_TRAILING_NOISE = re.compile(r"[\s\-\u2013\u2014_=*.:>|»]+$")
# Headlines may end in ? or ! but not like running text; a closing quote may follow the period.
_SENTENCE_END = re.compile(r"[.:;,][\"'\u201d\u2019)]*$")
_BLOCK = re.compile(r"[^\n](?:[^\n]|\n(?!\n))*")  # a paragraph: text up to the next blank line
_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ocid$|cmpid$)")


@dataclass(frozen=True)
class CleanArticle:
    """One cleaned article and its headlines, ready to become rows of `articles` and `headlines`."""

    article_id: str
    source_uri: str
    source_format: str
    content_sha256: str
    body: str
    title: str | None
    headlines: tuple[tuple[str, str], ...]  # (role, text), title first, distinct texts
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    site_name: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    published_utc_offset_minutes: int | None = None
    fetched_at: datetime | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    stray_blocks: tuple[tuple[int, int, str], ...] = ()


def normalize_text(text: str) -> str:
    """Unicode NFC, no zero-width characters, one space between words, Unix newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def normalize_headline(text: str) -> str:
    """A headline on one line, whitespace collapsed (the display form; dedup uses headlines.text_norm)."""
    return " ".join(normalize_text(text).split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalized text: blocks separated by blank lines; single newlines stay inside a block."""
    return [block for block in _PARAGRAPH_BREAK.split(normalize_text(text)) if block]


@cache
def _boilerplate() -> tuple[frozenset[str], frozenset[str]]:
    lexicon = load_lexicon("clean/boilerplate")
    return frozenset(lexicon["footer_markers"]), frozenset(lexicon["drop_paragraphs"])


def _marker_key(paragraph: str) -> str:
    return _TRAILING_NOISE.sub("", paragraph.casefold()).strip()


def strip_boilerplate(paragraphs: list[str]) -> list[str]:
    """Drop page furniture: everything from a footer marker ("Latest News") on, and lone furniture lines.

    A marker counts when it is a whole line: the first line of a paragraph for footers (the list of
    other stories often follows it without a blank line), any line for furniture.
    """
    footer_markers, drop = _boilerplate()
    kept: list[str] = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        if _marker_key(lines[0]) in footer_markers:
            break
        lines = [line for line in lines if _marker_key(line) and _marker_key(line) not in drop]
        if lines:
            kept.append("\n".join(lines))
    return kept


def looks_like_headline(paragraph: str) -> bool:
    """One line, short, and not ending like a sentence of running text."""
    return (
        "\n" not in paragraph
        and len(paragraph) <= MAX_HEADLINE_CHARS
        and len(paragraph.split()) <= MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(paragraph)
    )


def split_text_article(text: str) -> tuple[list[str], str]:
    """Split a plain-text article into its leading headline lines and its clean body.

    Args:
        text: the raw file text: headline variants first (one per line or paragraph), then body.

    Returns:
        (headlines, body): headlines in file order; body paragraphs joined by a blank line,
        with page furniture removed. At least one paragraph always stays in the body.
    """
    paragraphs = strip_boilerplate(split_paragraphs(text))
    # Headline variants may be separated by blank lines or stacked on consecutive lines.
    head: list[str] = []
    while paragraphs and len(head) < MAX_HEADLINE_LINES and len(paragraphs) > 1:
        lines = paragraphs[0].split("\n")
        if not all(looks_like_headline(line) for line in lines) or len(head) + len(lines) > MAX_HEADLINE_LINES:
            break
        head.extend(lines)
        paragraphs.pop(0)
    return head, "\n\n".join(paragraphs)


def find_stray_blocks(body: str) -> list[tuple[int, int, str]]:
    """Blocks of another story pasted into the body: a headline-like line glued to the paragraph under it.

    Inside a clean body paragraphs are separated by blank lines; a short title-like line followed by a
    single newline and running text is a teaser or a fragment of another page, not this article's text.
    The block is kept in the body (statements in it keep their offsets) and flagged.

    Returns:
        (start, end, heading) per block: offsets into body, end exclusive, the heading line.
    """
    blocks = []
    for match in _BLOCK.finditer(body):
        block = match.group(0)
        heading, _, rest = block.partition("\n")
        if rest.strip() and looks_like_headline(heading) and len(heading.split()) >= 3:
            blocks.append((match.start(), match.end(), heading))
    return blocks


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
