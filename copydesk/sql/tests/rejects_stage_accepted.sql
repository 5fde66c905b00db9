-- A reject comes from the fetch, read or extract stage, with a lowercase reason code.
select source_uri, stage, reason
from rejects
where stage not in ('fetch', 'read', 'extract') or not regexp_matches(reason, '^[a-z0-9_]+$')
