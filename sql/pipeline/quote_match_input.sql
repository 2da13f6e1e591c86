-- What quote matching reads of the run's new statements (materialized from new_statements.sql in the merge
-- database), in their order.
select statement_id, content, speaker_key, seen_at
from new_statements
