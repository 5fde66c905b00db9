-- story_timeline has one row per story and hour.
select story_id, hour, count(*) as n from story_timeline group by story_id, hour having count(*) > 1
