-- One row per distinct article, renamed and cast for the models downstream.
select
    article_id,
    wire_cluster_id,
    wire_origin_id,
    story_id,
    outlet,
    url,
    source_uri,
    title,
    author,
    language,
    word_count,
    wire_similarity,
    wire_agency,
    reused_share,
    published_at,
    published_precision,
    coalesce(published_precision = 'date', false) as is_date_only,
    cast(timezone('UTC', published_at) as date) as published_date,
    ingested_at
from articles
