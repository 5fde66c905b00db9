-- Ids and the fields every article has are never NULL.
select article_id from articles
where article_id is null or wire_cluster_id is null or wire_origin_id is null or story_id is null
   or source_uri is null or text is null or language is null or word_count is null
