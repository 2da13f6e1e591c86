-- How many statements, by how many speakers, does each story carry?
select canonical_headline, count(*) as n_statements, count(distinct speaker_id) as n_speakers,
       count(*) filter (where kind = 'direct') as n_direct
from story_statements
group by story_id, canonical_headline
order by n_statements desc, canonical_headline
limit 10;
