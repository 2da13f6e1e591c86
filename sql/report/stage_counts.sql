-- One row per run in the nights $from to $to: what each stage did (the runs table, in run order).
select run_date as night, run_id, status, files_seen, files_new, skipped, articles, duplicates, headlines,
       stories_new, statements, quarantined
from runs
where run_date between $from and $to
order by run_id;
