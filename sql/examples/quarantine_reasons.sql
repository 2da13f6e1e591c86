-- What could not be read, by stage and reason.
select stage, error_kind, count(*) as n, min(source_uri) as example
from quarantine
group by stage, error_kind
order by n desc;
