-- One row per story: its headline (the first report's title), reach, languages and spread in time.
with firsts as (
    select story_id, outlet as first_outlet
    from int_article_positions
    where is_first_report
),

headlines as (
    select story_id, arg_min(title, position_in_story) as headline
    from int_article_positions
    where title is not null
    group by story_id
)

select
    a.story_id,
    h.headline,
    count(*) as n_articles,
    count(distinct a.outlet) as n_outlets,
    string_agg(distinct a.language, ',' order by a.language) as languages,
    min(a.published_at) as first_published_at,
    max(a.published_at) as last_published_at,
    f.first_outlet,
    count(distinct a.wire_cluster_id) as n_wire_clusters
from int_article_positions as a
left join firsts as f using (story_id)
left join headlines as h using (story_id)
group by a.story_id, h.headline, f.first_outlet
