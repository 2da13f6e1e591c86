"""Shard planning: which discovered files are new, and how they are cut into shards (the unit of parallelism)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tasks.records import InputFile, InputOutcome


@dataclass
class Plan:
    """The shards of a run, and the inputs it skips (each with the reason: an outcome a query can find)."""

    shards: list[list[InputFile]] = field(default_factory=list)
    skipped: list[InputOutcome] = field(default_factory=list)

    @property
    def files_new(self) -> int:
        return sum(len(shard) for shard in self.shards)


def plan_shards(files: list[InputFile], known: Mapping[str, str], batch_files: int) -> Plan:
    """Split the files the lake has not ingested yet into shards of at most batch_files files.

    A content already in the lake, or seen earlier in this list under another path, is skipped:
    incremental runs key on content, not on names.

    Args:
        files: discovered files, in a stable order.
        known: content hashes already in the lake's `files` manifest -> where and when they were ingested.
        batch_files: maximum files per shard (a WARC file counts as one).

    Returns:
        Shards in input order (none when nothing is new), and one skipped outcome per other file.
    """
    if batch_files < 1:
        raise ValueError("batch_files must be at least 1")
    first_path: dict[str, str] = {}
    new: list[InputFile] = []
    plan = Plan()
    for file in files:
        if file.content_sha256 in known:
            plan.skipped.append(_skipped(file, "seen_before", f"content already ingested: {known[file.content_sha256]}"))
        elif file.content_sha256 in first_path:
            plan.skipped.append(_skipped(file, "duplicate_in_run", f"same content as {first_path[file.content_sha256]}"))
        else:
            first_path[file.content_sha256] = file.uri
            new.append(file)
    plan.shards = [new[i : i + batch_files] for i in range(0, len(new), batch_files)]
    return plan


def _skipped(file: InputFile, reason: str, detail: str) -> InputOutcome:
    return InputOutcome(file.uri, file.content_sha256, file.size_bytes, "skipped", reason, detail)
