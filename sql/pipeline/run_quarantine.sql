-- One row per rejection of this run: the shards', and those found while discovering the input paths, unless the
-- lake already holds the same rejection of the same path (a rerun over an unchanged landing zone adds no row).
with
discovered as (
    select p.* from planned_quarantine p
    anti join src_quarantine q using (source_uri, stage, error_kind)
),
final as (
    select * exclude (filename) from staged_quarantine
    union all by name
    select * from discovered
)
select * from final;
