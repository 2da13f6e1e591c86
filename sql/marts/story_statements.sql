-- One row per statement with the story of its article (an article's story: that of its title headline).
create or replace view story_statements as
with
article_story as (
    select article_id, any_value(story_id order by (role = 'title') desc, headline_id) as story_id
    from headlines
    group by article_id
),
final as (
    select st.*, a.story_id
    from statements st
    join article_story a using (article_id)
)
select * from final;
