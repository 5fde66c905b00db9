-- One row per story and UTC hour in which it was published: articles and outlets arriving, and the
-- running totals, for charts of how a story spreads. Hours without articles have no row; undated
-- and date-only articles (no hour) are left out, and an outlet arrives in the hour of its first
-- timed article in the story.
with dated as (
    select story_id, outlet, published_hour
    from int_article_positions
    where published_hour is not null
),

articles_per_hour as (
    select story_id, published_hour as hour, count(*) as n_articles
    from dated
    group by story_id, published_hour
),

outlet_arrivals as (
    select story_id, outlet, min(published_hour) as hour
    from dated
    where outlet is not null
    group by story_id, outlet
),

arrivals_per_hour as (
    select story_id, hour, count(*) as n_new_outlets
    from outlet_arrivals
    group by story_id, hour
),

hours as (
    select
        a.story_id,
        a.hour,
        a.n_articles,
        coalesce(o.n_new_outlets, 0) as n_new_outlets
    from articles_per_hour as a
    left join arrivals_per_hour as o using (story_id, hour)
)

select
    story_id,
    hour,
    date_diff('hour', min(hour) over (partition by story_id), hour) as hours_since_first,
    n_articles,
    n_new_outlets,
    cast(sum(n_articles) over running as bigint) as cumulative_articles,
    cast(sum(n_new_outlets) over running as bigint) as cumulative_outlets
from hours
window running as (partition by story_id order by hour rows between unbounded preceding and current row)
