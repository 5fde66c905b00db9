-- A story's counts agree with its articles; it never has more outlets than articles.
select s.story_id from story_summary as s
join (select story_id, count(*) as n from articles group by story_id) as a using (story_id)
where s.n_articles <> a.n or s.n_outlets > s.n_articles
