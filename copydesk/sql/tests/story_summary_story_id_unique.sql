-- story_summary has one row per story, and every story has its row.
select story_id, count(*) as n from story_summary group by story_id having count(*) > 1
union all
select story_id, 0 from (select story_id from articles except select story_id from story_summary)
