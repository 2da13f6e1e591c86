-- Why the run could not read some inputs: one row per stage and reason.
select stage, error_kind, count(*) as n, min(source_uri) as example
from quarantine
where run_id = $run_id
group by stage, error_kind
order by n desc, stage, error_kind;
