-- Every headline of the stories this run touched: the lake's rows plus this run's clustered rows.
with
touched as (
    select distinct story_id from clustered
),
lake_rows as (
    select headline_id, article_id, text, dup_group_id, story_id, is_canonical, seen_at, source
    from src_headlines semi join touched using (story_id)
),
new_rows as (
    select headline_id, article_id, text, dup_group_id, story_id, is_canonical, seen_at, source from clustered
),
final as (
    select * from lake_rows union all select * from new_rows
)
select * from final;
