-- Every article has exactly one kept source (duplicate_kind NULL).
select a.article_id, count(s.source_uri) as kept_sources
from articles as a
left join article_sources as s on s.article_id = a.article_id and s.duplicate_kind is null
group by a.article_id
having count(s.source_uri) <> 1
