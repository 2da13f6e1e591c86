-- One row per input path per run: ingested (read), quarantined (with the reason), or skipped (its content was
-- already in the lake, or it is a copy of another input of the same run). Every path a run met is here once.
create or replace view inputs as
select source_uri, content_sha256, size_bytes, outcome, reason, detail, run_id, ingest_date
from src_inputs;
