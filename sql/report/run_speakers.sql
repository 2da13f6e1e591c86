-- Who the run's articles quote most: one row per canonical speaker.
select coalesce(nullif(speaker_canonical, ''), nullif(speaker, ''), '(unnamed)') as speaker, any_value(speaker_type) as speaker_type,
       count(*) as n_statements
from statements
where run_id = $run_id
group by 1
order by n_statements desc, speaker
limit $top;
