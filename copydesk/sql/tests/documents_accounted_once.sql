-- Every document read is accounted for exactly once: as an article, a duplicate, or a reject.
select doc_key, count(*) as n from (
    select doc_key from article_sources
    union all
    select doc_key from rejects
) group by doc_key having count(*) > 1
