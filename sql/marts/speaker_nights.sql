-- One row per speaker per night (the run date that ingested the statements): a speaker's coverage night by night.
create or replace view speaker_nights as
with
nightly as (
    select
        speaker_id,
        night,
        count(*) as n_statements,
        count(*) filter (where kind = 'direct') as n_direct,
        count(distinct article_id) as n_articles,
        count(distinct source) as n_outlets,
        count(distinct story_id) as n_stories
    from statement_context
    where speaker_id is not null
    group by speaker_id, night
),
final as (
    select n.speaker_id, s.name, s.speaker_type, n.night, n.n_statements, n.n_direct, n.n_articles, n.n_outlets,
           n.n_stories
    from nightly n
    join speakers s using (speaker_id)
)
select * from final;
