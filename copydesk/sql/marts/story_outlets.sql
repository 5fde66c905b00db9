-- One row per story and outlet that covered it. The outlet's first article (in the story order of
-- int_article_positions) is compared with the story's first report; its articles are wire copy when
-- they repeat wire text published earlier. Articles with no known outlet are left out (the story's
-- own counts keep them).
with outlet_articles as (
    select
        story_id,
        outlet,
        count(*) as n_articles,
        count(*) filter (where is_wire_copy) as n_wire_copies,
        arg_min(article_id, position_in_story) as first_article_id,
        arg_min(published_at, position_in_story) as first_published_at,
        arg_min_null(published_precision, position_in_story) as first_published_precision,
        arg_min_null(minutes_behind_first, position_in_story) as minutes_behind_first,
        max(published_at) as last_published_at,
        bool_or(is_first_report) as is_first_report
    from int_article_positions
    where outlet is not null
    group by story_id, outlet
)

select
    story_id,
    outlet,
    first_article_id,
    first_published_at,
    last_published_at,
    n_articles,
    n_wire_copies,
    minutes_behind_first,
    is_first_report,
    case
        when n_wire_copies = 0 then 'own_reporting'
        when n_wire_copies = n_articles then 'wire_copy'
        else 'mixed'
    end as coverage,
    first_published_precision
from outlet_articles
