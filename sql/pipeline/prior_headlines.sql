-- The story index: headlines already in the lake within the matching window around the run date, with their lead
-- and whether their seen_at is the article's own time (an undated article's is its run's midnight).
with
windowed as (
    select headline_id, article_id, text, text_norm, dup_group_id, story_id, seen_at, source
    from src_headlines
    where seen_at >= $since and seen_at < $until
),
final as (
    select w.*, nullif(left(a.body, $lead_chars), '') as lead,
           (a.article_id is null or a.published_at is not null or a.fetched_at is not null) as dated
    from windowed w
    left join src_articles a using (article_id)
)
select * from final order by seen_at, headline_id;
