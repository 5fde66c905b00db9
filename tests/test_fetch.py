"""The fetcher against a real local web site (tests/httpsite.py): what the server actually received."""

from __future__ import annotations

import asyncio
import gzip
import logging
import subprocess
import sys
import time
import zlib

import pytest
from httpsite import GZIP_TWICE_BYTES, Site, gzip_twice

from copydesk.config import Settings
from copydesk.tasks.fetch import (MAX_CRAWL_DELAY_SECONDS, Fetcher, FetchError, Response,
                                  address_allowed, crawl_delay_seconds, retry_after_seconds)

FAST = Settings(allow_private=True, min_interval_seconds=0.0, backoff_base_seconds=0.05, max_attempts=3,
                connect_timeout_seconds=1.0, read_timeout_seconds=1.0, total_timeout_seconds=5.0,
                contact_url="https://example.org/contact")


async def _fetch_all(settings: Settings, urls: list[str], conditional: dict[str, str] | None = None
                     ) -> list[Response | FetchError]:
    async with Fetcher(settings) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u, conditional) for u in urls), return_exceptions=True)
    for result in results:
        if not isinstance(result, (Response, FetchError)):
            raise result
    return list(results)


def fetch(url: str, settings: Settings = FAST, conditional: dict[str, str] | None = None) -> Response:
    result = asyncio.run(_fetch_all(settings, [url], conditional))[0]
    if isinstance(result, FetchError):
        raise result
    return result


def failure(url: str, settings: Settings = FAST) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, settings)
    return caught.value


def test_a_page_is_fetched_with_a_named_user_agent(site: Site) -> None:
    response = fetch(site.host("news") + "/articles/1.html")
    assert response.status == 200 and b"<article" in response.body
    assert response.content_type.startswith("text/html")
    request = site.requests_to("news", "/articles/1.html")[0]
    assert request.headers["user-agent"].startswith("copydesk/") and "https://example.org/contact" in request.headers["user-agent"]


def test_robots_txt_is_obeyed_and_read_once(site: Site) -> None:
    news = site.host("news")
    results = asyncio.run(_fetch_all(FAST, [news + "/articles/1.html", news + "/private/secret.html",
                                            news + "/articles/2.html"]))
    assert isinstance(results[1], FetchError) and results[1].reason == "robots_disallowed"
    assert isinstance(results[0], Response) and isinstance(results[2], Response)
    assert site.requests_to("news", "/private/secret.html") == []
    assert len(site.requests_to("news", "/robots.txt")) == 1


def outcomes(urls: list[str], settings: Settings = FAST) -> list[str]:
    """Fetch URLs together: "fetched", or the reject reason, for each."""
    results = asyncio.run(_fetch_all(settings, urls))
    return ["fetched" if isinstance(r, Response) else r.reason for r in results]


def test_robots_wildcards_and_the_longest_match() -> None:
    with Site().start(n_hosts=0, article_hosts=1) as site:
        site.serve("h00", "/robots.txt",
                   "User-agent: *\nDisallow: /*?print=\nDisallow: /articles/\n"
                   "Allow: /articles/3.html$\n")
        base = site.host("h00")
        paths = ["/articles/3.html?print=1", "/articles/3.html", "/articles/4.html",
                 "/news/a?print=1"]
        assert outcomes([base + path for path in paths]) == [
            "robots_disallowed", "fetched", "robots_disallowed", "robots_disallowed"]
        assert {r.path for r in site.requests_to("h00")} == {"/robots.txt", "/articles/3.html"}


def test_robots_txt_redirects_are_followed_five_times() -> None:
    with Site().start(n_hosts=0, article_hosts=3) as site:
        h00, h01, h02 = site.host("h00"), site.host("h01"), site.host("h02")
        site.serve("h00", "/robots.txt", status=301, headers={"Location": h01 + "/robots.txt"})
        site.serve("h01", "/robots.txt", "User-agent: *\nDisallow: /\n")
        for hop in range(5):        # h02: five redirects, then rules; h01/r0: six
            site.serve("h02", f"/r{hop}", status=302, headers={"Location": f"/r{hop + 1}"})
        site.serve("h02", "/robots.txt", status=302, headers={"Location": "/r1"})
        site.serve("h02", "/r5", "User-agent: *\nDisallow: /articles/2.html\n")
        urls = [h00 + "/articles/1.html", h02 + "/articles/1.html", h02 + "/articles/2.html"]
        assert outcomes(urls) == [
            "robots_disallowed", "fetched", "robots_disallowed"]
        assert site.requests_to("h00", "/articles/1.html") == []
        site.serve("h02", "/robots.txt", status=302, headers={"Location": "/r0"})
        assert outcomes([h02 + "/articles/1.html"]) == ["robots_disallowed"]


