-- One row per input (file, JSONL line or WARC record) that could not be read, with the reason.
create or replace view quarantine as
select source_uri, content_sha256, stage, error_kind, error, run_id, quarantined_at, ingest_date
from src_quarantine;
