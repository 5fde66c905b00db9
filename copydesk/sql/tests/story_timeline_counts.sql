-- story_timeline adds up: a story's hours hold all its timed articles (dated, not date-only) and
-- every known outlet with one; the running totals end at those counts; a new outlet brings at least
-- one article.
with hours as (
    select story_id, sum(n_articles) as n_articles, sum(n_new_outlets) as n_outlets,
           arg_max(cumulative_articles, hour) as last_cumulative_articles,
           arg_max(cumulative_outlets, hour) as last_cumulative_outlets
    from story_timeline
    group by story_id
),

dated as (
    select story_id, count(*) as n_articles, count(distinct outlet) as n_outlets
    from articles
    where published_at is not null and published_precision is distinct from 'date'
    group by story_id
)

select story_id, h.n_articles, d.n_articles as dated_articles, h.n_outlets, d.n_outlets as dated_outlets
from hours as h
full join dated as d using (story_id)
where h.n_articles is distinct from d.n_articles
   or h.n_outlets is distinct from d.n_outlets
   or h.last_cumulative_articles is distinct from d.n_articles
   or h.last_cumulative_outlets is distinct from d.n_outlets
union all
select story_id, n_articles, null, n_new_outlets, null
from story_timeline
where n_articles < 1 or n_new_outlets > n_articles or n_new_outlets < 0
