"""Rejections of one input (tasks/ingest/rejects.py): each names the file as the lake writes it, or the part of
it given, with the file's hash, at the ingest stage."""

from __future__ import annotations

import os

from tasks.ingest.rejects import rejector
from tasks.records import InputFile, Rejected

FILE = InputFile("landing/wire_feed.jsonl", "ab12", 900)


def test_a_rejection_names_the_file_its_hash_and_the_ingest_stage() -> None:
    assert rejector(FILE)("bad_gzip", "cannot decompress") == Rejected(
        "landing/wire_feed.jsonl", "ab12", "ingest", "bad_gzip", "cannot decompress"
    )


def test_a_rejection_of_a_part_names_the_part_and_keeps_the_files_hash() -> None:
    reject = rejector(FILE)
    line = reject("bad_json", "invalid JSON", "landing/wire_feed.jsonl#line-5")
    assert (line.source_uri, line.content_sha256, line.error_kind) == ("landing/wire_feed.jsonl#line-5", "ab12", "bad_json")
    assert reject("bad_record", "no text").source_uri == "landing/wire_feed.jsonl"  # the part's uri is not kept


def test_a_file_whose_name_is_not_utf8_is_named_with_escapes() -> None:
    odd = InputFile(os.fsdecode(b"landing/caf\xe9.txt"), "cd34", 10)
    assert rejector(odd)("binary_file", "binary").source_uri == "landing/caf\\xe9.txt"
