-- Where each article stands in its story and its wire cluster: the order of publication, the story's first
-- report, and whether the article repeats wire text published earlier. Undated articles come last.
with ranked as (
    select
        *,
        row_number() over (
            partition by story_id order by published_at asc nulls last, article_id
        ) as position_in_story,
        row_number() over (
            partition by wire_cluster_id order by published_at asc nulls last, article_id
        ) as position_in_wire_cluster,
        min(published_at) over (partition by story_id) as story_first_published_at
    from stg_articles
)

select
    *,
    position_in_story = 1 as is_first_report,
    position_in_wire_cluster > 1 as is_wire_copy,
    date_diff('second', story_first_published_at, published_at) / 60.0 as minutes_behind_first,
    -- the UTC hour whatever the session's time zone
    timezone('UTC', date_trunc('hour', timezone('UTC', published_at))) as published_hour
from ranked
