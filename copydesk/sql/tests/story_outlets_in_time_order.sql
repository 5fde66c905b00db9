-- An outlet's first article on a story is not after its last, nor before the story's first report
-- (a date-only one not before its day); the outlet that reported first is 0 minutes behind, and a
-- date-only first article that is not the first report has no minutes.
select o.story_id, o.outlet, o.first_published_at, o.last_published_at, o.minutes_behind_first
from story_outlets as o
join story_summary as s using (story_id)
where o.first_published_at > o.last_published_at
   or (o.first_published_precision is distinct from 'date'
       and o.first_published_at < s.first_published_at)
   or cast(timezone('UTC', o.first_published_at) as date)
       < cast(timezone('UTC', s.first_published_at) as date)
   or (o.first_published_precision = 'date' and not o.is_first_report
       and o.minutes_behind_first is not null)
   or o.last_published_at > s.last_published_at
   or o.minutes_behind_first < 0
   or (o.is_first_report and o.minutes_behind_first <> 0)
