-- A duplicate is one by URL or by content.
select source_uri, duplicate_kind from article_sources where duplicate_kind not in ('url', 'content')
