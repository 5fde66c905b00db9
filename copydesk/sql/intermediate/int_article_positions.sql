-- Where each article stands in its story and its wire cluster: the order of publication, the
-- story's first report, and whether the article repeats wire text published earlier. The story
-- order (`story_order`) is the one rule for who reported first, used by every mart: dated articles
-- by UTC day; within a day, articles with a time of day before date-only ones (stored at midnight
-- UTC, their time within the day is unknown); then by time; undated articles last; ties by
-- article_id.
with ranked as (
    select
        *,
        row_number() over story_order as position_in_story,
        row_number() over (
            partition by wire_cluster_id order by published_at asc nulls last, article_id
        ) as position_in_wire_cluster,
        first_value(published_at) over story_order as story_first_published_at
    from stg_articles
    window story_order as (
        partition by story_id
        order by published_date asc nulls last, is_date_only, published_at, article_id
    )
)

select
    *,
    position_in_story = 1 as is_first_report,
    position_in_wire_cluster > 1 as is_wire_copy,
    -- a date-only article's minutes are unknown, unless it is the first report itself
    case when position_in_story = 1 or not is_date_only
        then date_diff('second', story_first_published_at, published_at) / 60.0
    end as minutes_behind_first,
    -- the UTC hour whatever the session's time zone; a date-only article has none
    case when not is_date_only
        then timezone('UTC', date_trunc('hour', timezone('UTC', published_at)))
    end as published_hour
from ranked
