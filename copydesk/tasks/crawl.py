"""Crawl the web inputs: article URLs, feeds, sitemaps and sources files, into documents and rejects.

A URL input is fetched and read by what comes back: a feed or a sitemap lists article URLs (a sitemap index
lists sitemaps), anything else is an article page. A sources file names outlets with their feeds and
sitemaps. Feeds and sitemaps are polled with conditional GET (the ETag and Last-Modified of the last poll),
so an unchanged one costs a 304. Article URLs the lake already holds are not fetched again (unless
`refetch`). Every fetch failure is a `Reject` of stage `fetch`; one bad site never stops the others.
A backfill (`published`, a range of days) polls every listing afresh, without validators, and fetches only
the listed articles whose listing date falls in the range, or that the listing leaves undated.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from copydesk.config import Settings
from copydesk.records import Document, Poll, Reject, sha256_hex
from copydesk.tasks.charsets import content_type_charset
from copydesk.tasks.dates import DATE, PublishedRange
from copydesk.tasks.feeds import BadFeed, looks_like_feed, parse_feed
from copydesk.tasks.fetch import Fetcher, FetchError, HostPolicy, Response
from copydesk.tasks.sitemaps import Sitemap, looks_like_sitemap, parse_sitemap
from copydesk.tasks.sources import Source, SourcesError, load_sources
from copydesk.tasks.urls import canonical_url, is_url

STAGE = "fetch"
SOURCES_SUFFIXES = (".yaml", ".yml")
MAX_SITEMAP_DEPTH = 3            # an index of indexes of sitemaps, at most


@dataclass(frozen=True, slots=True)
class Listed:
    """An article URL a feed or sitemap listed, with what the listing said of it."""

    url: str
    source: Source | None
    title: str | None = None
    published_at: datetime | None = None
    published_precision: str | None = None


@dataclass
class CrawlResult:
    items: list[Document | Reject] = field(default_factory=list)
    polls: list[Poll] = field(default_factory=list)
    known_skipped: int = 0
    outside_range: int = 0          # listed articles a backfill left alone: dated outside its days


def is_web_input(item: str) -> bool:
    """Tell the inputs this stage reads: URLs and sources files."""
    return is_url(item) or item.lower().endswith(SOURCES_SUFFIXES)


def fetch_reject(url: str, err: FetchError | BadFeed | SourcesError, reason: str | None = None) -> Reject:
    code = reason or getattr(err, "reason", "bad_feed")
    return Reject.of(url, STAGE, code, str(err), sha256_hex(url, code))


def page_document(response: Response, listed: Listed | None = None) -> Document:
    """Keep a fetched page as a document: the raw response, with what its listing said as hints."""
    charset = content_type_charset(response.content_type)
    hints = {"title": listed.title, "published_at": listed_time(listed),
             "language": listed.source.language if listed.source else None} if listed else {}
    return Document.of(response.url, "html", response.body, url=canonical_url(response.final_url) or response.final_url,
                       charset=charset, status=response.status, headers=json.dumps(response.headers, sort_keys=True),
                       hints=json.dumps({k: v for k, v in hints.items() if v}) if any(hints.values()) else None,
                       read_at=response.fetched_at)


def listed_time(listed: Listed) -> str | None:
    """Restate a listing's publication time in ISO 8601: only the day when it gave only the day."""
    if listed.published_at is None:
        return None
    if listed.published_precision == DATE:
        return listed.published_at.date().isoformat()
    return listed.published_at.isoformat()


Sink = Callable[[list[Document | Reject]], None]


