-- language is an ISO 639-1 code or und.
select article_id, language from articles where not regexp_matches(language, '^([a-z]{2}|und)$')
