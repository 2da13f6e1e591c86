-- Who was quoted most in the lake's last seven nights, and by which outlets?
with
week as (
    select * from statement_context
    where speaker_id is not null and night > (select max(night) from statement_context) - interval 7 day
),
final as (
    select any_value(s.name) as name, count(*) as n_statements, count(distinct w.article_id) as n_articles,
           list(distinct w.source order by w.source) filter (where w.source is not null) as outlets
    from week w
    join speakers s using (speaker_id)
    group by w.speaker_id
)
select * from final order by n_statements desc, name limit 10;
