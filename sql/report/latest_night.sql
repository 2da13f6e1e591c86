-- The latest night the lake has a run for (null for a lake with no run yet): a report's default night.
select max(run_date) as run_date
from runs
