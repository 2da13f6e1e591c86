-- How did the widest story unfold: its headlines, by whom and when?
select seen_at, source, headline, role
from story_headlines
where story_id = (select story_id from stories order by n_sources desc, n_articles desc, story_id limit 1)
order by seen_at, source, headline;
