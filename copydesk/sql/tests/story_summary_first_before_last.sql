-- A story's first report is not after its last.
select story_id from story_summary where first_published_at > last_published_at
