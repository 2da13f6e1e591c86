-- Statements per story for the nights $from to $to: the stories whose articles quote the most.
select canonical_headline, count(*) as n_statements, count(distinct speaker_id) as n_speakers,
       count(*) filter (where kind = 'direct') as n_direct
from story_statements
where night between $from and $to
group by story_id, canonical_headline
order by n_statements desc, canonical_headline
limit $top;
