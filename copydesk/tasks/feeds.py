"""Parse RSS 2.0, RSS 1.0 (RDF) and Atom feeds into the article URLs they list, refusing unsafe XML.

XML from the web may declare entities (billion laughs, `SYSTEM "file:///etc/passwd"`): any document whose
prolog declares entities or carries a DOCTYPE with an internal subset is refused before a parser sees it.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

import feedparser

from copydesk.tasks.dates import DATE, TIME, Published, parse_published
from copydesk.tasks.urls import BadLink, listed_url

FEED_CONTENT_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
FEED_ROOTS = frozenset({"rss", "feed", "rdf:RDF"})
SNIFF_BYTES = 4096
BOMS = b"\xef\xbb\xbf\xff\xfe"
# What may come before the root element; each item is atomic so a failed match cannot backtrack for long.
PROLOG = rb"(?>\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>)*+"
ROOT = re.compile(PROLOG + rb"<([A-Za-z_][\w.:-]*)", re.DOTALL)
UNSAFE = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
RFC822_TIME_OF_DAY = re.compile(r"\d:\d\d")      # `Thu, 05 Mar 2026 10:00 GMT` has one


class BadFeed(Exception):
    """A feed or sitemap that cannot be read, or is unsafe to parse."""

    reason = "bad_feed"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None
    published_at: datetime | None
    published_precision: str | None = None   # `time`, or `date` when only a day is given


@dataclass(frozen=True, slots=True)
class Feed:
    entries: list[FeedEntry]
    bad_links: list[BadLink] = field(default_factory=list)    # links that cannot be fetched


def markup(body: bytes) -> bytes:
    """View XML markup as ASCII: byte-order mark dropped, the NUL bytes of UTF-16 and UTF-32 removed."""
    return body.replace(b"\x00", b"").lstrip(BOMS)


def root_name(body: bytes) -> str | None:
    """Name the root element from the first bytes, after the XML declaration, comments and DOCTYPE."""
    found = ROOT.match(markup(body[:SNIFF_BYTES]))
    return found.group(1).decode("ascii") if found else None


def refuse_unsafe_xml(body: bytes) -> None:
    """Raise BadFeed when the prolog (the whole body, if no root is found) declares entities or a DTD subset."""
    text = markup(body)
    found = ROOT.match(text)
    if UNSAFE.search(text[: found.start(1)] if found else text):
        raise BadFeed("unsafe XML: entity declarations or a DOCTYPE with an internal subset")


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """Tell a feed by its content type or, failing that, by its root element."""
    media_type = (content_type or "").partition(";")[0].strip().lower()
    return media_type in FEED_CONTENT_TYPES or root_name(body) in FEED_ROOTS


def parse_feed(body: bytes, base_url: str) -> Feed:
    """List a feed's entries with canonical http(s) URLs, first occurrence of each URL kept, in feed
    order, and the links that cannot be fetched."""
    refuse_unsafe_xml(body)
    # A stream, never bytes: feedparser would open bytes naming an existing path as a file.
    parsed = feedparser.parse(io.BytesIO(body),
                              response_headers={"content-location": base_url, "content-type": "application/xml"})
    if not parsed.get("version") and not parsed.entries:
        raise BadFeed(f"not an RSS or Atom feed: {parsed.get('bozo_exception') or 'no feed element'}")
    entries: dict[str, FeedEntry] = {}
    bad: list[BadLink] = []
    for entry in parsed.entries:
        link = entry.get("link")
        url = listed_url(base_url, link) if link else None
        if isinstance(url, BadLink):
            bad.append(url)
        elif url and url not in entries:
            published = _published(entry)
            entries[url] = FeedEntry(url, " ".join(entry.get("title", "").split()) or None,
                                     published and published.at, published and published.precision)
    return Feed(list(entries.values()), bad)


def _published(entry: feedparser.FeedParserDict) -> Published | None:
    """Date an entry: published, else updated, as ISO 8601 or as feedparser's UTC struct_time (of
    precision `time` when the entry's text gives a time of day)."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        value = parse_published(raw)
        if value is None and (at := _from_struct(entry.get(f"{key}_parsed"))):
            value = Published(at, TIME if RFC822_TIME_OF_DAY.search(str(raw)) else DATE)
        if value:
            return value
    return None


def _from_struct(value: time.struct_time | None) -> datetime | None:
    return datetime(*value[:6], tzinfo=timezone.utc) if value else None
