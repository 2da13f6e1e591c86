-- The story index: headlines already in the lake within the matching window around the run date, with their lead.
with
windowed as (
    select headline_id, article_id, text, text_norm, dup_group_id, story_id, seen_at, source
    from src_headlines
    where seen_at >= $since and seen_at < $until
),
final as (
    select w.*, nullif(left(a.body, $lead_chars), '') as lead
    from windowed w
    left join src_articles a using (article_id)
)
select * from final order by seen_at, headline_id;
