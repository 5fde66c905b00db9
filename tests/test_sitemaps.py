import gzip
from datetime import datetime, timezone
from pathlib import Path

import pytest

from copydesk.tasks import sitemaps
from copydesk.tasks.feeds import BadFeed
from copydesk.tasks.sitemaps import Sitemap, SitemapEntry, looks_like_sitemap, parse_sitemap
from copydesk.tasks.urls import BadLink

BASE = "https://www.example.com/sitemaps/news.xml"
UTC = timezone.utc

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc> https://WWW.example.com/news/strike?utm_campaign=gn&amp;id=7 </loc>
    <lastmod>2026-03-03T09:00:00+01:00</lastmod>
    <news:news>
      <news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-03-03T08:15:00+01:00</news:publication_date>
      <news:title>Dock workers   strike</news:title>
    </news:news>
    <image:image><image:loc>https://cdn.example.com/a.jpg</image:loc><image:title>Not the headline</image:title></image:image>
  </url>
  <url><loc>/news/relative</loc><lastmod>2026-03-02</lastmod></url>
  <url><loc>https://www.example.com/news/strike?id=7</loc><news:news><news:title>Duplicate</news:title></news:news></url>
  <url><loc>ftp://files.example.com/x</loc></url>
  <url><lastmod>2026-03-01</lastmod></url>
  <url><loc>https://www.example.com/news/undated</loc><lastmod>yesterday</lastmod></url>
</urlset>"""

EXPECTED = [
    SitemapEntry("https://www.example.com/news/strike?id=7", "Dock workers strike",
                 datetime(2026, 3, 3, 7, 15, tzinfo=UTC), datetime(2026, 3, 3, 8, 0, tzinfo=UTC),
                 "time", "time"),
    SitemapEntry("https://www.example.com/news/relative", None, None,
                 datetime(2026, 3, 2, tzinfo=UTC), None, "date"),
    SitemapEntry("https://www.example.com/news/undated", None, None, None),
]
NEWS_BAD_LINKS = [BadLink("ftp://files.example.com/x", "not an http(s) URL")]

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.com/sitemaps/2026-03.xml.gz</loc><lastmod>2026-03-05</lastmod></sitemap>
  <sitemap><loc>2026-02.xml</loc></sitemap>
  <sitemap><loc>https://www.example.com/sitemaps/2026-03.xml.gz#again</loc></sitemap>
</sitemapindex>"""


def test_news_sitemap_entries_are_canonical_deduplicated_and_dated_in_utc() -> None:
    assert parse_sitemap(NEWS, BASE) == Sitemap(EXPECTED, [], bad_links=NEWS_BAD_LINKS)


def test_sitemap_index_lists_its_child_sitemaps_with_their_lastmod() -> None:
    assert parse_sitemap(INDEX, BASE) == Sitemap([], ["https://www.example.com/sitemaps/2026-03.xml.gz",
                                                      "https://www.example.com/sitemaps/2026-02.xml"],
                                                 {"https://www.example.com/sitemaps/2026-03.xml.gz":
                                                  datetime(2026, 3, 5, tzinfo=timezone.utc)})


def test_prefixed_namespaces_read_the_same() -> None:
    body = b"""<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"
                          xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
      <sm:url><sm:loc>https://www.example.com/a</sm:loc><sm:lastmod>2026-03-02T10:00:00Z</sm:lastmod>
        <n:news><n:publication_date>2026-03-02</n:publication_date><n:title>A</n:title></n:news></sm:url>
    </sm:urlset>"""
    assert parse_sitemap(body, BASE).entries == [
        SitemapEntry("https://www.example.com/a", "A", datetime(2026, 3, 2, tzinfo=UTC),
                     datetime(2026, 3, 2, 10, 0, tzinfo=UTC), "date", "time")]


def test_a_sitemap_without_namespace_is_tolerated() -> None:
    body = b"<urlset><url><loc>https://www.example.com/a</loc></url><url><loc>b</loc></url></urlset>"
    assert [entry.url for entry in parse_sitemap(body, BASE).entries] == [
        "https://www.example.com/a", "https://www.example.com/sitemaps/b"]


def test_gzipped_sitemaps_are_decompressed() -> None:
    assert parse_sitemap(gzip.compress(NEWS), BASE) == Sitemap(EXPECTED, [],
                                                                bad_links=NEWS_BAD_LINKS)
    assert looks_like_sitemap(gzip.compress(INDEX))


