-- One row per speaker across the lake (persons and named organizations; anonymous and unresolved speakers are no
-- one speaker across articles): the name most often written, the other names seen, and where they were quoted.
create or replace view speakers as
with
named as (
    select * from statement_context where speaker_id is not null
),
names as (
    select speaker_id, speaker_canonical as name, count(*) as n from named group by all
),
display as (
    select speaker_id, arg_max(name, n * 1000 + length(name)) as name from names group by speaker_id
),
counts as (
    select
        speaker_id,
        mode(speaker_type) as speaker_type,
        count(*) as n_statements,
        count(*) filter (where kind = 'direct') as n_direct,
        count(distinct article_id) as n_articles,
        count(distinct source) as n_outlets,
        count(distinct story_id) as n_stories,
        count(distinct quote_id) as n_quotes,
        min(seen_at) as first_seen,
        max(seen_at) as last_seen,
        list(distinct speaker_canonical order by speaker_canonical) as all_names
    from named
    group by speaker_id
),
final as (
    select
        c.speaker_id, d.name, list_filter(c.all_names, lambda x: x <> d.name) as other_names, c.speaker_type,
        c.n_statements, c.n_direct, c.n_articles, c.n_outlets, c.n_stories, c.n_quotes, c.first_seen, c.last_seen
    from counts c
    join display d using (speaker_id)
)
select * from final;
