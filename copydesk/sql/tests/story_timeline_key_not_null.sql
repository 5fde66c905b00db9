-- story_timeline has no NULL key (undated articles are left out).
select * from story_timeline where story_id is null or hour is null
