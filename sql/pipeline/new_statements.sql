-- One row per statement of a new article (statement ids are unique per article and content span), from the copy of
-- the article that won, so that every offset points into the body the lake keeps.
with
staged as (
    select * exclude (filename) from staged_statements
),
kept as (
    select st.* exclude (source_uri) from staged st semi join new_articles using (article_id, source_uri)
),
ranked as (
    select *, row_number() over (partition by statement_id order by content_start) as copy_no from kept
),
final as (
    select * exclude (copy_no) from ranked where copy_no = 1
)
select * from final order by article_id, content_start;
