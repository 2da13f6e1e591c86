-- One row per article of this run that the lake does not have yet; the first copy (by source_uri) wins within the run.
create or replace table new_articles as
with
staged as (
    select * exclude (filename) from staged_articles
),
unseen as (
    select * from staged anti join src_articles using (article_id)
),
ranked as (
    select *, row_number() over (partition by article_id order by source_uri) as copy_no from unseen
),
final as (
    select * exclude (copy_no) from ranked where copy_no = 1
)
select * from final;
