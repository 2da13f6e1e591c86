-- One row per statement of a new article (statement ids are unique per article and content span), from the copy of
-- the article that won (won_statements: winning_copy_rows.sql), so that every offset points into the body the lake
-- keeps; with its article's time, for quote matching (the merge adds quote_id).
with
ranked as (
    -- Two rules may report one span: the one whose speaker and cue come first is kept, whatever the row order.
    select *, row_number() over (
        partition by statement_id order by speaker_start nulls last, cue_start nulls last, rule, speaker
    ) as copy_no
    from won_statements
),
final as (
    select r.* exclude (copy_no),
           coalesce(a.published_at, a.fetched_at, $run_midnight::timestamptz) as seen_at
    from ranked r
    join new_articles a using (article_id)
    where r.copy_no = 1
)
select * from final order by article_id, content_start;
