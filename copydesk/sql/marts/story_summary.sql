-- One row per story: its headline, reach, languages, spread in time, and its first report (in the
-- story order of int_article_positions: a date-only article never comes before a timed one of the
-- same day).
with firsts as (
    select
        story_id,
        article_id as first_article_id,
        outlet as first_outlet,
        published_at as first_published_at,
        published_precision as first_published_precision
    from int_article_positions
    where is_first_report
),

-- The first titled article from a known outlet names the story; else the first titled article (a
-- plain-text file's title may be the first sentence of its lead).
headlines as (
    select story_id, title as headline
    from int_article_positions
    where title is not null
    qualify row_number() over (partition by story_id order by outlet is null, position_in_story) = 1
)

select
    a.story_id,
    h.headline,
    count(*) as n_articles,
    count(distinct a.outlet) as n_outlets,
    string_agg(distinct a.language, ',' order by a.language) as languages,
    f.first_published_at,
    max(a.published_at) as last_published_at,
    f.first_outlet,
    count(distinct a.wire_cluster_id) as n_wire_clusters,
    f.first_article_id,
    f.first_published_precision
from int_article_positions as a
join firsts as f using (story_id)
left join headlines as h using (story_id)
group by all
