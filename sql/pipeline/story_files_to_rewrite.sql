-- Committed stories files holding a story this run touched: they are rewritten without those rows (copy-on-write).
select distinct filename
from src_stories
semi join summaries using (story_id)
order by filename;
