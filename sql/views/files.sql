-- One row per distinct input file content ingested: the manifest that makes runs incremental.
create or replace view files as
select content_sha256, source_uri, size_bytes, source_format, articles, quarantined, run_id, ingest_date
from src_files;
