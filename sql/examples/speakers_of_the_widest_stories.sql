-- Who is quoted on the stories that the most outlets cover?
with
widest as (
    select story_id, canonical_headline, n_sources from stories order by n_sources desc, n_articles desc, story_id limit 3
),
final as (
    select w.canonical_headline, w.n_sources as story_outlets, coalesce(s.name, c.speaker_canonical, c.speaker) as speaker,
           count(*) as n_statements
    from widest w
    join statement_context c using (story_id)
    left join speakers s using (speaker_id)
    group by all
)
select * from final order by story_outlets desc, canonical_headline, n_statements desc, speaker;