def test_robots_txt_status_decides_when_there_are_no_rules() -> None:
    with Site().start(n_hosts=0, article_hosts=3) as site:
        site.serve("h00", "/robots.txt", "gone", status=404)
        site.serve("h01", "/robots.txt", "broken", status=500)
        site.serve("h02", "/robots.txt", status=302,
                   headers={"Location": "http://127.0.0.1:1/robots.txt"})   # nothing listens there
        assert outcomes([site.host(h) + "/articles/1.html" for h in ("h00", "h01", "h02")]) == [
            "fetched", "robots_disallowed", "robots_disallowed"]


def test_crawl_delay_is_a_floor_on_the_interval(caplog: pytest.LogCaptureFixture) -> None:
    delay = 0.4
    logger = logging.getLogger("copydesk")     # Prefect's logging setup keeps it from propagating
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="copydesk")
    try:
        with Site().start(n_hosts=0, article_hosts=1) as site:
            site.serve("h00", "/robots.txt", f"User-agent: *\nCrawl-delay: {delay}\n")
            urls = [site.host("h00") + f"/articles/{n}.html" for n in range(3)]
            assert outcomes(urls) == ["fetched"] * 3
            times = [r.at for r in site.requests_to("h00")]
    finally:
        logger.removeHandler(caplog.handler)
    assert len(times) == 4 and all(b - a >= delay * 0.95 for a, b in zip(times, times[1:])), times
    assert "event=crawl_delay" in caplog.text and f"seconds={delay}" in caplog.text


def test_crawl_delay_values() -> None:
    assert crawl_delay_seconds(None) == 0.0 and crawl_delay_seconds(float("nan")) == 0.0
    assert crawl_delay_seconds(2.5) == 2.5
    assert crawl_delay_seconds(86_400) == MAX_CRAWL_DELAY_SECONDS == 60.0


def test_one_host_is_paced_while_hosts_run_in_parallel(site: Site) -> None:
    interval = 0.3
    settings = Settings(**{**FAST.__dict__, "min_interval_seconds": interval})
    news, faults = site.host("news"), site.host("faults")
    urls = [f"{news}/articles/{n}.html" for n in range(1, 5)]
    urls += [f"{faults}/report.pdf", f"{faults}/photo.jpg", f"{faults}/clip.mp4", f"{faults}/gone"]
    start = time.monotonic()
    asyncio.run(_fetch_all(settings, urls))
    elapsed = time.monotonic() - start
    for host in ("news", "faults"):
        times = sorted(r.at for r in site.requests_to(host))       # robots.txt first, then the pages
        assert len(times) == 5
        assert all(b - a >= interval * 0.95 for a, b in zip(times, times[1:])), (host, times)
    assert elapsed < 2 * 4 * interval  # two hosts of 5 paced requests each, side by side, not one after the other


def test_transient_failures_are_retried_and_4xx_are_not(site: Site) -> None:
    faults = site.host("faults")
    assert fetch(faults + "/flaky").status == 200
    assert len(site.requests_to("faults", "/flaky")) == 2
    assert failure(faults + "/always-500").reason == "http_500"
    assert len(site.requests_to("faults", "/always-500")) == FAST.max_attempts
    assert failure(faults + "/gone").reason == "http_404"
    assert failure(faults + "/forbidden").reason == "http_403"
    assert len(site.requests_to("faults", "/gone")) == 1


def test_429_and_503_wait_for_retry_after(site: Site) -> None:
    faults = site.host("faults")
    for path in ("/limited", "/unavailable"):
        assert fetch(faults + path).status == 200
        first, second = site.requests_to("faults", path)
        assert second.at - first.at >= 0.95


def test_timeouts_end_as_rejects(site: Site) -> None:
    settings = Settings(**{**FAST.__dict__, "max_attempts": 1})
    assert failure(site.host("faults") + "/slow", settings).reason == "timeout"
    assert failure(site.host("faults") + "/slow-body", settings).reason == "timeout"


def test_bodies_are_capped_while_streaming(site: Site) -> None:
    settings = Settings(**{**FAST.__dict__, "max_document_bytes": 1_000_000})
    faults = site.host("faults")
    start = time.monotonic()
    for path in ("/huge", "/huge-chunked", "/gzip-bomb"):
        assert failure(faults + path, settings).reason == "too_large", path
    assert time.monotonic() - start < 10


# Fetch argv[1] in a fresh process; print the reject reason (or "fetched") and the peak RSS in KiB.
FETCH_IN_CHILD = """
import asyncio, sys
from copydesk.config import Settings
from copydesk.tasks.fetch import Fetcher, FetchError

async def main() -> str:
    async with Fetcher(Settings(allow_private=True, max_attempts=1)) as fetcher:
        try:
            await fetcher.fetch(sys.argv[1])
        except FetchError as err:
            return err.reason
    return "fetched"

# this process's own peak: getrusage's ru_maxrss would include the parent's, from before the exec
print(asyncio.run(main()), *(line.split()[1] for line in open("/proc/self/status")
                             if line.startswith("VmHWM:")))
"""
MAX_CHILD_RSS_KIB = 200 * 1024       # the child alone is ~50 MB; the decoded bomb would be 300 MB


