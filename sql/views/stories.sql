-- One row per story (unique story_id).
create or replace view stories as
select
    story_id, canonical_headline, n_headlines, n_dup_groups, n_articles, n_sources,
    first_seen, last_seen, ingest_date
from src_stories;
