-- Who the articles of the nights $from to $to quote most: one row per speaker across the lake.
select name as speaker, any_value(speaker_type) as speaker_type, sum(n_statements) as n_statements,
       sum(n_direct) as n_direct, max(n_outlets) as n_outlets
from speaker_nights
where night between $from and $to
group by speaker_id, name
order by n_statements desc, speaker
limit $top;
