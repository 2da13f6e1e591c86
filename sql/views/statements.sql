-- One row per attributed statement. Offsets are 0-based, end exclusive, into articles.body: each fragment is
-- substr(body, start + 1, end - start); content joins the fragments with ' … '.
create or replace view statements as
select
    statement_id, article_id, speaker, speaker_canonical, speaker_type, cue, content, kind,
    content_start, content_end, fragments, speaker_start, speaker_end, cue_start, cue_end, rule,
    run_id, ingest_date
from src_statements;
