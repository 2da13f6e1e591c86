-- One row per attributed statement; content = articles.body[content_start:content_end] (0-based, end exclusive).
create or replace view statements as
select
    statement_id, article_id, speaker, speaker_canonical, speaker_type, cue, content, kind,
    content_start, content_end, speaker_start, speaker_end, cue_start, cue_end, rule,
    run_id, ingest_date
from src_statements;