def peak_rss_of_fetch(url: str) -> tuple[str, int]:
    """Fetch a URL in a child process, 10 MB cap: its reject reason and peak RSS (KiB)."""
    done = subprocess.run([sys.executable, "-c", FETCH_IN_CHILD, url], capture_output=True,
                          text=True, check=True, timeout=120)
    reason, rss = done.stdout.split()
    return reason, int(rss)


def test_stacked_gzip_is_capped_while_it_is_decoded(site: Site) -> None:
    gzip_twice(GZIP_TWICE_BYTES)        # built once, before the request's timeout runs
    reason, rss_kib = peak_rss_of_fetch(site.host("faults") + "/gzip-twice")
    assert reason == "too_large"
    assert rss_kib < MAX_CHILD_RSS_KIB < GZIP_TWICE_BYTES // 1024
    site.serve("faults", "/gone-twice", gzip_twice(GZIP_TWICE_BYTES), status=404,
               headers={"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"})
    reason, rss_kib = peak_rss_of_fetch(site.host("faults") + "/gone-twice")   # only its start read
    assert reason == "http_404" and rss_kib < MAX_CHILD_RSS_KIB


def test_content_encodings_are_undone_layer_by_layer(site: Site) -> None:
    page = b"<!DOCTYPE html><html><body><p>Layered.</p></body></html>"
    raw_deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    bodies = {"gzip": gzip.compress(page), "deflate": zlib.compress(page),
              "Deflate": raw_deflate.compress(page) + raw_deflate.flush(),   # raw, as some send
              "gzip, identity, deflate": zlib.compress(gzip.compress(page)), "br": page}
    faults = site.host("faults")
    for number, (coding, body) in enumerate(bodies.items()):
        site.serve("faults", f"/coded/{number}", body,
                   headers={"Content-Type": "text/html", "Content-Encoding": coding})
    assert [fetch(f"{faults}/coded/{n}").body for n in range(4)] == [page] * 4
    assert failure(f"{faults}/coded/4").reason == "bad_encoding"      # br is not asked for


def test_what_is_not_a_page_is_refused(site: Site) -> None:
    for path in ("/report.pdf", "/photo.jpg", "/clip.mp4"):
        assert failure(site.host("faults") + path).reason == "not_html", path


def test_redirects_are_followed_within_a_limit(site: Site) -> None:
    faults = site.host("faults")
    response = fetch(faults + "/redirect-chain/3")
    assert response.final_url == faults + "/redirect-chain/0" and response.status == 200
    assert failure(faults + "/loop").reason == "too_many_redirects"


def test_private_addresses_are_blocked_unless_allowed(site: Site) -> None:
    strict = Settings(**{**FAST.__dict__, "allow_private": False})
    assert failure(site.host("news") + "/articles/1.html", strict).reason == "blocked_address"
    assert site.requests_to("news") == []
    assert failure(site.host("faults") + "/to-metadata").reason == "blocked_address"  # link-local: never
    assert failure("http://[fe80::1%25lo]/").reason == "blocked_address"   # with a zone id too
    assert failure("file:///etc/passwd").reason == "blocked_address"
    assert failure("http://nothing-here.invalid/").reason == "dns_error"


def test_conditional_get_gives_304(site: Site) -> None:
    feed = site.host("news") + "/rss.xml"
    first = fetch(feed)
    assert first.status == 200 and first.headers["etag"]
    again = fetch(feed, conditional={"If-None-Match": first.headers["etag"]})
    assert again.status == 304 and again.body == b""
    assert site.requests_to("news", "/rss.xml")[-1].headers["if-none-match"] == first.headers["etag"]


def test_charset_header_is_kept(site: Site) -> None:
    assert "iso-8859-1" in fetch(site.host("faults") + "/latin1").content_type.lower()


def test_address_rules() -> None:
    assert address_allowed("93.184.216.34", allow_private=False)
    assert not address_allowed("10.1.2.3", allow_private=False) and address_allowed("10.1.2.3", allow_private=True)
    assert not address_allowed("127.0.0.1", allow_private=False) and address_allowed("127.0.0.1", allow_private=True)
    for never in ("169.254.169.254", "224.0.0.1", "0.0.0.0", "240.0.0.1", "fe80::1", "::ffff:169.254.169.254"):
        assert not address_allowed(never, allow_private=True), never
    assert not address_allowed("::ffff:127.0.0.1", allow_private=False)
    assert address_allowed("::1", allow_private=True)
    assert not address_allowed("::1", allow_private=False)


def test_retry_after_values() -> None:
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
