"""Parse XML sitemaps, sitemap indexes and Google News sitemaps, gzipped or not, refusing unsafe XML.

Elements are matched by local name, so the sitemap namespace may be default, prefixed, misspelt or absent.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree
from defusedxml import DefusedXmlException

from copydesk.tasks.dates import parse_datetime, parse_published
from copydesk.tasks.feeds import SNIFF_BYTES, BadFeed, refuse_unsafe_xml, root_name
from copydesk.tasks.urls import BadLink, listed_url

MAX_SITEMAP_BYTES = 50_000_000      # the sitemap protocol's limit, uncompressed
GZIP_MAGIC = b"\x1f\x8b"
GZIP_WBITS = 16 + zlib.MAX_WBITS
SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    title: str | None               # news:title
    published_at: datetime | None   # news:publication_date
    lastmod: datetime | None
    published_precision: str | None = None   # `time`, or `date` when only a day is given
    lastmod_precision: str | None = None

    def publication(self) -> tuple[datetime | None, str | None]:
        """When the article was published, as far as the sitemap tells: its news date, else its
        lastmod, with the precision of that."""
        if self.published_at:
            return self.published_at, self.published_precision
        return self.lastmod, self.lastmod_precision


@dataclass(frozen=True, slots=True)
class Sitemap:
    entries: list[SitemapEntry]
    sitemaps: list[str]             # the child sitemaps, when this is a sitemap index
    lastmods: dict[str, datetime] = field(default_factory=dict)   # of the child sitemaps that say it
    bad_links: list[BadLink] = field(default_factory=list)        # <loc>s that cannot be fetched


def looks_like_sitemap(body: bytes) -> bool:
    """Tell a sitemap or sitemap index by its root element, looking inside gzip."""
    if body.startswith(GZIP_MAGIC):
        try:
            body = zlib.decompressobj(GZIP_WBITS).decompress(body, SNIFF_BYTES)
        except zlib.error:
            return False
    return _local(root_name(body) or "") in SITEMAP_ROOTS


def parse_sitemap(body: bytes, base_url: str) -> Sitemap:
    """List a sitemap's article URLs (or an index's child sitemaps), canonical and each kept once, in order."""
    xml = _gunzip(body) if body.startswith(GZIP_MAGIC) else body
    if len(xml) > MAX_SITEMAP_BYTES:
        raise BadFeed(f"{len(xml)} bytes, more than the sitemap limit of {MAX_SITEMAP_BYTES}")
    refuse_unsafe_xml(xml)
    try:
        root = defusedxml.ElementTree.fromstring(xml)
    except DefusedXmlException as err:
        raise BadFeed(f"unsafe XML: {err}") from err
    except ParseError as err:
        raise BadFeed(f"not well-formed XML: {err}") from err
    kind = _local(root.tag)
    if kind not in SITEMAP_ROOTS:
        raise BadFeed(f"root element <{kind}> is not <urlset> or <sitemapindex>")
    found: dict[str, Element] = {}
    bad: list[BadLink] = []
    for item in root:
        loc = _text(item, "loc")
        url = listed_url(base_url, loc) if loc else None
        if isinstance(url, BadLink):
            bad.append(url)
        elif url and url not in found:
            found[url] = item
    if kind == "sitemapindex":
        lastmods = {url: lastmod for url, item in found.items()
                    if (lastmod := parse_datetime(_text(item, "lastmod")))}
        return Sitemap([], list(found), lastmods, bad)
    return Sitemap([_entry(url, item) for url, item in found.items()], [], bad_links=bad)


def _entry(url: str, item: Element) -> SitemapEntry:
    news = _child(item, "news")
    published = parse_published(_text(news, "publication_date"))
    lastmod = parse_published(_text(item, "lastmod"))
    return SitemapEntry(url, _text(news, "title"), published and published.at,
                        lastmod and lastmod.at, published and published.precision,
                        lastmod and lastmod.precision)


def _gunzip(body: bytes) -> bytes:
    """Decompress a gzipped sitemap, refusing more than MAX_SITEMAP_BYTES and truncated streams."""
    inflater = zlib.decompressobj(GZIP_WBITS)
    try:
        xml = inflater.decompress(body, MAX_SITEMAP_BYTES + 1)
    except zlib.error as err:
        raise BadFeed(f"not a valid gzip stream: {err}") from err
    if len(xml) > MAX_SITEMAP_BYTES:
        raise BadFeed(f"more than {MAX_SITEMAP_BYTES} bytes once decompressed")
    if not inflater.eof:
        raise BadFeed("gzip stream ends early")
    return xml


def _local(tag: object) -> str:
    """Name an element without its namespace or prefix: `{ns}url` and `sm:url` are both `url`."""
    return tag.rpartition("}")[2].rpartition(":")[2] if isinstance(tag, str) else ""


def _child(parent: Element | None, name: str) -> Element | None:
    return next((child for child in parent if _local(child.tag) == name), None) if parent is not None else None


def _text(parent: Element | None, name: str) -> str | None:
    child = _child(parent, name)
    text = " ".join(child.text.split()) if child is not None and child.text else ""
    return text or None
