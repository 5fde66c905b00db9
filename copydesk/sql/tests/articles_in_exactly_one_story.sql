-- Every article lies in exactly one story, and the stories' articles add up to all articles.
select article_id, count(*) as n_rows, count(distinct story_id) as n_stories
from articles
group by article_id
having count(*) <> 1 or count(story_id) <> 1
union all
select 'all articles', (select count(*) from articles), (select sum(n_articles) from story_summary)
where (select count(*) from articles) <> (select coalesce(sum(n_articles), 0) from story_summary)
