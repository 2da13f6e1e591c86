-- One row per story per night (the run date that ingested its headlines): what each night added to each story.
create or replace view story_nights as
with
nightly as (
    select story_id, ingest_date as night, count(*) as n_headlines, count(distinct article_id) as n_articles,
           count(distinct source) as n_outlets
    from headlines
    group by story_id, ingest_date
),
final as (
    select n.story_id, s.canonical_headline, n.night, n.n_headlines, n.n_articles, n.n_outlets,
           s.n_headlines as story_headlines, s.n_sources as story_outlets, s.ingest_date = n.night as is_new
    from nightly n
    join stories s using (story_id)
)
select * from final;
