-- One row per statement, with who said it across the lake (speaker_id), the story and outlet of its article and the
-- article's time: what the speaker, story and quote marts count. night = the run date that ingested it.
create or replace view statement_context as
with
article_rows as (
    select article_id, source, url, coalesce(published_at, fetched_at, timezone('UTC', ingest_date::timestamp)) as seen_at
    from articles
),
article_story as (
    select article_id, any_value(story_id order by (role = 'title') desc, headline_id) as story_id
    from headlines
    group by article_id
),
final as (
    select
        st.statement_id, st.article_id, st.speaker, st.speaker_canonical, st.speaker_type, st.speaker_key,
        i.speaker_id, st.kind, st.cue, st.content, st.quote_id, s.story_id, a.source, a.url, a.seen_at,
        st.ingest_date as night, st.run_id
    from statements st
    left join speaker_identity i using (speaker_key)
    left join article_story s using (article_id)
    left join article_rows a using (article_id)
)
select * from final;
