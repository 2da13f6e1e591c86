-- One row per article of this run that the lake does not have yet; the first copy (by source_uri) wins within the run.
-- The winner is chosen on the keys alone and the staged rows are then filtered by it, so the bodies stream through
-- once instead of all being held for a window over every column (1.6 GB for a night of 100,000 articles).
-- (article_id, source_uri) names one copy: a source_uri is one input part (a file, a JSONL line, a WARC record).
create or replace table new_articles as
with
winners as (
    select article_id, min(source_uri) as source_uri
    from staged_articles anti join src_articles using (article_id)
    group by article_id
),
final as (
    select s.* exclude (filename)
    from staged_articles s semi join winners using (article_id, source_uri)
)
select * from final;
