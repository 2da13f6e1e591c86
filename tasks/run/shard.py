"""Shard stage: read, clean and extract statements from one batch of input files into staged Parquet parts.

A shard is the unit of parallelism: it takes file paths, writes its own part files and returns
only paths and counts, so nothing large travels through Prefect results or across a Dask cluster.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path

from tasks.clean.article import CleanArticle, clean_article
from tasks.ids import stable_id
from tasks.ingest.read import InputFile, RawArticle, Rejected, read_input
from tasks.lake.store import PartWriter
from tasks.lake.schemas import ARTICLES, FILES, QUARANTINE, STAGED_HEADLINES, STATEMENTS
from tasks.statements.extract import extract_statements

STAGED_TABLES = {
    "articles": ARTICLES,
    "headlines": STAGED_HEADLINES,
    "statements": STATEMENTS,
    "quarantine": QUARANTINE,
    "files": FILES,
}


@dataclass(frozen=True)
class RunInfo:
    """What every shard needs to know about its run."""

    run_id: str
    run_date: date

    @property
    def run_midnight(self) -> datetime:
        return datetime.combine(self.run_date, time(0), tzinfo=timezone.utc)


@dataclass
class ShardResult:
    """Paths of a shard's staged parts (table -> file) and its row counts: small enough for any result store."""

    shard: int
    parts: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def quarantine_row(rejected: Rejected, run: RunInfo) -> dict[str, object]:
    """The quarantine row of one rejection."""
    return {
        "source_uri": rejected.source_uri,
        "content_sha256": rejected.content_sha256,
        "stage": rejected.stage,
        "error_kind": rejected.error_kind,
        "error": rejected.error,
        "run_id": run.run_id,
        "quarantined_at": datetime.now(timezone.utc),
        "ingest_date": run.run_date,
    }


def article_rows(article: CleanArticle, run: RunInfo) -> tuple[dict[str, object], list[dict[str, object]]]:
    """The `articles` row and the staged `headlines` rows of one clean article."""
    row = {
        "article_id": article.article_id,
        "external_id": article.external_id,
        "source_uri": article.source_uri,
        "source_format": article.source_format,
        "url": article.url,
        "source": article.source,
        "site_name": article.site_name,
        "language": article.language,
        "published_at": article.published_at,
        "published_utc_offset_minutes": article.published_utc_offset_minutes,
        "fetched_at": article.fetched_at,
        "authors": list(article.authors),
        "title": article.title,
        "body": article.body,
        "word_count": len(article.body.split()),
        "stray_blocks": [{"start": start, "end": end, "heading": heading} for start, end, heading in article.stray_blocks],
        "content_sha256": article.content_sha256,
        "run_id": run.run_id,
        "ingest_date": run.run_date,
    }
    seen_at = article.published_at or article.fetched_at or run.run_midnight
    headlines = [
        {
            "headline_id": stable_id(article.article_id, text),
            "article_id": article.article_id,
            "text": text,
            "role": role,
            "seen_at": seen_at,
            "source": article.source,
            "run_id": run.run_id,
            "ingest_date": run.run_date,
        }
        for role, text in article.headlines
    ]
    return row, headlines


def statement_rows(article: CleanArticle, run: RunInfo) -> list[dict[str, object]]:
    """The `statements` rows of one clean article, with offsets into its body."""
    rows = []
    for found in extract_statements(article.body):
        rows.append(
            {
                "statement_id": stable_id(article.article_id, str(found.content_start), str(found.content_end)),
                "article_id": article.article_id,
                "speaker": found.speaker,
                "speaker_canonical": found.speaker_canonical,
                "speaker_type": found.speaker_type,
                "cue": found.cue,
                "content": found.content,
                "kind": found.kind,
                "content_start": found.content_start,
                "content_end": found.content_end,
                "speaker_start": found.speaker_start,
                "speaker_end": found.speaker_end,
                "cue_start": found.cue_start,
                "cue_end": found.cue_end,
                "rule": found.rule,
                "run_id": run.run_id,
                "ingest_date": run.run_date,
            }
        )
    return rows


def _unexpected(source_uri: str, sha: str | None, stage: str, error: Exception) -> Rejected:
    # A bug must not sink the night: the item is quarantined with the exception, and the run goes on.
    where = traceback.extract_tb(error.__traceback__)[-1]
    return Rejected(source_uri, sha, stage, "unexpected_error",
                    f"{type(error).__name__}: {error} (at {Path(where.filename).name}:{where.lineno})")


def process_shard(files: list[InputFile], run: RunInfo, out_dir: str | Path, shard: int, batch_rows: int = 500) -> ShardResult:
    """Read, clean and extract statements from a batch of files, streaming staged parts to out_dir.

    Args:
        files: the shard's input files (not yet in the lake's manifest).
        run: the run's id and logical date.
        out_dir: the run's staging directory; parts go to <out_dir>/<table>/shard-<n>.parquet.
        shard: this shard's number, for file names.
        batch_rows: articles buffered before a row group is flushed (bounds memory).

    Returns:
        Staged part paths and counts per table.
    """
    out = Path(out_dir)
    writers = {name: PartWriter(out / name / f"shard-{shard:05d}.parquet", schema) for name, schema in STAGED_TABLES.items()}
    buffers: dict[str, list[dict[str, object]]] = {name: [] for name in STAGED_TABLES}

    def flush() -> None:
        for name, rows in buffers.items():
            writers[name].write(rows)
            rows.clear()

    for file in files:
        n_articles = n_rejected = 0
        fmt = "unknown"
        try:
            for item in read_input(file):
                if isinstance(item, RawArticle):
                    fmt = item.source_format
                    try:
                        item = clean_article(item)
                    except Exception as error:  # noqa: BLE001 - see _unexpected
                        item = _unexpected(item.source_uri, file.content_sha256, "clean", error)
                if isinstance(item, Rejected):
                    buffers["quarantine"].append(quarantine_row(item, run))
                    n_rejected += 1
                    continue
                row, headlines = article_rows(item, run)
                buffers["articles"].append(row)
                buffers["headlines"].extend(headlines)
                n_articles += 1
                try:
                    buffers["statements"].extend(statement_rows(item, run))
                except Exception as error:  # noqa: BLE001 - the article is kept, its statements are quarantined
                    buffers["quarantine"].append(quarantine_row(_unexpected(item.source_uri, file.content_sha256, "statements", error), run))
                    n_rejected += 1
                if len(buffers["articles"]) >= batch_rows:
                    flush()
        except Exception as error:  # noqa: BLE001 - a reader bug quarantines the rest of the file
            buffers["quarantine"].append(quarantine_row(_unexpected(file.path, file.content_sha256, "ingest", error), run))
            n_rejected += 1
        buffers["files"].append(
            {
                "content_sha256": file.content_sha256,
                "source_uri": file.path,
                "size_bytes": file.size_bytes,
                "source_format": fmt,
                "articles": n_articles,
                "quarantined": n_rejected,
                "run_id": run.run_id,
                "ingest_date": run.run_date,
            }
        )
    flush()
    result = ShardResult(shard)
    for name, writer in writers.items():
        path = writer.close()
        result.counts[name] = writer.rows
        if path is not None:
            result.parts[name] = str(path)
    return result
