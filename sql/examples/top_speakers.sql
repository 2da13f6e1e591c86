-- Who is quoted most: top 10 canonical speakers.
select speaker, speaker_type, n_statements, n_direct, n_articles
from speakers
order by n_statements desc, speaker
limit 10;
