"""Arrow schemas of every lake table, declared once with a description per column."""

from __future__ import annotations

import pyarrow as pa


def _field(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"doc": doc})


def _schema(grain: str, *fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata={"grain": grain})


TS = pa.timestamp("us", tz="UTC")

ARTICLES = _schema(
    "one row per article (unique article_id)",
    _field("article_id", pa.string(), "sha256-derived id of the URL, else of source + title + body", False),
    _field("external_id", pa.string(), "the publisher's or feed's own id (JSONL `id`), if any"),
    _field("source_uri", pa.string(), "file the article came from, with #line-N (JSONL) or #offset-N (WARC) for a part of it", False),
    _field("source_format", pa.string(), "txt | html | jsonl | warc", False),
    _field("url", pa.string(), "canonical URL of the article, if known"),
    _field("source", pa.string(), "outlet or feed name (JSONL `source`, og:site_name, host)"),
    _field("site_name", pa.string(), "site name as the page declares it"),
    _field("language", pa.string(), "BCP-47 language tag, if known"),
    _field("published_at", TS, "publication time in UTC"),
    _field("published_utc_offset_minutes", pa.int16(), "UTC offset the page wrote its publication time in"),
    _field("fetched_at", TS, "crawl time (WARC-Date) for crawled pages"),
    _field("authors", pa.list_(pa.string()), "author names, cleaned"),
    _field("title", pa.string(), "main headline, normalized whitespace"),
    _field("body", pa.string(), "clean body text, paragraphs separated by a blank line"),
    _field("word_count", pa.int32(), "whitespace-separated tokens in body", False),
    _field("replacement_chars", pa.int32(),
           "U+FFFD characters in body: bytes of the input that could not be decoded (0 = a clean decode)", False),
    _field(
        "stray_blocks",
        pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32()), ("heading", pa.string())])),
        "blocks of another story pasted into the body (kept, flagged): offsets into body and their heading line",
    ),
    _field("content_sha256", pa.string(), "sha256 of the input file the article came from", False),
    _field("run_id", pa.string(), "run that ingested the article", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

HEADLINES = _schema(
    "one row per distinct headline text of an article",
    _field("headline_id", pa.string(), "sha256-derived id of article_id + headline text", False),
    _field("article_id", pa.string(), "article the headline belongs to", False),
    _field("text", pa.string(), "headline as published (whitespace normalized)", False),
    _field("text_norm", pa.string(), "normalized form used for duplicate folding (see tasks/headlines/norm.py)", False),
    _field("role", pa.string(), "where the headline came from: title | variant | og | twitter | jsonld | h1 | html_title", False),
    _field("dup_group_id", pa.string(), "same headline after normalization and small edits", False),
    _field("story_id", pa.string(), "same story, possibly different wording; stable across runs", False),
    _field("is_canonical", pa.bool_(), "first headline seen in its dup group (stable: later arrivals never take it)", False),
    _field("seen_at", TS, "published_at of the article, else the run's logical date", False),
    _field("source", pa.string(), "outlet of the article (denormalized for story counts)"),
    _field("run_id", pa.string(), "run that ingested the headline", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

STORIES = _schema(
    "one row per story (unique story_id); rewritten when a later run adds headlines",
    _field("story_id", pa.string(), "story id shared by headlines.story_id", False),
    _field("canonical_headline", pa.string(), "representative headline (rule in tasks/headlines/summary.py)", False),
    _field("n_headlines", pa.int32(), "headline rows in the story", False),
    _field("n_dup_groups", pa.int32(), "distinct dup groups (wordings) in the story", False),
    _field("n_articles", pa.int32(), "distinct articles in the story", False),
    _field("n_sources", pa.int32(), "distinct outlets in the story", False),
    _field("first_seen", TS, "earliest seen_at of its headlines", False),
    _field("last_seen", TS, "latest seen_at of its headlines", False),
    _field("ingest_date", pa.date32(), "logical date of the run that created the story (partition key)", False),
)

STATEMENTS = _schema(
    "one row per attributed statement",
    _field("statement_id", pa.string(), "sha256-derived id of article_id + content offsets", False),
    _field("article_id", pa.string(), "article the statement is in", False),
    _field("speaker", pa.string(), "speaker mention as written in the sentence (may be empty for passives)"),
    _field("speaker_canonical", pa.string(), "speaker resolved to the fullest name in the article"),
    _field("speaker_type", pa.string(), "person | organization | publication | anonymous | unresolved", False),
    _field("speaker_key", pa.string(),
           "lake-wide name key of the speaker (persons: first and last name); null when anonymous or unresolved"),
    _field("cue", pa.string(), "reporting verb or multi-word cue as written", False),
    _field("content", pa.string(), "what was said: its fragments joined with ' … ' (the attribution between them left out)", False),
    _field("kind", pa.string(), "direct | indirect | mixed", False),
    _field("content_start", pa.int32(), "offset in articles.body where the first fragment starts", False),
    _field("content_end", pa.int32(), "end offset (exclusive) of the last fragment", False),
    _field(
        "fragments",
        pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32())])),
        "the quoted or reported pieces, in order: each is articles.body[start:end]",
        False,
    ),
    _field("speaker_start", pa.int32(), "offset of the speaker mention in articles.body"),
    _field("speaker_end", pa.int32(), "end offset (exclusive) of the speaker mention"),
    _field("cue_start", pa.int32(), "offset of the cue in articles.body"),
    _field("cue_end", pa.int32(), "end offset (exclusive) of the cue"),
    _field("rule", pa.string(), "name of the extraction rule that produced the row", False),
    _field("quote_id", pa.string(), "same quote repeated across articles (identical, trimmed or edited copies)", False),
    _field("run_id", pa.string(), "run that extracted the statement", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

QUARANTINE = _schema(
    "one row per input (file, line or record) that could not be read",
    _field("source_uri", pa.string(), "file, with #line-N (JSONL) or #offset-N (WARC) for a part of it", False),
    _field("content_sha256", pa.string(), "sha256 of the whole input file"),
    _field("stage", pa.string(), "stage that rejected it: discover | ingest | clean | statements", False),
    _field("error_kind", pa.string(), "short machine-readable reason, e.g. empty_file, binary_file, bad_json", False),
    _field("error", pa.string(), "human-readable explanation", False),
    _field("run_id", pa.string(), "run that quarantined it", False),
    _field("quarantined_at", TS, "wall-clock time of quarantine", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

FILES = _schema(
    "one row per distinct input file content ever ingested (the incremental manifest)",
    _field("content_sha256", pa.string(), "sha256 of the file's bytes: the dedup key", False),
    _field("source_uri", pa.string(), "path the content was first seen at", False),
    _field("size_bytes", pa.int64(), "file size", False),
    _field("source_format", pa.string(), "detected format, or `unknown`", False),
    _field("articles", pa.int32(), "articles read from it", False),
    _field("quarantined", pa.int32(), "quarantine rows it produced", False),
    _field("skipped_records", pa.map_(pa.string(), pa.int32()),
           "records that are no article by design, per kind (WARC request, metadata, warcinfo)", False),
    _field("run_id", pa.string(), "run that ingested it", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

INPUTS = _schema(
    "one row per input path per run: what became of it",
    _field("source_uri", pa.string(), "the path (bytes of a name that are not UTF-8 written as backslash escapes)", False),
    _field("content_sha256", pa.string(), "sha256 of its bytes, when it could be read"),
    _field("size_bytes", pa.int64(), "file size, when known"),
    _field("outcome", pa.string(), "ingested (read: see files, articles, quarantine) | quarantined | skipped", False),
    _field("reason", pa.string(),
           "articles | the error_kind | seen_before (content already in the lake) | duplicate_in_run", False),
    _field("detail", pa.string(), "human-readable: counts, the error, or the path and run it duplicates", False),
    _field("run_id", pa.string(), "run that saw the path", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

RUNS = _schema(
    "one row per run of the nightly flow",
    _field("run_id", pa.string(), "newslake run id (time-ordered)", False),
    _field("flow_run_id", pa.string(), "Prefect flow run id, if run under Prefect"),
    _field("run_date", pa.date32(), "logical date the run processed", False),
    _field("started_at", TS, "wall-clock start", False),
    _field("finished_at", TS, "wall-clock end of the last stage, just before the snapshot holding this row is "
           "published (publishing, views.sql and the orphan sweep follow, in the log)", False),
    _field("status", pa.string(), "completed | partial (something was quarantined) | failed", False),
    _field(
        "stage_seconds",
        pa.struct([(name, pa.float64()) for name in ("discover", "shards", "merge", "commit", "report")]),
        "wall seconds per stage; they add up to finished_at - started_at",
    ),
    _field("startup_seconds", pa.float64(), "seconds the run paid before its first stage (Prefect's start-up)"),
    _field("files_seen", pa.int32(), "input files discovered", False),
    _field("files_new", pa.int32(), "input files not ingested before", False),
    _field("skipped", pa.int32(), "input paths skipped: content already in the lake, or a copy of another input", False),
    _field("articles", pa.int32(), "new article rows", False),
    _field("duplicates", pa.int32(), "articles skipped because the lake (or this run) already had them", False),
    _field("headlines", pa.int32(), "new headline rows", False),
    _field("stories_new", pa.int32(), "stories created by this run", False),
    _field("statements", pa.int32(), "new statement rows", False),
    _field("quarantined", pa.int32(), "new quarantine rows", False),
    _field("ingest_date", pa.date32(), "logical date of the run (partition key)", False),
)

# Internal: rows as a shard stages them. Each keeps the source_uri of the copy of its article it came from, so
# that when two inputs hold one article (same article_id), the merge keeps the rows of the copy that won.
_COPY = _field("source_uri", pa.string(), "input the article copy came from (the merge keeps the winning copy's rows)", False)
STAGED_HEADLINES = _schema(
    "one row per distinct headline text of an article copy, before clustering",
    *(f for f in HEADLINES if f.name not in {"text_norm", "dup_group_id", "story_id", "is_canonical"}),
    _COPY,
)
STAGED_STATEMENTS = _schema(
    "one row per statement of an article copy (quote ids are assigned by the merge)",
    *(f for f in STATEMENTS if f.name != "quote_id"),
    _COPY,
)

# What shards stage per table, before the merge (tasks/run/shard.py writes them, tasks/run/merge.py reads them).
STAGED: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "headlines": STAGED_HEADLINES,
    "statements": STAGED_STATEMENTS,
    "quarantine": QUARANTINE,
    "files": FILES,
}

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "headlines": HEADLINES,
    "stories": STORIES,
    "statements": STATEMENTS,
    "quarantine": QUARANTINE,
    "files": FILES,
    "inputs": INPUTS,
    "runs": RUNS,
}


def describe(schema: pa.Schema) -> list[tuple[str, str, str]]:
    """Return (column, type, description) triples, for docs and the `newslake tables` command."""
    return [(f.name, str(f.type), (f.metadata or {}).get(b"doc", b"").decode()) for f in schema]
