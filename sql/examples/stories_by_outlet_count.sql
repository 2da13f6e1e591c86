-- Which stories did the most outlets cover?
select story_id, canonical_headline, n_sources as n_outlets, n_articles, n_headlines, first_seen, last_seen
from stories
order by n_sources desc, n_articles desc, story_id
limit 10;
