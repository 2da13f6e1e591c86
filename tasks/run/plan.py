"""Shard planning: which discovered files are new, and how they are cut into shards (the unit of parallelism)."""

from __future__ import annotations

from tasks.records import InputFile


def plan_shards(files: list[InputFile], known_hashes: set[str], batch_files: int) -> list[list[InputFile]]:
    """Split the files the lake has not ingested yet into shards of at most batch_files files.

    A content already in the lake, or seen earlier in this list under another path, is skipped:
    incremental runs key on content, not on names.

    Args:
        files: discovered files, in a stable order.
        known_hashes: content hashes already in the lake's `files` manifest.
        batch_files: maximum files per shard (a WARC file counts as one).

    Returns:
        Shards in input order; empty when nothing is new.
    """
    if batch_files < 1:
        raise ValueError("batch_files must be at least 1")
    seen = set(known_hashes)
    new: list[InputFile] = []
    for file in files:
        if file.content_sha256 not in seen:
            seen.add(file.content_sha256)
            new.append(file)
    return [new[i : i + batch_files] for i in range(0, len(new), batch_files)]
