-- Why the nights $from to $to could not read some inputs: one row per stage and reason.
select stage, error_kind, sum(n) as n, min(example) as example
from quarantine_reasons
where night between $from and $to
group by stage, error_kind
order by n desc, stage, error_kind;
