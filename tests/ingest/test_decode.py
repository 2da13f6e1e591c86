"""One row per decoding rule of tasks/encoding.py: BOM, declared charset, <meta>, detection, bad bytes."""

from __future__ import annotations

import pytest

from tasks.ingest.decode import codec_name, declared_in_page, decode_html
from tasks.lexicon import load_lexicon

FRENCH = "<p>Les élèves ont déjà vu ça : « café », naïveté et cœur — 10 €.</p>"
WESTERN_PLAIN = "<p>Die Straße ist groß und schön, über alles. Olá, a nação está em pânico.</p>"  # latin-1 only
RUSSIAN = "<p>" + "Привет, мир! Как дела у всех сегодня? Всё хорошо, спасибо. " * 20 + "</p>"
JAPANESE = "<p>" + "日本語のテキストです。東京は大きい都市です。" * 20 + "</p>"


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body>{body}</body></html>"


DECODE_ROWS = [
    # (rule, raw bytes, declared charset, expected text)
    ("UTF-8 BOM, no declaration", b"\xef\xbb\xbf" + html(FRENCH).encode("utf-8"), None, html(FRENCH)),
    ("UTF-16-LE BOM beats a declared charset", b"\xff\xfe" + html(FRENCH).encode("utf-16-le"), "iso-8859-1",
     html(FRENCH)),
    ("declared charset (HTTP header)", html(RUSSIAN).encode("koi8-r"), "KOI8-R", html(RUSSIAN)),
    ("declared latin-1 means cp1252 (curly quotes, euro)", html(FRENCH).encode("cp1252"), "ISO-8859-1",
     html(FRENCH)),
    ("declared single-byte charset but valid UTF-8 bytes", html(FRENCH).encode("utf-8"), "iso-8859-1",
     html(FRENCH)),
    ("declared header beats <meta>", html(RUSSIAN, '<meta charset="utf-8">').encode("cp1251"), "windows-1251",
     html(RUSSIAN, '<meta charset="utf-8">')),
    ("<meta charset>", html(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251"), None,
     html(RUSSIAN, '<meta charset="windows-1251">')),
    ("<meta http-equiv> content charset",
     html(JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">').encode("cp932"),
     None, html(JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')),
    ("unknown declared label falls through to <meta>",
     html(RUSSIAN, '<meta charset="cp1251">').encode("cp1251"), "x-no-such-charset",
     html(RUSSIAN, '<meta charset="cp1251">')),
    ("<meta> claiming UTF-16 on ASCII-compatible bytes read as UTF-8",
     html(FRENCH, '<meta charset="utf-16">').encode("utf-8"), None, html(FRENCH, '<meta charset="utf-16">')),
    ("undeclared UTF-8", html(FRENCH).encode("utf-8"), None, html(FRENCH)),
    ("undeclared cp1252", html(FRENCH).encode("cp1252"), None, html(FRENCH)),
    ("undeclared latin-1", html(WESTERN_PLAIN).encode("latin-1"), None, html(WESTERN_PLAIN)),
    ("undeclared cp1251 goes to the detector", html(RUSSIAN).encode("cp1251"), None, html(RUSSIAN)),
    ("undeclared Shift_JIS goes to the detector", html(JAPANESE).encode("shift_jis"), None, html(JAPANESE)),
    ("pure ASCII", b"<p>plain</p>", None, "<p>plain</p>"),
    ("undeclared UTF-16-LE without BOM", html(FRENCH).encode("utf-16-le"), None, html(FRENCH)),
    ("undeclared UTF-16-BE without BOM", html(RUSSIAN).encode("utf-16-be"), None, html(RUSSIAN)),
    ("UTF-16 without BOM declared utf-16", html(FRENCH).encode("utf-16-le"), "UTF-16", html(FRENCH)),
]


@pytest.mark.parametrize(("rule", "raw", "declared", "expected"), DECODE_ROWS, ids=[r[0] for r in DECODE_ROWS])
def test_decode(rule: str, raw: bytes, declared: str | None, expected: str) -> None:
    assert decode_html(raw, declared) == expected


@pytest.mark.parametrize(
    ("rule", "raw", "declared"),
    [
        ("random bytes, undeclared", bytes(range(256)) * 8, None),
        ("invalid UTF-8 under a UTF-8 declaration", b"<p>ok \xff\xfe\xc3 broken</p>", "utf-8"),
        ("cp1252-undefined byte under a cp1252 declaration", b"<p>a \x81 b</p>", "windows-1252"),
        ("truncated UTF-16 after a BOM", b"\xff\xfeh\x00i", None),
        ("non-text codec declared", b"<p>aGVsbG8=</p>", "base64"),
        ("empty", b"", None),
    ],
)
def test_bad_bytes_never_raise(rule: str, raw: bytes, declared: str | None) -> None:
    assert isinstance(decode_html(raw, declared), str)


def test_invalid_bytes_become_replacement_characters() -> None:
    assert decode_html(b"<p>a\xffb</p>", "utf-8") == "<p>a\ufffdb</p>"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        (" 'utf8' ", "utf-8"),
        ("Shift_JIS", "cp932"),
        ("gb2312", "gb18030"),
        ("utf-7", None),  # refused: lets a page smuggle markup past filters
        ("rot13", None),  # a codec, but not a text encoding
        ("no-such-thing", None),
        (None, None),
    ],
)
def test_codec_name(label: str | None, codec: str | None) -> None:
    assert codec_name(label) == codec


def test_meta_charset_found_far_into_a_large_head() -> None:
    raw = b"<html><head><script>" + b"x" * 60_000 + b'</script><meta charset="koi8-r"></head></html>'
    assert declared_in_page(raw) == "koi8-r"


def test_charset_lexicon_rows_are_pairs_of_known_codecs() -> None:
    import codecs

    for group in load_lexicon("ingest/charsets").values():
        for row in group:
            label, codec = row.split()
            codecs.lookup(codec)
            assert label == label.lower()
