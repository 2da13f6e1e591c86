-- One row per distinct headline text of an article; dup_group_id folds re-sent copies, story_id groups a story.
create or replace view headlines as
select
    headline_id, article_id, text, text_norm, role, dup_group_id, story_id, is_canonical,
    seen_at, source, run_id, ingest_date
from src_headlines;
