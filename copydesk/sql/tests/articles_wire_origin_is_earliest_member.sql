-- Every copy names its wire cluster's origin: the cluster's earliest published member (undated members
-- count as the latest, ties go to the smaller article_id).
with earliest as (
    select wire_cluster_id, article_id as earliest_id
    from articles
    qualify row_number() over (
        partition by wire_cluster_id order by published_at asc nulls last, article_id
    ) = 1
)

select a.article_id, a.wire_cluster_id, a.wire_origin_id, e.earliest_id
from articles as a
join earliest as e using (wire_cluster_id)
where a.wire_origin_id is distinct from e.earliest_id
