-- Which quotes were repeated by the most outlets, where did each first appear, and how fast did it spread?
select speaker, left(content, 80) as quote, first_source, first_seen, n_articles, n_outlets, spread_hours
from quote_spread
where n_articles > 1
order by n_outlets desc, n_articles desc, spread_hours
limit 10;
