-- One row per headline of a new article that the lake does not have, with the article's lead (story-matching context)
-- and whether its seen_at is the article's own time (published or fetched) or only the run's midnight.
-- Only the headlines of the copy of the article that won are kept (won_headlines: winning_copy_rows.sql).
with
unseen as (
    select * from won_headlines anti join src_headlines using (headline_id)
),
ranked as (
    select *, row_number() over (partition by headline_id order by role) as copy_no from unseen
),
final as (
    select r.headline_id, r.article_id, r.text, r.role, r.seen_at, r.source, r.run_id, r.ingest_date,
           nullif(left(a.body, $lead_chars), '') as lead,
           (a.published_at is not null or a.fetched_at is not null) as dated
    from ranked r
    join new_articles a using (article_id)
    where r.copy_no = 1
)
select * from final order by seen_at, headline_id;
