-- Which inputs could not be read, night by night, and why?
select night, stage, error_kind, n, example
from quarantine_reasons
order by night desc, n desc, stage, error_kind;
