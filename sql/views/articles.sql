-- One row per article (unique article_id).
create or replace view articles as
select
    article_id, external_id, source_uri, source_format, url, source, site_name, language,
    published_at, published_utc_offset_minutes, fetched_at, authors,
    title, body, word_count, replacement_chars, stray_blocks, content_sha256, run_id, ingest_date
from src_articles;
