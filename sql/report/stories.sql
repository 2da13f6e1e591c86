-- The stories the nights $from to $to added headlines to, by the number of outlets that covered them.
select canonical_headline, max(story_outlets) as n_outlets, sum(n_headlines) as new_headlines,
       max(story_headlines) as n_headlines, bool_or(is_new) as is_new
from story_nights
where night between $from and $to
group by story_id, canonical_headline
order by n_outlets desc, new_headlines desc, canonical_headline
limit $top;
