-- One row per attributed statement. Offsets are 0-based, end exclusive, into articles.body: each fragment is
-- substr(body, start + 1, end - start); content joins the fragments with ' … '. speaker_key names the speaker
-- across the lake (see the speakers mart); quote_id is shared by the copies of one quote in other articles.
create or replace view statements as
select
    statement_id, article_id, speaker, speaker_canonical, speaker_type, speaker_key, cue, content, kind,
    content_start, content_end, fragments, speaker_start, speaker_end, cue_start, cue_end, rule, quote_id,
    run_id, ingest_date
from src_statements;
