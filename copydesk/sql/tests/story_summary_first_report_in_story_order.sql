-- A story's first report is an article of the story, first in story order: no other article of the
-- story is dated when it is undated, of an earlier UTC day, timed on its day when it is date-only,
-- or earlier with the same precision (ties go to the smaller article_id). first_outlet,
-- first_published_at and first_published_precision are its own.
with firsts as (
    select s.story_id, s.first_article_id, s.first_outlet, s.first_published_at,
           s.first_published_precision, f.article_id, f.outlet, f.published_at,
           f.published_precision,
           cast(timezone('UTC', f.published_at) as date) as day,
           coalesce(f.published_precision = 'date', false) as date_only
    from story_summary as s
    left join articles as f on f.article_id = s.first_article_id and f.story_id = s.story_id
),

others as (
    select story_id, article_id, published_at, cast(timezone('UTC', published_at) as date) as day,
           coalesce(published_precision = 'date', false) as date_only
    from articles
)

select f.story_id, f.first_article_id, a.article_id as before_it
from firsts as f
join others as a on a.story_id = f.story_id and a.article_id <> f.first_article_id
where (f.published_at is null and a.published_at is not null)
   or a.day < f.day
   or (a.day = f.day and f.date_only and not a.date_only)
   or (a.day = f.day and f.date_only = a.date_only and a.published_at < f.published_at)
   or (a.published_at is not distinct from f.published_at and a.date_only = f.date_only
       and a.article_id < f.first_article_id)
union all
select story_id, first_article_id, null
from firsts
where article_id is null
   or first_outlet is distinct from outlet
   or first_published_at is distinct from published_at
   or first_published_precision is distinct from published_precision
