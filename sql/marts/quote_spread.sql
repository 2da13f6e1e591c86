-- One row per quote (a statement and its copies in other articles): where and when it first appeared, who said it,
-- and every later repetition with its outlet and delay; n_outlets counts every outlet that carried it.
create or replace view quote_spread as
with
ranked as (
    select *, row_number() over (partition by quote_id order by seen_at, statement_id) as appearance
    from statement_context
),
first_appearance as (
    select quote_id, article_id as first_article_id, source as first_source, seen_at as first_seen, content,
           coalesce(speaker_canonical, nullif(speaker, '')) as speaker, speaker_id
    from ranked
    where appearance = 1
),
repetitions as (
    select
        r.quote_id,
        list({'article_id': r.article_id, 'source': r.source, 'seen_at': r.seen_at,
              'delay_hours': round(epoch(r.seen_at - f.first_seen) / 3600, 1)} order by r.seen_at, r.statement_id)
            filter (where r.appearance > 1) as repetitions,
        count(distinct r.article_id) as n_articles,
        count(distinct r.source) as n_outlets,
        max(r.seen_at) as last_seen
    from ranked r
    join first_appearance f using (quote_id)
    group by r.quote_id
),
final as (
    select f.quote_id, f.speaker, f.speaker_id, f.content, f.first_article_id, f.first_source, f.first_seen,
           r.n_articles, r.n_outlets, coalesce(r.repetitions, []) as repetitions,
           round(epoch(r.last_seen - f.first_seen) / 3600, 1) as spread_hours
    from first_appearance f
    join repetitions r using (quote_id)
)
select * from final;
