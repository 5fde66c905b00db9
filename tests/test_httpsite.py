"""The local test website itself: each endpoint behaves as web-fetching tests expect (and shows how to use it)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from email.utils import format_datetime
from urllib.parse import urlsplit

import httpx
import pytest
from httpsite import (CHUNK_BYTES, ETAGS, GZIP_BOMB_BYTES, GZIP_TWICE_BYTES, HUGE_BYTES,
                      LAST_MODIFIED, LOOPBACK_URL, METADATA_URL, RETRY_AFTER_SECONDS, SLOW_SECONDS,
                      Site, gzip_twice)

TIMEOUT_SECONDS = 2.0
READ_TIMEOUT_SECONDS = 1.0
EARLY_STOP_BYTES = 1_000_000
WAIT_STEP_SECONDS = 0.01
INFLATE_STEP_BYTES = 1024 * 1024
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """A client that ignores proxy settings, does not follow redirects and gives up quickly."""
    with httpx.Client(trust_env=False, timeout=TIMEOUT_SECONDS) as c:
        yield c


def site_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("httpsite-")]


def test_hosts_are_distinct_loopback_addresses(site: Site) -> None:
    news, faults = urlsplit(site.host("news")), urlsplit(site.host("faults"))
    assert (news.scheme, news.hostname, faults.hostname) == ("http", "127.0.0.2", "127.0.0.3")
    assert news.port and faults.port
    with pytest.raises(KeyError, match="h00"):
        site.host("h00")


def test_news_homepage_and_robots(site: Site, client: httpx.Client) -> None:
    home = client.get(site.host("news") + "/")
    assert home.status_code == 200 and home.headers["content-type"] == "text/html; charset=utf-8"
    assert '<a href="/articles/1.html">' in home.text and '<a href="/articles/10.html">' in home.text
    assert 'href="/rss.xml"' in home.text
    robots = client.get(site.host("news") + "/robots.txt")
    assert robots.text.startswith("User-agent: *\nDisallow: /private/\n")
    assert f"Sitemap: {site.host('news')}/sitemap_index.xml" in robots.text
    assert client.get(site.host("news") + "/nowhere").status_code == 404


def test_rss_lists_five_articles_and_a_private_page(site: Site, client: httpx.Client) -> None:
    base = site.host("news")
    response = client.get(base + "/rss.xml")
    assert response.headers["etag"] == '"rss-v1"'
    assert response.headers["last-modified"] == "Tue, 03 Mar 2026 10:00:00 GMT"
    items = ET.fromstring(response.content).findall("./channel/item")
    assert [i.findtext("link") for i in items] == [f"{base}/articles/{n}.html" for n in range(1, 6)] + [
        f"{base}/private/secret.html"]
    assert items[0].findtext("pubDate") == "Tue, 03 Mar 2026 01:00:00 +0000"
    assert len({i.findtext("title") for i in items}) == 6


def test_atom_feed(site: Site, client: httpx.Client) -> None:
    base = site.host("news")
    response = client.get(base + "/atom.xml")
    assert response.headers["etag"] == '"atom-v1"'
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [f"{base}/articles/{n}.html" for n in (3, 6, 7)]
    assert entries[0].findtext(f"{ATOM}updated") == "2026-03-03T03:00:00+00:00"


def test_sitemaps(site: Site, client: httpx.Client) -> None:
    base = site.host("news")
    index = ET.fromstring(client.get(base + "/sitemap_index.xml").content)
    assert [s.findtext(f"{SITEMAP}loc") for s in index] == [base + "/sitemap-news.xml", base + "/sitemap-pages.xml.gz"]
    news = ET.fromstring(client.get(base + "/sitemap-news.xml").content)
    assert [u.findtext(f"{SITEMAP}loc") for u in news] == [f"{base}/articles/{n}.html" for n in (8, 9)]
    assert news[0].findtext(f"{NEWS}news/{NEWS}publication_date") == "2026-03-03T08:00:00+00:00"
    assert news[0].findtext(f"{NEWS}news/{NEWS}title")
    pages = client.get(base + "/sitemap-pages.xml.gz")
    assert pages.headers["content-type"] == "application/gzip" and "content-encoding" not in pages.headers
    urlset = ET.fromstring(gzip.decompress(pages.content))
    assert urlset[0].findtext(f"{SITEMAP}loc") == base + "/articles/10.html"
    assert urlset[0].findtext(f"{SITEMAP}lastmod") == "2026-03-03T10:00:00+00:00"


@pytest.mark.parametrize("path", list(ETAGS))
def test_conditional_get(site: Site, client: httpx.Client, path: str) -> None:
    url = site.host("news") + path
    first = client.get(url)
    assert first.status_code == 200 and first.headers["etag"] == ETAGS[path]
    same = client.get(url, headers={"If-None-Match": ETAGS[path]})
    assert (same.status_code, same.content, same.headers["etag"]) == (304, b"", ETAGS[path])
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    current = format_datetime(LAST_MODIFIED, usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": current}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": "Mon, 02 Mar 2026 10:00:00 GMT"}).status_code == 200


def test_article_pages(site: Site, client: httpx.Client) -> None:
    url = site.host("news") + "/articles/7.html"
    page = client.get(url)
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert f'<link rel="canonical" href="{url}">' in page.text
    assert '<meta property="article:published_time" content="2026-03-03T07:00:00+00:00">' in page.text
    paragraphs = page.text.split("<article>")[1].split("</article>")[0].split("<p>")[1:]
    assert len(paragraphs) == 4 and all("7" in p and len(p.split()) > 30 for p in paragraphs)
    assert client.get(url).text == page.text
    other = client.get(site.host("news") + "/articles/8.html").text
    assert other.split("<title>")[1] != page.text.split("<title>")[1]
    secret = client.get(site.host("news") + "/private/secret.html")
    assert secret.status_code == 200 and "<article>" in secret.text


def test_articles_are_gzipped_when_accepted(site: Site, client: httpx.Client) -> None:
    url = site.host("news") + "/articles/2.html"
    with client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as response:
        raw = response.read()
    assert response.headers["content-encoding"] == "gzip" and response.headers["vary"] == "Accept-Encoding"
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert int(plain.headers["content-length"]) == len(plain.content)
    assert response.text == plain.text and len(raw) == int(plain.headers["content-length"])


def test_head_sends_headers_only(site: Site, client: httpx.Client) -> None:
    response = client.head(site.host("news") + "/articles/3.html", headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200 and int(response.headers["content-length"]) > 1000
    assert response.content == b""


def test_request_log_records_headers_and_times(site: Site, client: httpx.Client) -> None:
    base = site.host("news")
    before = time.monotonic()
    client.get(base + "/robots.txt", headers={"User-Agent": "copydesk-test/1.0"})
    client.get(base + "/?page=2")
    client.get(site.host("faults") + "/robots.txt")
    after = time.monotonic()
    robots, home = site.requests_to("news")
    assert (robots.host, robots.path, robots.method) == ("news", "/robots.txt", "GET")
    assert robots.headers["user-agent"] == "copydesk-test/1.0" and robots.headers["host"] == urlsplit(base).netloc
    assert before <= robots.at <= home.at <= after
    assert site.requests_to("news", "/") == [home] == site.requests_to("news", "/?page=2")
    assert home.path == "/?page=2" and len(site.requests) == 3
    site.clear()
    assert site.requests == []


def test_slow_answers_after_the_read_timeout(site: Site) -> None:
    with httpx.Client(trust_env=False, timeout=READ_TIMEOUT_SECONDS) as slow_client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            slow_client.get(site.host("faults") + "/slow")
        assert time.monotonic() - started < SLOW_SECONDS


def test_slow_body_stalls_after_the_headers(site: Site) -> None:
    with httpx.Client(trust_env=False, timeout=READ_TIMEOUT_SECONDS) as slow_client:
        with slow_client.stream("GET", site.host("faults") + "/slow-body") as response:
            assert response.status_code == 200 and int(response.headers["content-length"]) > 1024
            with pytest.raises(httpx.ReadTimeout):
                response.read()


@pytest.mark.parametrize(("path", "first_status", "retry_after"),
                         [("/flaky", 500, None), ("/limited", 429, str(RETRY_AFTER_SECONDS)),
                          ("/unavailable", 503, str(RETRY_AFTER_SECONDS))])
def test_transient_failures_recover(site: Site, client: httpx.Client, path: str, first_status: int,
                                    retry_after: str | None) -> None:
    url = site.host("faults") + path
    first = client.get(url)
    assert (first.status_code, first.headers.get("retry-after")) == (first_status, retry_after)
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    assert "<article>" in client.get(url).text
    site.clear()
    assert client.get(url).status_code == first_status


@pytest.mark.parametrize(("path", "status"), [("/always-500", 500), ("/gone", 404), ("/forbidden", 403),
                                              ("/nowhere", 404)])
def test_permanent_failures(site: Site, client: httpx.Client, path: str, status: int) -> None:
    url = site.host("faults") + path
    assert [client.get(url).status_code for _ in range(2)] == [status, status]


def test_redirect_loop_and_chain(site: Site, client: httpx.Client) -> None:
    base = site.host("faults")
    assert client.get(base + "/loop").headers["location"] == "/loop2"
    assert client.get(base + "/loop2").headers["location"] == "/loop"
    with pytest.raises(httpx.TooManyRedirects):
        client.get(base + "/loop", follow_redirects=True)
    site.clear()
    end = client.get(base + "/redirect-chain/3", follow_redirects=True)
    assert end.status_code == 200 and len(end.history) == 3 and "<article>" in end.text
    assert [r.path for r in site.requests_to("faults")] == [f"/redirect-chain/{n}" for n in (3, 2, 1, 0)]


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked"])
def test_huge_streams_and_the_client_can_stop_early(site: Site, client: httpx.Client, path: str) -> None:
    url = site.host("faults") + path
    with client.stream("GET", url) as response:
        chunked = response.headers.get("transfer-encoding") == "chunked"
        assert (chunked, response.headers.get("content-length")) == (
            (True, None) if path == "/huge-chunked" else (False, str(HUGE_BYTES)))
        received = 0
        for chunk in response.iter_raw(CHUNK_BYTES):    # ends at EARLY_STOP_BYTES, or HUGE_BYTES at worst
            received += len(chunk)
            if received >= EARLY_STOP_BYTES:
                break
    assert EARLY_STOP_BYTES <= received < HUGE_BYTES
    with client.stream("GET", url) as response:
        assert sum(len(chunk) for chunk in response.iter_raw(CHUNK_BYTES)) == HUGE_BYTES
    assert client.get(site.host("faults") + "/robots.txt").status_code == 200


def test_gzip_twice(site: Site, client: httpx.Client) -> None:
    gzip_twice(GZIP_TWICE_BYTES)        # built once, before the request's timeout runs
    with client.stream("GET", site.host("faults") + "/gzip-twice") as response:
        raw = b"".join(response.iter_raw())
    assert response.headers["content-encoding"] == "gzip, gzip" and len(raw) < 2_000
    inner = gzip.decompress(raw)
    assert len(inner) < 500_000
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert inflater.decompress(inner, 64).startswith(b"<!DOCTYPE html>")
    inflated = 64
    while inflater.unconsumed_tail:
        inflated += len(inflater.decompress(inflater.unconsumed_tail, INFLATE_STEP_BYTES))
    assert inflated + len(inflater.flush()) == GZIP_TWICE_BYTES and inflater.eof


def test_fixed_answers_and_the_ipv6_host(client: httpx.Client) -> None:
    with Site().start(n_hosts=1, ipv6=True) as site:
        v6 = site.host("v6")
        assert urlsplit(v6).hostname == "::1" and v6.startswith("http://[::1]:")
        assert client.get(v6 + "/articles/1.html").status_code == 200
        site.serve("v6", "/robots.txt", "User-agent: *\nDisallow: /\n")
        site.serve("news", "/moved", status=301, headers={"Location": v6 + "/"})
        robots = client.get(v6 + "/robots.txt?x=1")
        assert robots.text == "User-agent: *\nDisallow: /\n"
        assert robots.headers["content-type"].startswith("text/plain")
        moved = client.get(site.host("news") + "/moved")
        assert (moved.status_code, moved.headers["location"], moved.content) == (301, v6 + "/", b"")


def test_gzip_bomb(site: Site, client: httpx.Client) -> None:
    with client.stream("GET", site.host("faults") + "/gzip-bomb") as response:
        raw = b"".join(response.iter_raw())
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["content-type"].startswith("text/html")
    assert len(raw) == int(response.headers["content-length"]) < 150_000
    inflater, inflated, pending = zlib.decompressobj(16 + zlib.MAX_WBITS), 0, raw
    for _ in range(GZIP_BOMB_BYTES // INFLATE_STEP_BYTES + 2):
        inflated += len(inflater.decompress(pending, INFLATE_STEP_BYTES))
        pending = inflater.unconsumed_tail
        if not pending:
            break
    inflated += len(inflater.flush())
    assert inflated == GZIP_BOMB_BYTES and inflater.eof


@pytest.mark.parametrize(("path", "content_type", "magic"), [("/report.pdf", "application/pdf", b"%PDF-"),
                                                              ("/photo.jpg", "image/jpeg", b"\xff\xd8\xff"),
                                                              ("/clip.mp4", "video/mp4", b"\x00\x00\x00\x18ftyp")])
def test_binary_files(site: Site, client: httpx.Client, path: str, content_type: str, magic: bytes) -> None:
    response = client.get(site.host("faults") + path)
    assert response.headers["content-type"] == content_type and response.content.startswith(magic)


def test_latin1_page(site: Site, client: httpx.Client) -> None:
    response = client.get(site.host("faults") + "/latin1")
    assert response.headers["content-type"] == "text/html; charset=iso-8859-1"
    assert b"<meta charset" not in response.content
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    assert "Grève des dockers à Port-Elwin" in response.content.decode("iso-8859-1")


def test_wrong_charset_page(site: Site, client: httpx.Client) -> None:
    response = client.get(site.host("faults") + "/wrong-charset")
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert b"<meta charset" not in response.content
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    assert "The café’s owner" in response.content.decode("cp1252")


@pytest.mark.parametrize(("path", "location"), [("/to-metadata", METADATA_URL), ("/to-loopback", LOOPBACK_URL)])
def test_redirects_to_forbidden_addresses(site: Site, client: httpx.Client, path: str, location: str) -> None:
    response = client.get(site.host("faults") + path)     # never follow: nothing must try the target
    assert (response.status_code, response.headers["location"]) == (302, location)
    assert [r.path for r in site.requests] == [path]


def test_article_hosts_for_benchmarks(client: httpx.Client) -> None:
    with Site().start(n_hosts=0, article_hosts=3) as many:
        bases = [many.host(f"h{i:02d}") for i in range(3)]
        assert [urlsplit(b).hostname for b in bases] == ["127.0.0.4", "127.0.0.5", "127.0.0.6"]
        assert client.get(bases[0] + "/robots.txt").text == "User-agent: *\nDisallow:\n"
        pages = [client.get(f"{b}/articles/42.html") for b in bases]
        assert all(p.status_code == 200 and "report 42" in p.text for p in pages)
        assert len({p.text.split("<title>")[1] for p in pages}) == 3
        assert client.get(bases[1] + "/").status_code == 404
        assert [r.host for r in many.requests] == ["h00", "h00", "h01", "h02", "h01"]
        with pytest.raises(KeyError):
            many.host("news")


def test_stop_frees_ports_and_threads_even_mid_request() -> None:
    running = Site().start()
    news_url, faults = running.host("news") + "/", urlsplit(running.host("faults"))
    address = (faults.hostname, faults.port)
    with httpx.Client(trust_env=False, timeout=TIMEOUT_SECONDS) as idle:    # keeps a connection open
        assert idle.get(news_url).status_code == 200
        with socket.create_connection(address, timeout=TIMEOUT_SECONDS) as stalled:
            stalled.sendall(b"GET /slow HTTP/1.1\r\nHost: faults\r\n\r\n")
            deadline = time.monotonic() + TIMEOUT_SECONDS
            while not running.requests_to("faults", "/slow") and time.monotonic() < deadline:
                time.sleep(WAIT_STEP_SECONDS)
            started = time.monotonic()
            running.stop()
            assert time.monotonic() - started < SLOW_SECONDS / 3
            assert stalled.recv(1) == b""                   # closed without an answer
        with pytest.raises(httpx.ConnectError):
            idle.get(news_url)
    assert site_threads() == []
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)                                 # fails while anything still listens there
    running.stop()
    with pytest.raises(KeyError):
        running.host("news")
