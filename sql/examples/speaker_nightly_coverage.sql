-- How does the most quoted speaker's coverage change night by night?
select night, name, n_statements, n_direct, n_articles, n_outlets, n_stories
from speaker_nights
where speaker_id = (select speaker_id from speakers order by n_statements desc, name limit 1)
order by night;
