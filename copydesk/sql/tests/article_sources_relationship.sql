-- Every source row points at an article.
select s.source_uri, s.article_id from article_sources as s anti join articles as a using (article_id)
