-- What did each run read, add and reject?
select run_date, run_id, status, files_seen, files_new, skipped, articles, duplicates, statements, quarantined,
       round(epoch(finished_at - started_at), 1) as seconds
from runs
order by run_id desc
limit 20;
