"""Bytes to text, for pages and plain-text articles alike: byte-order mark, declared charset, <meta> charset, a detector.

The order follows what browsers do (a BOM beats everything, a transport-level charset beats the page's own
<meta>), with two deliberate departures.  UTF-16 without a BOM is recognised by its NUL bytes before any
declaration is read.  And bytes that are valid UTF-8 and contain multi-byte sequences are read
as UTF-8 even when a single-byte legacy charset is declared.  Servers that stamp every response with a default
``charset=ISO-8859-1`` are common, and legacy single-byte text with non-ASCII letters is almost never valid
UTF-8 by accident, so this repairs mojibake without breaking honest latin-1 pages.

Detection of undeclared pages tries strict UTF-8 first (cheap, and right for most of the web) and only then
reads the page as cp1252 when that gives Latin words, and otherwise asks BeautifulSoup's ``EncodingDetector``
(which consults charset-normalizer) on a bounded sample, so a large page cannot make detection slow.
Decoding never raises: the last resort is cp1252 with replacement characters.
"""

from __future__ import annotations

import codecs
import re
from functools import cache, lru_cache

from bs4.dammit import EncodingDetector

from tasks.lexicon import load_lexicon

# Pages declare <meta charset> late when a large inline <head> precedes it: 64 KB into the file was seen on news
# sites, far past the 1 KB prescan browsers use; a regex over this many bytes costs well under a millisecond.
META_SCAN_BYTES = 128 * 1024
# charset-normalizer's cost grows with input; this sample is enough to tell legacy code pages apart.
DETECT_SAMPLE_BYTES = 64 * 1024

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# UTF-16 without a byte-order mark: ASCII markup in it has a NUL in every other byte (NUL is valid UTF-8, so
# the strict UTF-8 attempt would accept it).  Checked on this many leading bytes: at least this share of one
# side's bytes NUL, at most the other share on the other side.
UTF16_SNIFF_BYTES = 1024
UTF16_NUL_SHARE = 0.2
UTF16_OTHER_SIDE_SHARE = 0.02
# UTF-8 text may hold this many corrupt bytes, or this share of its non-ASCII characters, and still be read as UTF-8.
STRAY_BYTES = 8
STRAY_SHARE = 0.1
# Share of non-ASCII characters that must touch an ASCII letter for an undeclared page to be read as cp1252.
WESTERN_ADJACENT_SHARE = 0.5
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NEXT_TO_ASCII_LETTER = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z])")
_SINGLE_BYTE = frozenset(
    {"cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
     "iso8859-2", "iso8859-5", "iso8859-7", "iso8859-15", "koi8-r", "koi8-u", "mac-roman"}
)


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for entries in load_lexicon("ingest/charsets").values():
        for entry in entries:
            label, codec = entry.split()
            table[label.lower()] = codec
    return table


@lru_cache(maxsize=256)  # labels come from the pages: a long-running process sees any number of them
def codec_name(label: str | None) -> str | None:
    """Python codec for a charset label from a header or page, or None when unknown or not a text encoding.

    Args:
        label: charset label as written (case and surrounding quotes or spaces are ignored).

    Returns:
        A name `bytes.decode` accepts (canonical codecs name), or None.
    """
    if not label:
        return None
    key = label.strip().strip("\"'").strip().lower()
    key = _aliases().get(key, key)
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    # base64/rot13 are codecs too, and UTF-7 lets a page smuggle markup past filters; browsers refuse all three.
    if not getattr(info, "_is_text_encoding", True) or info.name == "utf-7":
        return None
    return info.name


