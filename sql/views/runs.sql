-- One row per run of the nightly flow; status is completed, partial (something was quarantined) or failed.
-- stage_seconds says where the time went (discover, shards, merge, commit, report); startup_seconds what the run
-- paid before it (Prefect's start-up).
create or replace view runs as
select
    run_id, flow_run_id, run_date, started_at, finished_at, status, stage_seconds, startup_seconds, files_seen,
    files_new, skipped, articles, duplicates, headlines, stories_new, statements, quarantined, ingest_date
from src_runs;
