-- No article carries a story id that was merged away, and no story merges into itself.
select a.article_id, a.story_id, m.merged_into
from articles as a join story_merges as m on m.story_id = a.story_id
union all
select null, story_id, merged_into from story_merges where story_id = merged_into
