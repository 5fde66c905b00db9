-- Every article has one row.
select article_id, count(*) as n from articles group by article_id having count(*) > 1
