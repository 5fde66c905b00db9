-- Each hour is a whole UTC hour within the story's first and last report, counted from the story's first.
with hours as (
    select
        *,
        (epoch(hour) - epoch(min(hour) over (partition by story_id))) / 3600 as hours_from_first_row
    from story_timeline
)

select h.story_id, h.hour, h.hours_since_first, s.first_published_at, s.last_published_at
from hours as h
join story_summary as s using (story_id)
where epoch(h.hour) % 3600 <> 0
   or h.hour + interval 1 hour <= s.first_published_at
   or h.hour > s.last_published_at
   or h.hours_since_first <> h.hours_from_first_row
