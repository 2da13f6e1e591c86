-- Who repeated the most widely carried quote, and how long after it first appeared?
with
widest as (
    select * from quote_spread where n_articles > 1 order by n_outlets desc, n_articles desc, first_seen limit 1
),
final as (
    select w.speaker, w.first_source, w.first_seen, r.source as repeated_by, r.seen_at, r.delay_hours
    from widest w, unnest(w.repetitions) as t(r)
)
select * from final order by seen_at;
