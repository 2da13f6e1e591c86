-- What share of each outlet's statements are direct quotes rather than reported speech?
select coalesce(source, '(no outlet)') as outlet, count(*) as n_statements,
       round(avg((kind = 'direct')::int), 2) as direct_share,
       round(avg((kind = 'mixed')::int), 2) as mixed_share
from statement_context
group by all
order by n_statements desc, outlet;
