-- Who is quoted most across the lake, and by how many outlets?
select name, speaker_type, n_statements, n_direct, n_articles, n_outlets, n_stories, other_names
from speakers
order by n_statements desc, n_outlets desc, name
limit 10;
