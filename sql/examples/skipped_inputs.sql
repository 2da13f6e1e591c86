-- Which input paths did the latest run skip, and why (content already in the lake, or a copy in the same run)?
select source_uri, reason, detail
from inputs
where outcome = 'skipped' and run_id = (select max(run_id) from inputs)
order by source_uri;
