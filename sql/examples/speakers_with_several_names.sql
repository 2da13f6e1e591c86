-- Which speakers are written several ways (all counted as one speaker)?
select name, other_names, n_statements, n_articles
from speakers
where len(other_names) > 0
order by n_statements desc, name;
