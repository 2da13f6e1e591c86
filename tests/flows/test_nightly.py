"""The nightly flow end to end, driven through the `newslake` command line under the Prefect test harness.

Each flow run costs a second or two on the shared harness, so the scenarios are few and each checks a lot.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flows.cli import main
from tests.paths import REPO

pytestmark = pytest.mark.prefect


def newslake(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def query(capsys: pytest.CaptureFixture[str], lake: Path, sql: str) -> list[dict]:
    return json.loads(newslake(capsys, "sql", "--lake", str(lake), "--format", "json", sql))


def table_counts(capsys, lake: Path) -> dict[str, int]:
    names = ("articles", "headlines", "stories", "statements", "quarantine", "files")
    return {name: query(capsys, lake, f"select count(*) as n from {name}")[0]["n"] for name in names}


def test_samples_run_then_rerun_changes_nothing(prefect_harness, tmp_path: Path, capsys) -> None:
    lake = tmp_path / "lake"
    out = newslake(capsys, "run", "--input", str(REPO / "samples"), "--lake", str(lake), "--date", "2026-11-27")
    assert "files_new   | 8" in out
    first = table_counts(capsys, lake)
    assert first["articles"] >= 10 and first["statements"] > 0 and first["quarantine"] == 3

    # Every quarantine row says why; none of the good inputs is among them.
    reasons = {row["error_kind"] for row in query(capsys, lake, "select error_kind from quarantine")}
    assert reasons == {"bad_json", "bad_record", "non_html_record"}

    # Offsets point into the body, for every fragment of every statement; content is the fragments joined.
    bad = query(capsys, lake, "select count(*) as n from statements s join articles a using (article_id) where "
                "s.content <> array_to_string(list_transform(s.fragments, lambda f: "
                "substr(a.body, f.start + 1, f.end - f.start)), ' … ')")
    assert bad == [{"n": 0}]

    # The run left its report as a Prefect artifact on its flow run.
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    [run_row] = query(capsys, lake, "select flow_run_id from runs")
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_row["flow_run_id"]]))
        )
    by_key = {a.key: a for a in artifacts}
    assert set(by_key) == {"nightly-run-report", "nightly-report-page"}
    artifact = by_key["nightly-run-report"]
    assert artifact.type == "markdown" and by_key["nightly-report-page"].type == "markdown"  # Prefect stores links as Markdown
    assert "(file://" in by_key["nightly-report-page"].data and (lake / "reports" / "2026-11-27.html").exists()
    for heading in ("Counts per stage", "Stories this night added to", "Top speakers", "Quotes that spread", "Quarantine reasons"):
        assert heading in artifact.data
    assert "bad_json" in artifact.data and "14 new articles" in artifact.data

    # A rerun over the same inputs reads nothing new and adds no row; it records itself in `runs`.
    out = newslake(capsys, "run", "--input", str(REPO / "samples"), "--lake", str(lake), "--date", "2026-11-27")
    assert "files_new   | 0" in out
    assert table_counts(capsys, lake) == first
    runs = query(capsys, lake, "select files_new, articles from runs order by run_id")
    assert [r["files_new"] for r in runs] == [8, 0] and runs[1]["articles"] == 0


def test_bad_inputs_are_quarantined_and_good_ones_kept(prefect_harness, tmp_path: Path, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REPO / "samples" / "txt" / "orchard_frost.txt", inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00")
    (inbox / "feed.jsonl").write_text('{"id": "1", "title": "Market hall opens"}\n{"id": "2", "title": \n{"id": "3", "text": "A short item."}\n')
    lake = tmp_path / "lake"
    newslake(capsys, "run", "--input", str(inbox), "--lake", str(lake))

    titles = {row["title"] for row in query(capsys, lake, "select title from articles")}
    assert "Market hall opens" in titles and any(t and t.startswith("Late frost") for t in titles)
    assert len(titles) == 3
    rows = query(capsys, lake, "select source_uri, error_kind, error from quarantine order by source_uri")
    assert [(Path(r["source_uri"]).name, r["error_kind"]) for r in rows] == [
        ("empty.txt", "empty_file"),
        ("feed.jsonl#line-2", "bad_json"),
        ("photo.jpg", "binary_file"),
    ]
    assert all(r["error"] for r in rows)


def test_seed_acceptance(prefect_harness, shared_dir: Path, tmp_path: Path, capsys) -> None:
    seed_dir = shared_dir / "seeds"
    expected = json.loads(next(seed_dir.glob("*.expected.json")).read_text())
    lake = tmp_path / "lake"
    newslake(capsys, "run", "--input", str(seed_dir), "--lake", str(lake))

    statements = query(capsys, lake, "select * from statements")
    [article] = query(capsys, lake, "select body, stray_blocks from articles")
    body = article["body"]
    off_topic = expected["off_topic_block"]
    [block] = article["stray_blocks"]
    assert body[block["start"]:block["end"]].startswith(off_topic["starts_with"])
    assert body[block["start"]:block["end"]].endswith(off_topic["ends_with"])
    assert statements and all(body[s["content_start"]:s["content_end"]] == s["content"] for s in statements)
    assert "Latest News" not in body

    headlines = query(capsys, lake, "select text, story_id from headlines")
    assert {h["text"] for h in headlines} == set(expected["headlines"])
    assert len({h["story_id"] for h in headlines}) == 1


def _page(title: str, site: str, published: str, author: str, paragraphs: list[str], lang: str = "en") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>'
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{published}"><meta name="author" content="{author}">'
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>"
        f"<p class='byline'>By {author}</p>{body}</article><footer>{site} 2026</footer></body></html>"
    ).encode()


def _write_crawl(path: Path, truncate_last: int) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://north.example/2026/11/27/tram", "text/html; charset=utf-8", _page(
            "Tram line to the harbor opens in March", "North Gazette", "2026-11-27T08:00:00+01:00", "Ida Lind",
            ["The new tram line between the station and the harbor will open in March, the transport office said on Friday.",
             "\"The tracks are finished and testing starts next week,\" project manager Ola Berg said."])),
        ("https://north.example/files/timetable.pdf", "application/pdf", b"%PDF-1.4 timetable"),
        ("https://south.example/news/budget", "text/html; charset=utf-8", _page(
            "Sorno schools get new budget for heating", "South Post", "2026-11-26T17:45:00-05:00", "Carl Meyer",
            ["Schools in Sorno will receive an extra heating budget this winter, the education board said.",
             "Board chair Ruth Alvarez said the money would arrive before the first frost."])),
        ("https://south.example/news/late", "text/html", _page(
            "A page cut off by the crawler", "South Post", "2026-11-26T10:00:00Z", "Nobody", ["Lost text. " * 200])),
    ]
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, content_type, body in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                           warc_headers_dict={"WARC-Date": "2026-11-27T23:00:00Z"})
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - truncate_last])


def test_warc_crawl_with_bad_records_and_page_metadata(prefect_harness, tmp_path: Path, capsys) -> None:
    inbox = tmp_path / "crawl"
    inbox.mkdir()
    _write_crawl(inbox / "CC-NEWS-20261127.warc.gz", truncate_last=300)
    lake = tmp_path / "lake"
    newslake(capsys, "run", "--input", str(inbox), "--lake", str(lake), "--date", "2026-11-27")

    articles = query(capsys, lake, "select url, title, published_at, published_utc_offset_minutes as offset, authors, "
                                   "site_name, language, fetched_at, body from articles order by url")
    assert [a["url"] for a in articles] == ["https://north.example/2026/11/27/tram", "https://south.example/news/budget"]
    tram, budget = articles
    assert tram["title"] == "Tram line to the harbor opens in March" and tram["site_name"] == "North Gazette"
    assert tram["published_at"].startswith("2026-11-27T07:00:00") and tram["offset"] == 60
    assert budget["published_at"].startswith("2026-11-26T22:45:00") and budget["offset"] == -300
    assert tram["authors"] == ["Ida Lind"] and budget["authors"] == ["Carl Meyer"]
    assert tram["language"] == "en" and tram["fetched_at"].startswith("2026-11-27T23:00:00")
    assert "Home" not in tram["body"] and "testing starts next week" in tram["body"]

    rejected = query(capsys, lake, "select error_kind from quarantine order by error_kind")
    assert [r["error_kind"] for r in rejected] == ["non_html_record", "truncated_record"]


def test_second_night_joins_the_first_nights_story(prefect_harness, tmp_path: Path, capsys) -> None:
    def night(day: str, records: list[dict]) -> None:
        folder = tmp_path / day
        folder.mkdir()
        (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
        newslake(capsys, "run", "--input", str(folder), "--lake", str(lake), "--date", day)

    lake = tmp_path / "lake"
    night("2026-11-26", [
        {"id": "a1", "url": "https://wire.example/a1", "source": "Wire", "published": "2026-11-26T08:00:00Z",
         "title": "Kessel council votes to close the old coal harbor"},
        {"id": "a2", "url": "https://wire.example/a2", "source": "Wire", "published": "2026-11-26T09:00:00Z",
         "title": "Sorno bakery wins national bread prize"},
    ])
    night("2026-11-27", [
        {"id": "b1", "url": "https://mirror.example/b1", "source": "Mirror", "published": "2026-11-27T07:00:00Z",
         "title": "UPDATE 1-Kessel council votes to close the old coal harbor"},
    ])
    rows = query(capsys, lake, "select h.text, h.story_id, h.dup_group_id from headlines h order by h.seen_at")
    first, _, late = rows
    assert late["dup_group_id"] == first["dup_group_id"] and late["story_id"] == first["story_id"]
    [story] = query(capsys, lake, f"select n_headlines, n_sources from stories where story_id = '{first['story_id']}'")
    assert story == {"n_headlines": 2, "n_sources": 2}
    assert query(capsys, lake, "select count(*) as n from stories") == [{"n": 2}]


def test_a_night_of_many_files_keeps_prefect_parameters_small(prefect_harness, tmp_path: Path, capsys) -> None:
    # The shard plan travels by path: Prefect's API refuses subflow parameters over 512 KiB (about 2,700 files).
    inbox = tmp_path / "many"
    inbox.mkdir()
    for number in range(3000):
        (inbox / f"brief-{number:05d}-with-a-long-descriptive-file-name.txt").write_text(f"Brief number {number}\n\nCouncil meets on day {number}.\n")
    lake = tmp_path / "lake"
    out = newslake(capsys, "run", "--input", str(inbox), "--lake", str(lake), "--batch-files", "1000")
    assert "files_new   | 3000" in out
    assert query(capsys, lake, "select count(*) as n from articles") == [{"n": 3000}]
