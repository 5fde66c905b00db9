-- story_outlets has no NULL key (articles with no known outlet are left out).
select * from story_outlets where story_id is null or outlet is null
