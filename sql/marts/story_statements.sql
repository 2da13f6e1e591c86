-- One row per statement with its story and its speaker (an article's story is that of its title headline).
create or replace view story_statements as
select c.*, s.canonical_headline
from statement_context c
join stories s using (story_id);
