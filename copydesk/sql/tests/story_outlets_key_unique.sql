-- story_outlets has one row per story and outlet.
select story_id, outlet, count(*) as n from story_outlets group by story_id, outlet having count(*) > 1
