"""The records that flow between stages: documents as read, candidate articles, articles, sources, rejects,
the later lineage decisions of wire copies and the later merges of stories."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone


def sha256_hex(*parts: bytes | str) -> str:
    """Hash the parts, separated by NUL, to a hex digest."""
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\0")
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
    return h.hexdigest()


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as read: its bytes and where they came from, before any interpretation.

    `kind` is `html` (a page), `text` (the plain-text article format) or `record` (one JSON Lines object).
    `doc_key` hashes the source and the bytes, so the same document read again is recognised.
    """

    doc_key: str
    source_uri: str
    kind: str
    body: bytes
    read_at: datetime
    url: str | None = None          # the URL the container gives (WARC target URI, final fetched URL), if any
    charset: str | None = None      # the charset the container declares (HTTP Content-Type), if any
    status: int | None = None       # HTTP status, for a fetched page
    headers: str | None = None      # HTTP response headers as JSON, for a fetched page
    hints: str | None = None        # JSON of what a feed or sitemap said of the page (title, published_at, language)

    @classmethod
    def of(cls, source_uri: str, kind: str, body: bytes, *, url: str | None = None, charset: str | None = None,
           status: int | None = None, headers: str | None = None, hints: str | None = None,
           read_at: datetime | None = None) -> "Document":
        return cls(sha256_hex(source_uri, body), source_uri, kind, body, read_at or utc_now(), url, charset,
                   status, headers, hints)

    def extraction_key(self) -> str:
        """Hash what extraction reads (kind, container URL, charset, listing hints, bytes; not where the
        document came from): documents with equal keys become the same article, or the same reject."""
        return sha256_hex("extract", self.kind, self.url or "", self.charset or "", self.hints or "", self.body)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not become an article, with a short reason code and a human detail."""

    source_uri: str
    stage: str
    reason: str
    detail: str
    doc_key: str
    rejected_at: datetime

    @classmethod
    def of(cls, source_uri: str, stage: str, reason: str, detail: str, doc_key: str) -> "Reject":
        return cls(source_uri, stage, reason, detail[:500], doc_key, utc_now())


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cleaned article from one document, before duplicates are collapsed."""

    doc_key: str
    source_uri: str
    url: str | None
    outlet: str | None
    title: str | None
    author: str | None
    published_at: datetime | None
    language: str
    text: str
    word_count: int
    content_hash: str               # hash of the normalised text: equal texts are exact duplicates
    published_precision: str | None = None  # `time` or `date` (only a day given); None when unknown

    @property
    def article_id(self) -> str:
        """Derive the stable id: from the canonical URL, else from the text."""
        return sha256_hex("url", self.url)[:20] if self.url else sha256_hex("text", self.content_hash)[:20]


@dataclass(frozen=True, slots=True)
class Article:
    """A distinct article as stored: a kept candidate plus its wire cluster, its origin and its story."""

    article_id: str
    candidate: Candidate
    wire_cluster_id: str
    story_id: str
    wire_origin_id: str                # the wire cluster's earliest published copy (itself when it is that copy)
    wire_similarity: float = 1.0       # containment in the origin
    wire_agency: str | None = None     # the agency a dateline or credit names
    reused_share: float = 0.0          # share of the text seen earlier in another outlet's article
    wire_signature: bytes | None = None  # its MinHash signature (uint32s), kept for later comparisons
    wire_shingles: int = 0


@dataclass(frozen=True, slots=True)
class WireLink:
    """A later lineage decision on a stored article: an earlier copy became its wire cluster's origin.

    Articles are never rewritten; the latest decision on an article (by batch) supersedes what its row says.
    """

    article_id: str
    wire_cluster_id: str
    wire_origin_id: str
    wire_similarity: float             # containment in the new origin


@dataclass(frozen=True, slots=True)
class StoryMerge:
    """A later decision on a stored story: it is one event with another story, whose id it takes.

    Articles are never rewritten; their story id follows the merges (transitively) when read.
    """

    story_id: str
    merged_into: str


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """One document that became an article (`duplicate_kind` None) or duplicated one (`url`, `content`)."""

    source_uri: str
    doc_key: str
    article_id: str
    duplicate_kind: str | None


@dataclass(frozen=True, slots=True)
class Poll:
    """One poll of a feed or sitemap, with the validators (ETag, Last-Modified) for the next conditional GET."""

    url: str
    kind: str
    status: int
    etag: str | None
    last_modified: str | None
    polled_at: datetime

    def conditional_headers(self) -> dict[str, str]:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        return headers | ({"If-Modified-Since": self.last_modified} if self.last_modified else {})
