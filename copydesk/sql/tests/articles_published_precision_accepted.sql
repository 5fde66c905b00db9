-- published_precision is time or date, NULL only when undated or unknown; a date-only time is
-- midnight UTC.
select article_id, published_at, published_precision
from articles
where published_precision not in ('time', 'date')
   or (published_at is null and published_precision is not null)
   or (published_precision = 'date' and epoch(published_at) % 86400 <> 0)
