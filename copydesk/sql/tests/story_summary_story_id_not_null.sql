-- story_summary has no NULL key.
select * from story_summary where story_id is null
