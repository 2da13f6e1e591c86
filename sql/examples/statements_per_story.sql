-- How many statements (and by how many speakers) each story carries.
select
    s.canonical_headline,
    count(*) as n_statements,
    count(distinct coalesce(st.speaker_canonical, st.speaker)) as n_speakers
from story_statements st
join stories s using (story_id)
group by s.canonical_headline
order by n_statements desc, s.canonical_headline
limit 10;
