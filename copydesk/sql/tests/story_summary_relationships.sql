-- A story's first outlet is an outlet of outlet_summary.
select s.story_id, s.first_outlet
from story_summary as s
anti join outlet_summary as o on o.outlet = s.first_outlet
where s.first_outlet is not null
