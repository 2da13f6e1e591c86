-- The run's new statements with their quote ids: new_quote_ids holds one row per statement, in the same order.
select *
from new_statements
positional join new_quote_ids
