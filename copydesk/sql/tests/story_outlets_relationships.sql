-- Each row's story is in story_summary, its outlet in outlet_summary, and its first article is an article
-- of that story and outlet.
select o.story_id, o.outlet, 'story' as missing
from story_outlets as o
anti join story_summary using (story_id)
union all
select o.story_id, o.outlet, 'outlet'
from story_outlets as o
anti join outlet_summary using (outlet)
union all
select o.story_id, o.outlet, 'first article'
from story_outlets as o
anti join articles as a
    on a.article_id = o.first_article_id and a.story_id = o.story_id and a.outlet = o.outlet
