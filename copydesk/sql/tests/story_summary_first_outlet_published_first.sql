-- The first outlet of a story published its first article: the story has exactly one first report, and
-- when its outlet is known it is first_outlet, whose first article on the story is the story's first.
with first_reports as (
    select story_id, count(*) as n_first_reports, any_value(outlet) as outlet,
           any_value(published_at) as published_at
    from int_article_positions
    where is_first_report
    group by story_id
)

select s.story_id, s.first_outlet, s.first_published_at, f.n_first_reports, f.outlet, f.published_at,
       o.first_published_at as outlet_first_published_at, o.is_first_report
from story_summary as s
left join first_reports as f using (story_id)
left join story_outlets as o on o.story_id = s.story_id and o.outlet = s.first_outlet
where f.n_first_reports is distinct from 1
   or f.outlet is distinct from s.first_outlet
   or f.published_at is distinct from s.first_published_at
   or (s.first_outlet is not null and (
        o.is_first_report is distinct from true
        or o.first_published_at is distinct from s.first_published_at))
