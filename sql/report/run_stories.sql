-- The stories a run added headlines to, biggest first: one row per story.
with
run_headlines as (
    select story_id, count(*) as n_new_headlines from headlines where run_id = $run_id group by story_id
),
final as (
    select s.canonical_headline, r.n_new_headlines, s.n_headlines, s.n_sources, s.ingest_date = $run_date::date as is_new
    from run_headlines r
    join stories s using (story_id)
)
select * from final order by n_new_headlines desc, n_sources desc, canonical_headline limit $top;
