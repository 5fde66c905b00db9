-- story_outlets adds up: per story, its rows are the story's outlets and hold all its articles with a
-- known outlet; per outlet, its rows are the outlet's stories, articles, wire copies and first reports;
-- within a row, wire copies <= articles.
with per_story as (
    select story_id, count(*) as n_outlets, sum(n_articles) as n_articles
    from story_outlets
    group by story_id
),

known_outlet_articles as (
    select story_id, count(*) as n_articles from articles where outlet is not null group by story_id
),

per_outlet as (
    select outlet, count(*) as n_stories, sum(n_articles) as n_articles, sum(n_wire_copies) as n_wire_copies,
           count(*) filter (where is_first_report) as n_first_reports
    from story_outlets
    group by outlet
)

select 'story' as per, s.story_id as key
from story_summary as s
left join per_story as p using (story_id)
left join known_outlet_articles as k using (story_id)
where coalesce(p.n_outlets, 0) <> s.n_outlets or coalesce(p.n_articles, 0) <> coalesce(k.n_articles, 0)
union all
select 'outlet', outlet
from outlet_summary as s
full join per_outlet as p using (outlet)
where p.n_stories is distinct from s.n_stories or p.n_articles is distinct from s.n_articles
   or p.n_wire_copies is distinct from s.n_wire_copies or p.n_first_reports is distinct from s.n_first_reports
union all
select 'row', story_id || ' ' || outlet
from story_outlets
where n_articles < 1 or n_wire_copies > n_articles
