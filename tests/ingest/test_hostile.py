"""A hostile landing zone, generated here: every path gets the expected outcome row, the rest of the night is kept,
and memory stays bounded (the night runs in a process of its own, whose peak RSS is checked)."""

from __future__ import annotations

import gzip
import json
import os
import pwd
import shutil
import tempfile
import zlib
from pathlib import Path

import pytest

from tasks.lake import Lake
from tests.ingest.inputs import PAGE, WarcBuilder
from tests.night_process import run_night_process
from tests.paths import SAMPLES

NIGHT = "2026-11-27"
# The oversized inputs may add at most this to the peak RSS of the same night without them: a 200 MB line, a 50 MiB
# page read whole, or a gzip bomb inflated would add its size. (A bound relative to that night, not an absolute
# one: what the imports and DuckDB take differs between machines, 370 MiB here and twice that on another.)
MAX_ADDED_RSS_MIB = 150
TEXT = "Harbor ferries will run every fifteen minutes during the bridge closure, the port authority said.\n\n"


def _gzip_bomb(path: Path, gigabytes: int = 1) -> None:
    """`gigabytes` of text as many identical gzip members (one compression of 16 MiB, written many times)."""
    member = gzip.compress(b"lorem ipsum dolor sit amet " * (16 << 20 >> 5), compresslevel=9)
    with open(path, "wb") as handle:
        for _ in range(gigabytes * 64):
            handle.write(member)


def _feed_with_a_runaway_line(path: Path, runaway: bool = True) -> None:
    good = [json.dumps({"id": str(n), "title": f"Sorno market hall opens, day {n}", "text": TEXT}) for n in range(3)]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(good[0] + "\n{not json\n" + good[1] + "\n")
        handle.write('{"id": "huge", "text": "')
        chunk = "x" * (1 << 20)
        for _ in range(200 if runaway else 0):  # a 200 MB line
            handle.write(chunk)
        handle.write('"}\n' + good[2] + "\n")


