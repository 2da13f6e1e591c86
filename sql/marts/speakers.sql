-- One row per canonical speaker: how often and where they are quoted.
create or replace view speakers as
with
statement_rows as (
    select coalesce(nullif(speaker_canonical, ''), nullif(speaker, ''), '(unnamed)') as speaker, speaker_type, kind, article_id
    from statements
),
final as (
    select
        speaker,
        mode(speaker_type) as speaker_type,
        count(*) as n_statements,
        count(*) filter (where kind = 'direct') as n_direct,
        count(distinct article_id) as n_articles
    from statement_rows
    group by speaker
)
select * from final;
