-- One row per night, stage and reason: how many inputs could not be read, with one example.
create or replace view quarantine_reasons as
select ingest_date as night, stage, error_kind, count(*) as n, min(source_uri) as example
from quarantine
group by all;
