-- One row per story and outlet that covered it. The outlet's first article is compared with the story's
-- first report; its articles are wire copy when they repeat wire text published earlier. Articles with no
-- known outlet are left out (the story's own counts keep them).
with outlet_articles as (
    select
        story_id,
        outlet,
        story_first_published_at,
        count(*) as n_articles,
        count(*) filter (where is_wire_copy) as n_wire_copies,
        arg_min(article_id, position_in_story) as first_article_id,
        min(published_at) as first_published_at,
        max(published_at) as last_published_at,
        bool_or(is_first_report) as is_first_report
    from int_article_positions
    where outlet is not null
    group by story_id, outlet, story_first_published_at
)

select
    story_id,
    outlet,
    first_article_id,
    first_published_at,
    last_published_at,
    n_articles,
    n_wire_copies,
    date_diff('second', story_first_published_at, first_published_at) / 60.0 as minutes_behind_first,
    is_first_report,
    case
        when n_wire_copies = 0 then 'own_reporting'
        when n_wire_copies = n_articles then 'wire_copy'
        else 'mixed'
    end as coverage
from outlet_articles