class Crawler:
    """One crawl: the fetcher, the lake's memory (known URLs, last polls) and what was found.

    With a `sink`, fetched pages and rejects are handed over a batch at a time (in a worker thread, while the
    crawl waits), so a crawl holds one batch of pages, not all of them; without one, they are all kept.
    """

    def __init__(self, settings: Settings, known_urls: Callable[[Iterable[str]], set[str]],
                 last_polls: dict[str, Poll], sink: Sink | None = None, published: PublishedRange | None = None
                 ) -> None:
        self.settings = settings
        self.known_urls = known_urls
        self.last_polls = {} if published else last_polls   # a backfill reads every listing whole
        self.sink = sink
        self.published = published
        self.result = CrawlResult()
        self.listed: dict[str, Listed] = {}
        self.found: set[str] = set()     # the source URIs found this run, each one page or reject

    def _found(self, item: Document | Reject) -> None:
        """Keep a page or reject, unless its URL already gave one (an input also listed, a link
        listed twice): every source URI is accounted for once."""
        if item.source_uri not in self.found:
            self.found.add(item.source_uri)
            self.result.items.append(item)

    async def run(self, inputs: list[str]) -> CrawlResult:
        async with Fetcher(self.settings) as fetcher:
            self.fetcher = fetcher
            await asyncio.gather(*(self._input(item) for item in inputs))
            await self._fetch_articles()
        return self.result

    async def _input(self, item: str) -> None:
        if is_url(item):
            await self._listing_or_page(item, None, depth=0)
            return
        try:
            sources = load_sources(Path(item))
        except SourcesError as err:
            self._found(fetch_reject(str(Path(item).resolve()), err, "bad_sources"))
            return
        await asyncio.gather(*(self._source(source) for source in sources))

    async def _source(self, source: Source) -> None:
        policy = HostPolicy(source.concurrency or self.settings.host_concurrency,
                            source.min_interval_seconds if source.min_interval_seconds is not None
                            else self.settings.min_interval_seconds)
        for url in (source.homepage, *source.feeds, *source.sitemaps):
            if url:
                self.fetcher.set_policy(url, policy)
        await asyncio.gather(*(self._listing_or_page(url, source, depth=0)
                               for url in (*source.feeds, *source.sitemaps)))

    async def _listing_or_page(self, url: str, source: Source | None, depth: int) -> None:
        """Fetch a URL and read it as a feed, a sitemap, or (for a URL input) an article page."""
        last = self.last_polls.get(url)
        if last is None and source is None and url in self.known_urls([url]) and not self.settings.refetch:
            self.result.known_skipped += 1
            return
        try:
            response = await self.fetcher.fetch(url, last.conditional_headers() if last else None)
        except FetchError as err:
            self._found(fetch_reject(url, err))
            return
        kind = ("feed" if looks_like_feed(response.body, response.content_type)
                else "sitemap" if looks_like_sitemap(response.body) else None)
        if response.status == 304:
            kind = last.kind if last else "feed"
        elif kind is None:
            if source is None and depth == 0:
                self._found(page_document(response))
            else:
                self._found(fetch_reject(url, BadFeed("neither a feed nor a sitemap"), "bad_feed"))
            return
        self.result.polls.append(Poll(url, kind, response.status, response.headers.get("etag"),
                                      response.headers.get("last-modified"), response.fetched_at))
        if response.status == 304:
            return
        try:
            await self._read_listing(response, kind, source, depth)
        except BadFeed as err:
            self._found(fetch_reject(url, err, "bad_feed"))

    async def _read_listing(self, response: Response, kind: str, source: Source | None, depth: int) -> None:
        if kind == "feed":
            feed = parse_feed(response.body, response.final_url)
            entries = [Listed(e.url, source, e.title, e.published_at, e.published_precision)
                       for e in feed.entries]
            bad_links = feed.bad_links
        else:
            sitemap = parse_sitemap(response.body, response.final_url)
            entries = [Listed(e.url, source, e.title, *e.publication()) for e in sitemap.entries]
            bad_links = sitemap.bad_links
            if depth < MAX_SITEMAP_DEPTH:
                await asyncio.gather(*(self._listing_or_page(child, source, depth + 1)
                                       for child in sitemap.sitemaps if self._may_list_range(sitemap, child)))
        for entry in entries:
            self.listed.setdefault(entry.url, entry)
        for bad in bad_links:
            detail = f"{response.final_url} lists {bad.url!r}, which cannot be fetched: "
            self._found(fetch_reject(bad.url, FetchError("bad_url", detail + bad.problem)))

    def _may_list_range(self, index: Sitemap, child: str) -> bool:
        """Tell whether a child sitemap may list articles of the backfill's days: not when it was last
        modified before the first of them (articles are listed when published)."""
        lastmod = index.lastmods.get(child)
        return self.published is None or lastmod is None or lastmod.date() >= self.published.first

    async def _fetch_articles(self) -> None:
        """Fetch every listed article URL the lake does not hold, within each source's cap."""
        known = set() if self.settings.refetch else self.known_urls(self.listed)
        self.result.known_skipped += len(known)
        taken: dict[str, int] = {}
        wanted = []
        for url, entry in self.listed.items():
            if url in known or url in self.found:
                continue
            if self.published and entry.published_at and entry.published_at not in self.published:
                self.result.outside_range += 1
                continue
            name = entry.source.name if entry.source else ""
            cap = entry.source.max_articles_per_run if entry.source else None
            if cap is not None and taken.get(name, 0) >= cap:
                continue
            taken[name] = taken.get(name, 0) + 1
            wanted.append(entry)
        size = self.settings.batch_size_documents
        await self._hand_over()
        for first in range(0, len(wanted), size):
            await asyncio.gather(*(self._article(entry) for entry in wanted[first:first + size]))
            await self._hand_over()

    async def _hand_over(self) -> None:
        """Give what was found so far to the sink, in a stable order."""
        if self.sink and self.result.items:
            items = sorted(self.result.items, key=lambda item: item.source_uri)
            self.result.items = []
            await asyncio.to_thread(self.sink, items)  # copies the context: Prefect's run context included

    async def _article(self, entry: Listed) -> None:
        try:
            self._found(page_document(await self.fetcher.fetch(entry.url), entry))
        except FetchError as err:
            self._found(fetch_reject(entry.url, err))


def crawl(inputs: list[str], settings: Settings, known_urls: Callable[[Iterable[str]], set[str]],
          last_polls: dict[str, Poll], sink: Sink | None = None, published: PublishedRange | None = None
          ) -> CrawlResult:
    """Crawl the web inputs; documents and rejects go to the sink by batches (or stay in the result, in a
    stable order), and the result keeps the polls to remember (a backfill's are not to be remembered)."""
    result = asyncio.run(Crawler(settings, known_urls, last_polls, sink, published).run(inputs))
    result.items.sort(key=lambda item: item.source_uri)
    return result
