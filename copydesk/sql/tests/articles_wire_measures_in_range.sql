-- Wire similarity and reused share are shares: between 0 and 1.
select article_id, wire_similarity, reused_share from articles
where wire_similarity not between 0 and 1 or reused_share not between 0 and 1
