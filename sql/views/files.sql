-- One row per distinct input file content ingested: the manifest that makes runs incremental.
-- skipped_records counts, per kind, the records of a container (WARC) that are no article by design.
create or replace view files as
select content_sha256, source_uri, size_bytes, source_format, articles, quarantined, skipped_records, run_id, ingest_date
from src_files;
