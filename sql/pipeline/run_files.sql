-- One row per input file this run read: the `files` manifest row, summed over the file's pieces (a large file is
-- read by several shards, each staging a row for its piece).
create or replace table run_files as
with
pieces as (
    select * exclude (filename) from staged_files
),
skipped as (
    select content_sha256, entry.key as kind, sum(entry.value)::integer as n
    from pieces, unnest(map_entries(skipped_records)) as records(entry)
    group by all
),
skipped_maps as (
    select content_sha256, map_from_entries(list({'key': kind, 'value': n} order by kind)) as skipped_records
    from skipped
    group by content_sha256
),
totals as (
    select
        content_sha256,
        min(source_uri) as source_uri,
        max(size_bytes) as size_bytes,
        coalesce(max(source_format) filter (where source_format <> 'unknown'), 'unknown') as source_format,
        sum(articles)::integer as articles,
        sum(quarantined)::integer as quarantined,
        any_value(run_id) as run_id,
        any_value(ingest_date) as ingest_date
    from pieces
    group by content_sha256
),
final as (
    select t.content_sha256, t.source_uri, t.size_bytes, t.source_format, t.articles, t.quarantined,
           coalesce(s.skipped_records, map()) as skipped_records, t.run_id, t.ingest_date
    from totals t
    left join skipped_maps s using (content_sha256)
)
select * from final;