def declared_in_page(raw: bytes) -> str | None:
    """The charset a page declares about itself (<?xml encoding?>, <meta charset> or http-equiv), or None."""
    head = raw[:META_SCAN_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _is_multibyte_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_declared(raw: bytes, codec: str) -> str:
    if codec in _SINGLE_BYTE and _is_multibyte_utf8(raw):
        return raw.decode("utf-8")
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        pass
    if codec != "utf-8" and _is_multibyte_utf8(raw):
        return raw.decode("utf-8")
    return raw.decode(codec, errors="replace")


def _looks_western(text: str) -> bool:
    """True when most non-ASCII characters of a cp1252 reading sit next to an ASCII letter.

    Accented Latin letters and typographic quotes live inside or beside ASCII words ("élève", "don’t"); other
    scripts read as cp1252 give runs of symbols with no ASCII letter nearby ("Ïðèâåò" for Russian), so this
    separates the cp1252/latin-1 pages that statistical detectors misread as cp1250 or cp1257 on short samples.
    """
    non_ascii = len(_NON_ASCII.findall(text))
    return non_ascii == 0 or len(_NEXT_TO_ASCII_LETTER.findall(text)) >= WESTERN_ADJACENT_SHARE * non_ascii


def utf16_codec(raw: bytes) -> str | None:
    """The UTF-16 codec of bytes that are UTF-16 text (a byte-order mark, or ASCII with every other byte NUL),
    else None: such text is not binary, though it is full of NUL bytes."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return _utf16_without_bom(raw)


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the first bytes look like ASCII markup in UTF-16 (every other byte NUL)."""
    head = raw[:UTF16_SNIFF_BYTES]
    if len(head) < 4:
        return None
    half = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    # ASCII characters give a NUL on one side only; text in other scripts lowers the share, binary data
    # has NULs on both sides.
    if odd > UTF16_NUL_SHARE * half and even <= UTF16_OTHER_SIDE_SHARE * half:
        return "utf-16-le"
    if even > UTF16_NUL_SHARE * half and odd <= UTF16_OTHER_SIDE_SHARE * half:
        return "utf-16-be"
    return None


def _mostly_utf8(raw: bytes) -> str | None:
    """The text read as UTF-8 with replacement characters, when it holds valid multi-byte sequences and only a
    few invalid bytes: UTF-8 text with some corrupt bytes, which a single-byte codec would turn into mojibake
    everywhere else (legacy text almost never holds a valid multi-byte sequence by accident, while nearly every
    one of its non-ASCII bytes is invalid UTF-8)."""
    text = raw.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = len(_NON_ASCII.findall(text)) - invalid
    return text if valid and invalid <= max(STRAY_BYTES, STRAY_SHARE * (valid + invalid)) else None


def _detect(raw: bytes, is_html: bool) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return mostly
    sample = raw[:DETECT_SAMPLE_BYTES]
    try:
        if _looks_western(sample.decode("cp1252")):
            return raw.decode("cp1252", errors="replace")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, ...): not cp1252
        pass
    # EncodingDetector proposes the declared charsets, then charset-normalizer's guess, then windows-1252;
    # take the first that reads the sample cleanly (UnicodeDammit's loop, without its logging).
    for candidate in EncodingDetector(sample, is_html=is_html, exclude_encodings=["utf-8"]).encodings:
        codec = codec_name(candidate)
        if codec is None:
            continue
        try:
            sample.decode(codec)
        except UnicodeDecodeError:
            continue
        return raw.decode(codec, errors="replace")
    return raw.decode("cp1252", errors="replace")


def _decode(raw: bytes, labels: tuple[str | None, ...], is_html: bool) -> str:
    stripped, bom_encoding = EncodingDetector.strip_byte_order_mark(raw)
    if bom_encoding:
        return stripped.decode(bom_encoding, errors="replace")
    # UTF-16 bytes are unmistakable even without a BOM, and no declaration can make them readable otherwise
    # (a header saying "utf-16" is mapped to UTF-8 for the ASCII-compatible pages that usually carry it).
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16, errors="replace")
    for label in labels:
        codec = codec_name(label)
        if codec is not None:
            return _decode_declared(raw, codec)
    return _detect(raw, is_html)


def decode_html(raw: bytes, declared_charset: str | None = None) -> str:
    """Decode the bytes of an HTML page, never raising on bad bytes.

    Args:
        raw: the page as fetched.
        declared_charset: charset from the HTTP Content-Type header or WARC record, if any.

    Returns:
        The page text, without a byte-order mark; undecodable bytes become U+FFFD.
    """
    return _decode(raw, (declared_charset, declared_in_page(raw)), is_html=True)


def decode_text(raw: bytes) -> str:
    """Decode a plain-text document the way an undeclared page is decoded (no <meta> to read); never raises.

    Returns:
        The text, without a byte-order mark; undecodable bytes become U+FFFD.
    """
    return _decode(raw, (), is_html=False)
