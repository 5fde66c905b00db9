-- The origin of a wire cluster is entirely itself: similarity 1.
select article_id, wire_similarity from articles
where wire_origin_id = article_id and wire_similarity is distinct from 1
