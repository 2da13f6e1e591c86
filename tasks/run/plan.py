"""Shard planning: which discovered files are new, and how their work is cut into shards of about equal size.

A shard is the unit of parallelism. Small files are grouped; a large JSONL or WARC file is cut into pieces (byte
ranges: a JSONL piece at line ends, a WARC piece read from its first record boundary), so that one big file
uses every core. Pieces of one file are counted as one file again by the merge (one `files` row, one outcome),
and since a run commits all its shards or none, a failed piece never half-ingests a file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from tasks.ingest.compressed import is_gzip
from tasks.ingest.sniff import detect_format
from tasks.records import InputFile, InputOutcome

# Shards are cut to about total / (workers * SHARDS_PER_WORKER) bytes: a few per worker balance uneven work.
SHARDS_PER_WORKER = 3
MIN_SHARD_BYTES = 4 << 20  # smaller shards cost more in per-task overhead than they win in balance
MAX_SHARD_BYTES = 64 << 20  # bounds a shard's memory and the work a failed shard repeats
_SCAN_BYTES = 16 << 20


@dataclass
class Plan:
    """The shards of a run, and the inputs it skips (each with the reason: an outcome a query can find)."""

    shards: list[list[InputFile]] = field(default_factory=list)
    skipped: list[InputOutcome] = field(default_factory=list)

    @property
    def files_new(self) -> int:
        """New input files (a file cut into pieces counts once)."""
        return len({(f.path, f.content_sha256) for shard in self.shards for f in shard})


def _new_files(files: list[InputFile], known: Mapping[str, str], plan: Plan) -> list[InputFile]:
    """The files to read; every other one gets its skipped outcome in `plan`."""
    first_path: dict[str, str] = {}
    new: list[InputFile] = []
    for file in files:
        if file.content_sha256 in known:
            plan.skipped.append(_skipped(file, "seen_before", f"content already ingested: {known[file.content_sha256]}"))
        elif file.content_sha256 in first_path:
            plan.skipped.append(_skipped(file, "duplicate_in_run", f"same content as {first_path[file.content_sha256]}"))
        else:
            first_path[file.content_sha256] = file.uri
            new.append(file)
    return new


def _jsonl_pieces(file: InputFile, target: int) -> list[InputFile]:
    """Byte ranges of a plain JSONL file, each cut at the first line end past `target` bytes, each knowing the
    number of its first line (so that pieces name their lines `#line-N` as a whole read would)."""
    starts = [(0, 1)]  # (offset of a piece, number of the line that starts there)
    newlines, position, next_cut = 0, 0, target
    with open(file.path, "rb") as handle:
        while chunk := handle.read(_SCAN_BYTES):
            counted = 0  # bytes of this chunk whose newlines are in `newlines`
            while position + len(chunk) > next_cut:
                newline = chunk.find(b"\n", max(counted, next_cut - position))
                if newline < 0:
                    break  # the line runs on into the next chunk
                newlines += chunk.count(b"\n", counted, newline + 1)
                counted = newline + 1
                starts.append((position + counted, newlines + 1))
                next_cut = position + counted + target
            newlines += chunk.count(b"\n", counted)
            position += len(chunk)
    starts = [(offset, line) for offset, line in starts if offset < file.size_bytes]
    ends = [offset for offset, _ in starts[1:]] + [None]
    return [dataclasses.replace(file, start=offset, end=end, first_line=line)
            for (offset, line), end in zip(starts, ends)]


def _pieces(file: InputFile, target: int) -> list[InputFile]:
    """The file, or its pieces when it is a large JSONL or WARC file."""
    if file.size_bytes <= target * 1.5:
        return [file]
    fmt, gzipped = detect_format(file.path, b""), is_gzip(file.path)
    if fmt == "warc" and gzipped:
        # A record-compressed WARC is a chain of gzip members: a piece starts at the first member after its cut.
        # (A plain WARC is not cut: a payload line reading "WARC/1.0" could pass for a record boundary.)
        cuts = list(range(0, file.size_bytes, target))
        return [dataclasses.replace(file, start=a, end=b) for a, b in zip(cuts, [*cuts[1:], None])]
    if fmt == "jsonl" and not gzipped:  # a gzip stream cannot be entered in the middle
        return _jsonl_pieces(file, target)
    return [file]


def shard_target_bytes(files: list[InputFile], workers: int) -> int:
    """The bytes a shard should hold: the work spread over a few shards per worker, within sane bounds."""
    total = sum(f.size_bytes for f in files)
    return int(min(MAX_SHARD_BYTES, max(MIN_SHARD_BYTES, total / (max(1, workers) * SHARDS_PER_WORKER))))


def plan_shards(files: list[InputFile], known: Mapping[str, str], batch_files: int, workers: int = 1) -> Plan:
    """Cut the work of the files the lake has not ingested yet into shards.

    A content already in the lake, or seen earlier in this list under another path, is skipped: incremental
    runs key on content, not on names.

    Args:
        files: discovered files, in a stable order.
        known: content hashes already in the lake's `files` manifest -> where and when they were ingested.
        batch_files: maximum files (or pieces) per shard.
        workers: processes the shards will run on (more workers: smaller shards).

    Returns:
        Shards in input order (none when nothing is new), and one skipped outcome per other file.
    """
    if batch_files < 1:
        raise ValueError("batch_files must be at least 1")
    plan = Plan()
    new = _new_files(files, known, plan)
    target = shard_target_bytes(new, workers)
    shard: list[InputFile] = []
    shard_bytes = 0
    for file in new:
        for piece in _pieces(file, target):
            size = (piece.end or piece.size_bytes) - piece.start
            if shard and (shard_bytes + size > target or len(shard) >= batch_files):
                plan.shards.append(shard)
                shard, shard_bytes = [], 0
            shard.append(piece)
            shard_bytes += size
    if shard:
        plan.shards.append(shard)
    return plan


def _skipped(file: InputFile, reason: str, detail: str) -> InputOutcome:
    return InputOutcome(file.uri, file.content_sha256, file.size_bytes, "skipped", reason, detail)
