-- One row per run of the nightly flow; status is completed, partial (something was quarantined) or failed.
create or replace view runs as
select
    run_id, flow_run_id, run_date, started_at, finished_at, status, files_seen, files_new, skipped,
    articles, duplicates, headlines, stories_new, statements, quarantined, ingest_date
from src_runs;
