-- One row per outlet and UTC day on which it published. Days without articles have no row; undated
-- articles and articles with no known outlet are left out.
select
    outlet,
    published_date as day,
    count(*) as n_articles,
    count(*) filter (where is_wire_copy) as n_wire_copies,
    count(*) filter (where is_first_report) as n_first_reports,
    count(distinct story_id) as n_stories
from int_article_positions
where outlet is not null and published_date is not null
group by outlet, published_date
