-- An outlet's first article on a story is not after its last, nor before the story's first report; the
-- outlet that reported first is 0 minutes behind.
select o.story_id, o.outlet, o.first_published_at, o.last_published_at, o.minutes_behind_first
from story_outlets as o
join story_summary as s using (story_id)
where o.first_published_at > o.last_published_at
   or o.first_published_at < s.first_published_at
   or o.last_published_at > s.last_published_at
   or o.minutes_behind_first < 0
   or (o.is_first_report and o.minutes_behind_first <> 0)
