"""Collapse exact duplicates: the same canonical URL, or the same normalised text at another URL.

The first copy seen (in the history, then in input order) is kept; every copy is recorded as an
`ArticleSource` with its `duplicate_kind` (`url` or `content`), so provenance is never lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from copydesk.records import ArticleSource, Candidate

URL = "url"
CONTENT = "content"


def deduplicate(candidates: Sequence[Candidate], known_urls: Mapping[str, str],
                known_hashes: Mapping[str, str]) -> tuple[list[Candidate], list[ArticleSource]]:
    """Split candidates into new articles and source rows, against the history's URLs and text hashes."""
    urls, hashes = dict(known_urls), dict(known_hashes)
    kept: list[Candidate] = []
    sources: list[ArticleSource] = []
    for candidate in candidates:
        if candidate.url and candidate.url in urls:
            sources.append(ArticleSource(candidate.source_uri, candidate.doc_key, urls[candidate.url], URL))
        elif candidate.content_hash in hashes:
            sources.append(ArticleSource(candidate.source_uri, candidate.doc_key, hashes[candidate.content_hash],
                                         CONTENT))
        else:
            article_id = candidate.article_id
            kept.append(candidate)
            hashes[candidate.content_hash] = article_id
            if candidate.url:
                urls[candidate.url] = article_id
            sources.append(ArticleSource(candidate.source_uri, candidate.doc_key, article_id, None))
    return kept, sources
