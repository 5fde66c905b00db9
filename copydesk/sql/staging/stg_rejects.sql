-- One row per rejected input document.
select
    source_uri,
    stage,
    reason,
    detail,
    rejected_at,
    cast(timezone('UTC', rejected_at) as date) as rejected_date
from rejects
