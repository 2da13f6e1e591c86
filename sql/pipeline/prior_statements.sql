-- The quote index: the lake's statements of articles seen within the matching window, with their quote ids.
-- An undated article is seen at its night's midnight UTC, as in tasks/run/rows.py (whatever the session's time zone).
with
windowed_articles as (
    select article_id, coalesce(published_at, fetched_at, timezone('UTC', ingest_date::timestamp)) as seen_at
    from src_articles
    where coalesce(published_at, fetched_at, timezone('UTC', ingest_date::timestamp)) >= $since
),
final as (
    select s.statement_id, s.content, s.speaker_key, a.seen_at, s.quote_id
    from src_statements s
    join windowed_articles a using (article_id)
)
select * from final order by seen_at, statement_id;