def test_gzip_bombs_and_oversized_sitemaps_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitemaps, "MAX_SITEMAP_BYTES", 1_000)
    bomb = gzip.compress(NEWS[:-len(b"</urlset>")] + b" " * 10_000_000 + b"</urlset>")
    assert len(bomb) < 20_000
    with pytest.raises(BadFeed, match="more than 1000 bytes once decompressed"):
        parse_sitemap(bomb, BASE)
    with pytest.raises(BadFeed, match="more than the sitemap limit of 1000"):
        parse_sitemap(NEWS, BASE)


def test_the_real_cap_is_the_protocol_limit() -> None:
    assert sitemaps.MAX_SITEMAP_BYTES == 50_000_000


@pytest.mark.parametrize(("body", "detail"), [
    (gzip.compress(NEWS)[:200], "gzip stream ends early"),
    (b"\x1f\x8b\x08\x00 not really gzip", "not a valid gzip stream"),
    (b"<urlset><url><loc>https://www.example.com/a</loc></url>", "not well-formed XML"),
    (b"", "not well-formed XML"),
    (b"<!DOCTYPE html><html><body>Not found</body></html>", "root element <html> is not"),
    (b'<rss version="2.0"><channel/></rss>', "root element <rss> is not"),
])
def test_what_is_not_a_sitemap_is_a_bad_feed(body: bytes, detail: str) -> None:
    with pytest.raises(BadFeed, match=detail) as raised:
        parse_sitemap(body, BASE)
    assert raised.value.reason == "bad_feed"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<urlset><url><loc>https://www.example.com/&e;</loc></url></urlset>"""


def external_entity(uri: str) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE urlset [ <!ENTITY xxe SYSTEM "{uri}"> ]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://www.example.com/a?leak=&xxe;</loc><news:news><news:title>&xxe;</news:title></news:news></url>
</urlset>""".encode()


def test_billion_laughs_is_refused_gzipped_or_not() -> None:
    for body in (BILLION_LAUGHS, gzip.compress(BILLION_LAUGHS)):
        with pytest.raises(BadFeed, match="unsafe XML"):
            parse_sitemap(body, BASE)


def test_external_entities_are_refused_and_no_file_content_appears(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    for uri in ("file:///etc/passwd", secret.as_uri()):
        with pytest.raises(BadFeed, match="unsafe XML") as raised:
            parse_sitemap(external_entity(uri), BASE)
        assert "TOP-SECRET-MARKER" not in repr(raised.value) and "root:" not in repr(raised.value)


def test_an_external_dtd_is_never_fetched(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "TOP-SECRET-MARKER">')
    body = f"""<!DOCTYPE urlset SYSTEM "{dtd.as_uri()}">
<urlset><url><loc>https://www.example.com/a</loc><lastmod>2026-03-02</lastmod></url></urlset>""".encode()
    assert parse_sitemap(body, BASE) == Sitemap(
        [SitemapEntry("https://www.example.com/a", None, None, datetime(2026, 3, 2, tzinfo=UTC),
                      None, "date")], [])


@pytest.mark.parametrize(("body", "expected"), [
    (NEWS, True),
    (INDEX, True),
    (gzip.compress(NEWS), True),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- by the CMS -->\n<sm:urlset xmlns:sm="x"/>', True),
    (b"<urlset><url><loc>https://www.example.com/a</loc></url></urlset>", True),
    (b'<rss version="2.0"/>', False),
    (b"<!DOCTYPE html><html/>", False),
    (b"\x1f\x8b\x08\x00 not really gzip", False),
    (gzip.compress(b"<html/>"), False),
    (b"", False),
])
def test_looks_like_sitemap(body: bytes, expected: bool) -> None:
    assert looks_like_sitemap(body) is expected


def test_locs_that_cannot_be_fetched_are_listed_as_bad_links() -> None:
    locs = ["https://www.example.com/a", "http://[oops/y", "http://８.８.８.８/news"]
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    body = f"<urlset>{urls}</urlset>".encode()
    sitemap = parse_sitemap(body, BASE)
    assert [entry.url for entry in sitemap.entries] == ["https://www.example.com/a"]
    assert [(bad.url, bad.problem.split(":")[0]) for bad in sitemap.bad_links] == [
        ("http://[oops/y", "not a valid URL"), ("http://８.８.８.８/news", "not a valid URL")]
