-- One row per input path this run met: the files it read (ingested, or quarantined when nothing in them was
-- readable), the inputs skipped at planning, and the paths rejected while discovering (skipped when the lake
-- already holds the same rejection of the same path).
create or replace table run_inputs as
with
first_rejection as (
    -- The reason a file gave nothing: its own rejection before any of its lines' or records'.
    select content_sha256, arg_min(error_kind, (contains(source_uri, '#'), source_uri)) as error_kind
    from staged_quarantine
    group by content_sha256
),
from_shards as (
    select
        f.source_uri,
        f.content_sha256,
        f.size_bytes,
        if(f.articles > 0 or f.quarantined = 0, 'ingested', 'quarantined') as outcome,
        if(f.articles > 0 or f.quarantined = 0, 'articles', r.error_kind) as reason,
        f.articles || ' articles, ' || f.quarantined || ' parts quarantined' as detail,
        f.run_id,
        f.ingest_date
    from run_files f
    left join first_rejection r using (content_sha256)
),
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
    select * from from_shards
    union all by name select * from planned_inputs
    union all by name select * from from_discovery
)
select * from final order by source_uri;
