-- One row per input path this run met: the files the shards read, the inputs skipped at planning, and the paths
-- rejected while discovering (skipped when the lake already holds the same rejection of the same path).
create or replace table run_inputs as
with
rejected as (
    select p.source_uri, p.error_kind, p.error, min(q.run_id) as earlier_run
    from planned_quarantine p
    left join src_quarantine q using (source_uri, stage, error_kind)
    group by all
),
from_discovery as (
    select
        source_uri,
        null::varchar as content_sha256,
        null::bigint as size_bytes,
        if(earlier_run is null, 'quarantined', 'skipped') as outcome,
        if(earlier_run is null, error_kind, 'seen_before') as reason,
        if(earlier_run is null, error, 'quarantined before as ' || error_kind || ' (run ' || earlier_run || ')') as detail,
        $run_id as run_id,
        $run_date::date as ingest_date
    from rejected
),
final as (
    select * exclude (filename) from staged_inputs
    union all by name select * from planned_inputs
    union all by name select * from from_discovery
)
select * from final order by source_uri;
