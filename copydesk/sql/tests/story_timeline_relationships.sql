-- Each row's story is in story_summary.
select t.story_id, t.hour from story_timeline as t anti join story_summary using (story_id)