def build_corpus(inbox: Path, oversized: bool = True) -> dict[str, tuple[str, str]]:
    """Write the hostile inputs; returns the expected (outcome, reason) per path as the lake records it.
    Without `oversized`, the 50 MiB page, the gzip bomb and the feed's 200 MB line are left out (a baseline night)."""
    inbox.mkdir()
    expected: dict[str, tuple[str, str]] = {}

    def put(name: str | bytes, content: bytes, outcome: tuple[str, str]) -> None:
        path = os.path.join(os.fsencode(inbox), os.fsencode(name)) if isinstance(name, bytes) else inbox / name
        with open(path, "wb") as handle:
            handle.write(content)
        expected[os.fsencode(path).decode("utf-8", "backslashreplace")] = outcome

    put("empty.txt", b"", ("quarantined", "empty_file"))
    put("also-empty.txt", b"", ("quarantined", "empty_file"))  # a second empty file is no copy of the first
    put("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 50, ("quarantined", "binary_file"))
    put("broken-bytes.txt", ("Bridge closed\n\nDie Brücke bleibt gesperrt, sagte die Stadt.\n\n" + TEXT).encode()
        + b"\xff\xfe\xfd" + TEXT.encode(), ("ingested", "articles"))
    put("latin1.html", "<html><body><h1>Café reopens</h1><p>The café on the quay reopened on Monday, its owner "
        "said, after the flood.</p></body></html>".encode("latin-1"), ("ingested", "articles"))
    put("cp1252.htm", "<html><body><h1>Fares rise</h1><p>\u201cIt costs \u20ac2 more,\u201d a rider said of the "
        "new ferry fare on Monday.</p></body></html>".encode("cp1252"), ("ingested", "articles"))
    if oversized:
        put("huge.html", b"<html><body>" + b"<p>word </p>" * ((50 << 20) // 12 + 1) + b"</body></html>",  # 50 MiB
            ("quarantined", "oversized_file"))
    put("deep.html", b"<html><body>" + b"<div>" * 100_000 + TEXT.encode() + b"</div>" * 100_000 + b"</body></html>",
        ("ingested", "articles"))
    put("cut.txt.gz", gzip.compress(TEXT.encode() * 2000)[:-200], ("quarantined", "bad_gzip"))
    if oversized:
        _gzip_bomb(inbox / "bomb.txt.gz")
        expected[str(inbox / "bomb.txt.gz")] = ("quarantined", "oversized_file")
    _feed_with_a_runaway_line(inbox / "feed.jsonl", runaway=oversized)
    expected[str(inbox / "feed.jsonl")] = ("ingested", "articles")
    warc = WarcBuilder()
    warc.response("https://a.example/1")
    warc.response("https://a.example/2", body=PAGE * 40)
    (inbox / "crawl.warc.gz").write_bytes(warc.buffer.getvalue()[:-300])
    expected[str(inbox / "crawl.warc.gz")] = ("ingested", "articles")
    os.symlink(".", inbox / "loop")
    expected[str(inbox / "loop")] = ("quarantined", "symlink_loop")
    os.symlink(inbox / "nowhere.txt", inbox / "dangling.txt")
    expected[str(inbox / "dangling.txt")] = ("quarantined", "broken_symlink")
    os.mkfifo(inbox / "pipe.txt")
    expected[str(inbox / "pipe.txt")] = ("quarantined", "special_file")
    put("locked.txt", TEXT.encode(), ("ingested", "articles"))
    os.chmod(inbox / "locked.txt", 0)
    if os.geteuid() != 0:  # root reads any file; elsewhere this one is unreadable
        expected[str(inbox / "locked.txt")] = ("quarantined", "unreadable_file")
    put("line\nbreak.txt", ("Name with a newline\n\n" + TEXT).encode(), ("ingested", "articles"))
    put(b"caf\xe9-latin1-name.txt", ("Name that is not UTF-8\n\n" + TEXT).encode(), ("ingested", "articles"))
    put("spaces and ünïcode.txt", ("Odd but valid name\n\n" + TEXT).encode(), ("ingested", "articles"))
    shutil.copy(SAMPLES / "txt" / "orchard_frost.txt", inbox / "orchard_frost.txt")
    expected[str(inbox / "orchard_frost.txt")] = ("ingested", "articles")
    shutil.copy(SAMPLES / "txt" / "orchard_frost.txt", inbox / "orchard_frost_copy.txt")
    expected[str(inbox / "orchard_frost_copy.txt")] = ("skipped", "duplicate_in_run")
    return expected


@pytest.fixture(scope="module")
def hostile_night(tmp_path_factory: pytest.TempPathFactory) -> tuple[Lake, dict[str, tuple[str, str]], dict]:
    root = tmp_path_factory.mktemp("hostile")
    expected = build_corpus(root / "inbox")
    done = run_night_process(root / "lake", NIGHT, [root / "inbox"])
    assert done.returncode == 0, done.stderr[-3000:]
    return Lake(root / "lake"), expected, json.loads(done.stdout.strip().splitlines()[-1])


def test_every_hostile_path_has_its_expected_outcome(hostile_night) -> None:
    lake, expected, summary = hostile_night
    rows = lake.connect().execute("select source_uri, outcome, reason from inputs").fetchall()
    seen = {uri: (outcome, reason) for uri, outcome, reason in rows}
    assert len(rows) == len(seen)  # one row per path
    assert seen == expected
    assert summary["status"] == "partial"


def test_the_readable_parts_are_kept(hostile_night) -> None:
    lake, _, _ = hostile_night
    con = lake.connect()
    bodies = {Path(uri).name: (body, bad) for uri, body, bad in
              con.execute("select source_uri, body, replacement_chars from articles").fetchall()}
    assert bodies["broken-bytes.txt"][1] == 3 and "Brücke" in bodies["broken-bytes.txt"][0]
    assert "café on the quay" in bodies["latin1.html"][0] and bodies["latin1.html"][1] == 0
    assert "\u201cIt costs \u20ac2 more,\u201d" in bodies["cp1252.htm"][0]
    feed = sorted(uri.rsplit("#", 1)[1] for uri in bodies if "feed.jsonl" in uri)
    assert feed == ["line-1", "line-3", "line-5"]
    rejected = dict(con.execute("select source_uri, error_kind from quarantine where source_uri like '%feed.jsonl#%'").fetchall())
    assert sorted(rejected.values()) == ["bad_json", "oversized_record"]
    assert con.execute("select count(*) from articles where source_uri like '%crawl.warc.gz#%'").fetchone() == (1,)
    assert con.execute("select count(*) from quarantine where error_kind = 'truncated_record'").fetchone() == (1,)


def test_memory_stays_bounded(hostile_night, tmp_path: Path) -> None:
    _, _, summary = hostile_night
    build_corpus(tmp_path / "inbox", oversized=False)
    done = run_night_process(tmp_path / "lake", NIGHT, [tmp_path / "inbox"])
    assert done.returncode == 0, done.stderr[-3000:]
    baseline = json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mib"]
    assert summary["peak_rss_mib"] - baseline < MAX_ADDED_RSS_MIB, (summary["peak_rss_mib"], baseline)


def test_unreadable_file_is_quarantined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root can read a file without permissions, so the unreadable case is also simulated where the OS says so.
    import tasks.ingest.discovery as discover_module

    (tmp_path / "a.txt").write_text(TEXT)

    def denied(path: str, chunk_bytes: int = 0) -> str:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(discover_module, "file_sha256", denied)
    found = discover_module.discover([tmp_path])
    assert found.files == [] and [(r.error_kind, r.stage) for r in found.rejected] == [("unreadable_file", "discover")]
    assert "Permission denied" in found.rejected[0].error


@pytest.mark.skipif(os.geteuid() != 0, reason="not root: the hostile night above already meets an unreadable file")
def test_an_unreadable_file_gets_its_inputs_row_in_a_night_run_by_another_user() -> None:
    """Root reads any file, so the night runs as `nobody` here, where a file without permissions is unreadable."""
    root = Path(tempfile.mkdtemp(prefix="newslake-unprivileged-"))
    try:
        root.chmod(0o755)
        inbox, lake = root / "inbox", root / "lake"
        nobody = pwd.getpwnam("nobody").pw_uid
        inbox.mkdir()
        lake.mkdir()
        os.chown(lake, nobody, -1)  # the lake is the night's to write; the inbox stays root's
        (inbox / "readable.txt").write_text("Ferries double\n\n" + TEXT)
        (inbox / "locked.txt").write_text("Locked away\n\n" + TEXT)
        (inbox / "locked.txt").chmod(0)
        done = run_night_process(lake, NIGHT, [inbox], env={**os.environ, "HOME": str(lake)}, user=nobody)
        assert done.returncode == 0, done.stderr[-3000:]
        outcomes = Lake(lake).connect().execute("select source_uri, outcome, reason from inputs order by 1").fetchall()
        assert outcomes == [(str(inbox / "locked.txt"), "quarantined", "unreadable_file"),
                            (str(inbox / "readable.txt"), "ingested", "articles")]
    finally:
        shutil.rmtree(root)


def test_the_bomb_really_inflates() -> None:
    # The gzip bomb above must be one: each 16 MiB member compresses hundreds of times, 64 of them make a gigabyte.
    member = gzip.compress(b"lorem ipsum dolor sit amet " * (16 << 20 >> 5), compresslevel=9)
    assert len(zlib.decompress(member, wbits=31)) / len(member) > 300
