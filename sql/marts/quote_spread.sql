-- One row per quote (a statement and its copies in other articles): where and when it first appeared, who said it,
-- and every later repetition with its outlet and delay; n_outlets counts every outlet that carried it.
create or replace view quote_spread as
with
-- Only the columns the spread needs go through the grouping; the first appearance's content and speaker are
-- joined back for that one statement (a window over every column carried every statement's text).
appearances as (
    select quote_id, statement_id, article_id, source, seen_at from statement_context
),
firsts as (
    select quote_id, arg_min(statement_id, (seen_at, statement_id)) as first_statement_id, min(seen_at) as first_seen
    from appearances
    group by quote_id
),
first_appearance as (
    select c.quote_id, c.article_id as first_article_id, c.source as first_source, f.first_seen, c.content,
           coalesce(c.speaker_canonical, nullif(c.speaker, '')) as speaker, c.speaker_id
    from firsts f
    join statement_context c on c.statement_id = f.first_statement_id
),
repetitions as (
    select
        a.quote_id,
        list({'article_id': a.article_id, 'source': a.source, 'seen_at': a.seen_at,
              'delay_hours': round(epoch(a.seen_at - f.first_seen) / 3600, 1)} order by a.seen_at, a.statement_id)
            filter (where a.statement_id <> f.first_statement_id) as repetitions,
        count(distinct a.article_id) as n_articles,
        count(distinct a.source) as n_outlets,
        max(a.seen_at) as last_seen
    from appearances a
    join firsts f using (quote_id)
    group by a.quote_id
),
final as (
    select f.quote_id, f.speaker, f.speaker_id, f.content, f.first_article_id, f.first_source, f.first_seen,
           r.n_articles, r.n_outlets, coalesce(r.repetitions, []) as repetitions,
           round(epoch(r.last_seen - f.first_seen) / 3600, 1) as spread_hours
    from first_appearance f
    join repetitions r using (quote_id)
)
select * from final;
