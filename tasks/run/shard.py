"""Shard stage: read, clean and extract statements from one batch of input files into staged Parquet parts.

A shard is the unit of parallelism: it takes file paths, writes its own part files and returns
only paths and counts, so nothing large travels through Prefect results or across a Dask cluster.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tasks.clean import clean_article
from tasks.faults import failpoint
from tasks.ingest import read_input
from tasks.lake import PartWriter
from tasks.lake.schemas import STAGED
from tasks.records import (
    CleanArticle,
    InputFile,
    RawArticle,
    Rejected,
    RunInfo,
    ShardResult,
    SkippedRecord,
)
from tasks.run.layout import Staging
from tasks.run.rows import article_row, file_row, headline_rows, quarantine_row, statement_rows
from tasks.statements import extract_statements


def unexpected(source_uri: str, sha: str | None, stage: str, error: Exception) -> Rejected:
    """The rejection of an item whose processing raised: a bug must not sink the night, so the item is
    quarantined with the exception and its place in the code, and the run goes on."""
    where = traceback.extract_tb(error.__traceback__)[-1]
    return Rejected(source_uri, sha, stage, "unexpected_error",
                    f"{type(error).__name__}: {error} (at {Path(where.filename).name}:{where.lineno})")


def _cleaned(file: InputFile) -> Iterator[CleanArticle | Rejected | RawArticle | SkippedRecord]:
    """The file's items, each article cleaned (or rejected); a reader bug rejects the rest of the file."""
    try:
        for item in read_input(file):
            if isinstance(item, RawArticle):
                yield item  # tells the caller the file's format before the cleaned article
                try:
                    item = clean_article(item)
                except Exception as error:  # noqa: BLE001 - see unexpected()
                    item = unexpected(item.source_uri, file.content_sha256, "clean", error)
            yield item
    except Exception as error:  # noqa: BLE001 - see unexpected()
        yield unexpected(file.uri, file.content_sha256, "ingest", error)


# Rows of all tables buffered per article flushed: a file of bad lines adds quarantine rows and no article, and
# must flush too.
_ROWS_PER_ARTICLE_BOUND = 40


class _ShardBuffers:
    """Rows of each staged table, flushed to its part file every `batch_rows` articles, or sooner when the other
    tables' rows outgrow what that many articles bring."""

    def __init__(self, staging: Staging, shard: int, batch_rows: int) -> None:
        self.writers = {name: PartWriter(staging.shard_part(name, shard), schema) for name, schema in STAGED.items()}
        self.rows: dict[str, list[dict[str, object]]] = {name: [] for name in STAGED}
        self.batch_rows, self.buffered = batch_rows, 0

    def add(self, table: str, rows: list[dict[str, object]]) -> None:
        self.rows[table].extend(rows)
        self.buffered += len(rows)
        if len(self.rows["articles"]) >= self.batch_rows or self.buffered >= _ROWS_PER_ARTICLE_BOUND * self.batch_rows:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.rows.items():
            self.writers[name].write(rows)
            rows.clear()
        self.buffered = 0

    def abort(self) -> None:
        for writer in self.writers.values():
            writer.abort()

    def close(self, shard: int) -> ShardResult:
        self.flush()
        result = ShardResult(shard)
        for name, writer in self.writers.items():
            path = writer.close()
            result.counts[name] = writer.rows
            if path is not None:
                result.parts[name] = str(path)
        return result


def process_shard(files: list[InputFile], run: RunInfo, out_dir: str | Path, shard: int, batch_rows: int = 500) -> ShardResult:
    """Read, clean and extract statements from a batch of files, streaming staged parts to out_dir.

    Args:
        files: the shard's input files (not yet in the lake's manifest).
        run: the run's id and logical date.
        out_dir: the run's staging directory (see tasks/run/layout.py).
        shard: this shard's number, for file names.
        batch_rows: articles buffered before a row group is flushed (bounds memory).

    Returns:
        Staged part paths and counts per table.
    """
    buffers = _ShardBuffers(Staging(Path(out_dir), run.run_id), shard, batch_rows)
    try:
        for file in files:
            _process_file(file, run, buffers)
            failpoint("shard.file_done")
        result = buffers.close(shard)
    except BaseException:
        buffers.abort()
        raise
    failpoint("shard.closed")
    return result


def _process_file(file: InputFile, run: RunInfo, buffers: _ShardBuffers) -> None:
    """Stage the rows of one file (or piece): its articles, headlines and statements, its rejections, its manifest
    row."""
    n_articles, n_rejected, skipped = 0, 0, Counter()
    fmt = "unknown"
    for item in _cleaned(file):
        if isinstance(item, RawArticle):
            fmt = item.source_format
        elif isinstance(item, SkippedRecord):
            skipped[item.kind] += 1
        elif isinstance(item, Rejected):
            buffers.add("quarantine", [quarantine_row(item, run)])
            n_rejected += 1
        else:
            buffers.add("headlines", headline_rows(item, run))
            buffers.add("articles", [article_row(item, run)])
            n_articles += 1
            try:
                buffers.add("statements", statement_rows(item, extract_statements(item.body), run))
            except Exception as error:  # noqa: BLE001 - the article is kept, its statements are quarantined
                rejection = unexpected(item.source_uri, file.content_sha256, "statements", error)
                buffers.add("quarantine", [quarantine_row(rejection, run)])
                n_rejected += 1
    # The manifest row of this file (or of this piece of it: the merge sums a file's pieces, and makes its outcome).
    buffers.add("files", [file_row(file, fmt, n_articles, n_rejected, skipped, run)])
