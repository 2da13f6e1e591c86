-- One row per headline, with its story and the article's outlet and URL: a story with all its headlines and sources.
create or replace view story_headlines as
with
headline_rows as (
    select story_id, dup_group_id, headline_id, article_id, text, role, is_canonical, seen_at from headlines
),
article_rows as (
    select article_id, source, url, published_at from articles
),
final as (
    select
        s.story_id,
        s.canonical_headline,
        h.dup_group_id,
        h.text as headline,
        h.role,
        h.is_canonical,
        a.source,
        a.url,
        h.seen_at,
        h.article_id
    from headline_rows h
    join stories s using (story_id)
    left join article_rows a using (article_id)
)
select * from final;
