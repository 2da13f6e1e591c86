-- The staged rows of one article-owned table ({table}: headlines, statements) that belong to the copy of their article
-- that won (new_articles holds its source_uri): two copies of one article in a run (a feed item and the crawled page)
-- keep the headlines and statements of the same copy as the article, so every offset points into the body the lake
-- keeps.
create or replace view won_{table} as
select t.* exclude (filename, source_uri)
from staged_{table} t semi join new_articles using (article_id, source_uri);
