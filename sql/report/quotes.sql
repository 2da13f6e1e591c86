-- Quotes carried by more than one article, with a statement ingested in the nights $from to $to: widest spread first.
select speaker, content, first_source, first_seen, n_articles, n_outlets, spread_hours,
       list_transform(repetitions, lambda r: coalesce(r.source, '(no outlet)') || ' +' || r.delay_hours || 'h') as repeated_by
from quote_spread
where n_articles > 1
  and quote_id in (select quote_id from statement_context where night between $from and $to)
order by n_outlets desc, n_articles desc, first_seen
limit $top;
