-- One row per story in the rewritten stories files: the new summary of every story this run touched (keeping the
-- ingest_date, i.e. partition, of the run that created it), plus the untouched rows of the files being rewritten.
with
touched as (
    select s.*, old.ingest_date is null as is_new, coalesce(old.ingest_date, $run_date::date) as ingest_date
    from summaries s
    left join (select story_id, ingest_date from src_stories) old using (story_id)
),
untouched as (
    select * exclude (filename), false as is_new
    from src_stories
    where filename in (select filename from rewrite_files)
      and story_id not in (select story_id from summaries)
),
final as (
    select * from touched union all by name select * from untouched
)
select * from final order by ingest_date, story_id;
