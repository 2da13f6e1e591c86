-- How many articles did each outlet publish per night (by publication day, else the night it landed)?
select coalesce(published_at::date, ingest_date) as day, coalesce(source, '(no outlet)') as outlet,
       count(*) as n_articles
from articles
group by all
order by day desc, n_articles desc, outlet;
