"""Crawling feeds, sitemaps, sources files and URLs from the local site, alone and through the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from httpsite import Site
from test_fetch import FAST

from copydesk.config import Settings
from copydesk.records import Document, Reject
from copydesk.tasks.crawl import crawl

ALLOW_LOCAL_SITE = {"COPYDESK_ALLOW_PRIVATE": "1", "COPYDESK_MIN_INTERVAL_SECONDS": "0.01",
                    "COPYDESK_BACKOFF_BASE_SECONDS": "0.05", "COPYDESK_MAX_ATTEMPTS": "2",
                    "COPYDESK_READ_TIMEOUT_SECONDS": "1", "COPYDESK_MAX_DOCUMENT_BYTES": "2000000"}


def no_history(urls: object) -> set[str]:
    return set()


def paths(items: list[Document | Reject], kind: type) -> dict[str, object]:
    return {i.source_uri.split("/", 3)[3]: i for i in items if isinstance(i, kind)}


def test_a_feed_lists_articles_and_robots_txt_is_obeyed(site: Site) -> None:
    result = crawl([site.host("news") + "/rss.xml"], FAST, no_history, {})
    assert sorted(paths(result.items, Document)) == [f"articles/{n}.html" for n in range(1, 6)]
    assert {p: r.reason for p, r in paths(result.items, Reject).items()} == {"private/secret.html": "robots_disallowed"}
    (poll,) = result.polls
    assert (poll.kind, poll.status, poll.etag) == ("feed", 200, '"rss-v1"')
    document = paths(result.items, Document)["articles/1.html"]
    assert document.status == 200 and json.loads(document.headers)["content-type"].startswith("text/html")
    assert json.loads(document.hints)["title"]


def test_sitemap_index_news_sitemap_and_atom(site: Site) -> None:
    news = site.host("news")
    result = crawl([news + "/sitemap_index.xml", news + "/atom.xml"], FAST, no_history, {})
    assert sorted(paths(result.items, Document)) == sorted(f"articles/{n}.html" for n in (3, 6, 7, 8, 9, 10))
    assert {(p.url.rsplit("/", 1)[1], p.kind) for p in result.polls} == {
        ("sitemap_index.xml", "sitemap"), ("sitemap-news.xml", "sitemap"), ("sitemap-pages.xml.gz", "sitemap"),
        ("atom.xml", "feed")}
    hints = json.loads(paths(result.items, Document)["articles/8.html"].hints)
    assert hints["title"] and hints["published_at"].startswith("20")


def test_known_urls_and_unchanged_feeds_are_not_fetched_again(site: Site) -> None:
    feed = site.host("news") + "/rss.xml"
    first = crawl([feed], FAST, no_history, {})
    stored = {d.source_uri for d in first.items if isinstance(d, Document)}
    site.clear()
    again = crawl([feed], FAST, lambda urls: {u for u in urls if u in stored}, {})
    assert [i for i in again.items if isinstance(i, Document)] == [] and again.known_skipped == 5
    assert site.requests_to("news", "/articles/1.html") == []
    site.clear()
    unchanged = crawl([feed], FAST, no_history, {feed: first.polls[0]})
    assert unchanged.items == [] and unchanged.polls[0].status == 304
    assert site.requests_to("news", "/rss.xml")[0].headers["if-none-match"] == '"rss-v1"'


def test_a_sources_file_caps_articles_per_outlet(site: Site, tmp_path: Path) -> None:
    news = site.host("news")
    (tmp_path / "sources.yaml").write_text(
        f"outlets:\n  - name: Local News\n    homepage: {news}/\n    feeds: [{news}/rss.xml]\n"
        f"    max_articles_per_run: 2\n    language: en\n")
    result = crawl([str(tmp_path / "sources.yaml")], FAST, no_history, {})
    documents = paths(result.items, Document)
    assert len(documents) == 2 and all(json.loads(d.hints)["language"] == "en" for d in documents.values())
    bad = tmp_path / "broken.yaml"
    bad.write_text("outlets: 3\n")
    (reject,) = crawl([str(bad)], FAST, no_history, {}).items
    assert isinstance(reject, Reject) and reject.reason == "bad_sources"


LONG_LABEL_URL = "http://" + "a" * 64 + ".example/x"     # one DNS label is 63 characters at most
BAD_URLS = ("http://[oops/y", LONG_LABEL_URL, "http://８.８.８.８/news")
BAD_PORT_URL = "http://127.0.0.3:99999/"


def mixed_inputs(site: Site, tmp_path: Path) -> tuple[list[str], dict[str, str], list[str]]:
    """Inputs mixing good URLs with every kind of bad one: the inputs, the reject reason of each bad
    URL and the paths of the good articles. Needs the hosts "news", "faults" and "v6"."""
    news, faults, v6 = site.host("news"), site.host("faults"), site.host("v6")
    site.serve("faults", "/to-bad-port", status=302, headers={"Location": BAD_PORT_URL + "x"})
    site.serve("faults", "/to-ipv6", status=302, headers={"Location": v6 + "/articles/11.html"})
    locs = [news + "/articles/1.html", *BAD_URLS, faults + "/to-bad-port", faults + "/to-ipv6"]
    site.serve("faults", "/mixed-sitemap.xml",
               "<urlset>" + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs) + "</urlset>",
               headers={"Content-Type": "application/xml"})
    site.serve("faults", "/mixed-rss.xml",
               f'<rss version="2.0"><channel><item><link>{news}/articles/2.html</link></item>'
               f"<item><link>{BAD_PORT_URL}y</link></item></channel></rss>",
               headers={"Content-Type": "application/rss+xml"})
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"outlets:\n  - name: Bad\n    feeds: ['{BAD_URLS[2]}']\n", encoding="utf-8")
    inputs = [faults + "/mixed-sitemap.xml", faults + "/mixed-rss.xml", news + "/articles/3.html",
              *BAD_URLS, str(sources)]
    rejects = {**dict.fromkeys(BAD_URLS, "bad_url"), faults + "/to-bad-port": "bad_url",
               BAD_PORT_URL + "y": "bad_url", str(sources.resolve()): "bad_sources"}
    good = ["articles/1.html", "articles/2.html", "articles/3.html", "articles/11.html"]
    return inputs, rejects, good


def test_bad_urls_are_rejected_one_by_one_and_the_crawl_goes_on(tmp_path: Path) -> None:
    with Site().start(n_hosts=2, ipv6=True) as site:
        inputs, bad, good = mixed_inputs(site, tmp_path)
        result = crawl(inputs, FAST, no_history, {})
        v6 = site.host("v6")
    documents = [i for i in result.items if isinstance(i, Document)]
    assert sorted(d.url.split("/", 3)[3] for d in documents) == sorted(good)
    assert v6 + "/articles/11.html" in {d.url for d in documents}
    rejects = {r.source_uri: r for r in result.items if isinstance(r, Reject)}
    assert {uri: r.reason for uri, r in rejects.items()} == bad
    assert len(result.items) == len({i.source_uri for i in result.items})   # each URL: one item
    assert "Invalid IPv6 URL" in rejects["http://[oops/y"].detail
    assert "label empty or too long" in rejects[LONG_LABEL_URL].detail
    to_bad_port = inputs[0].replace("mixed-sitemap.xml", "to-bad-port")
    assert "Port out of range" in rejects[to_bad_port].detail
    assert "Invalid IDNA hostname" in rejects[BAD_URLS[2]].detail
    assert f"lists '{BAD_PORT_URL}y'" in rejects[BAD_PORT_URL + "y"].detail


def test_without_allow_private_the_local_site_is_refused(site: Site) -> None:
    strict = Settings(**{**FAST.__dict__, "allow_private": False})
    (reject,) = crawl([site.host("news") + "/rss.xml"], strict, no_history, {}).items
    assert isinstance(reject, Reject) and reject.reason == "blocked_address"
    assert site.requests_to("news") == []


@pytest.mark.e2e
@pytest.mark.usefixtures("prefect_server")
def test_pipeline_on_a_feed_then_a_conditional_rerun(site: Site, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.flows.pipeline import pipeline

    for name, value in ALLOW_LOCAL_SITE.items():
        monkeypatch.setenv(name, value)
    feed, faults = site.host("news") + "/rss.xml", site.host("faults")
    fault_reasons = {"/slow": "timeout", "/always-500": "http_500", "/limited": None, "/loop": "too_many_redirects",
                     "/huge": "too_large", "/report.pdf": "not_html", "/to-metadata": "blocked_address",
                     "/gone": "http_404", "/wrong-charset": None}
    inputs = [feed] + [faults + path for path in fault_reasons]
    first = pipeline(inputs=inputs, warehouse_dir=str(tmp_path))
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True)
    urls = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    rejects = dict(con.execute("SELECT source_uri, reason FROM rejects").fetchall())
    con.close()
    assert {u.split("/", 3)[3] for u in urls if u.startswith(site.host("news"))} == {
        f"articles/{n}.html" for n in range(1, 6)}
    assert rejects.pop(site.host("news") + "/private/secret.html") == "robots_disallowed"
    assert rejects == {faults + p: reason for p, reason in fault_reasons.items() if reason}
    assert first.articles_new == 5 + 2  # the feed's five, /limited after its Retry-After, /wrong-charset

    site.clear()
    second = pipeline(inputs=inputs[:1], warehouse_dir=str(tmp_path))
    robots, poll = site.requests_to("news")  # robots.txt is cached for one run
    assert robots.path == "/robots.txt" and poll.path == "/rss.xml"
    assert poll.headers["if-none-match"] == '"rss-v1"'
    assert second.articles_new == 0 and not site.requests_to("news", "/articles/1.html")


@pytest.mark.e2e
@pytest.mark.usefixtures("prefect_server")
def test_pipeline_commits_the_good_articles_among_bad_urls(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.flows.pipeline import pipeline

    for name, value in ALLOW_LOCAL_SITE.items():
        monkeypatch.setenv(name, value)
    with Site().start(n_hosts=2, ipv6=True) as site:
        inputs, bad, good = mixed_inputs(site, tmp_path)
        summary = pipeline(inputs=inputs, warehouse_dir=str(tmp_path / "lake"))
        v6 = site.host("v6")
    con = duckdb.connect(str(tmp_path / "lake" / "warehouse.duckdb"), read_only=True)
    urls = [u for (u,) in con.execute("SELECT url FROM articles").fetchall()]
    rejects = dict(con.execute("SELECT source_uri, reason FROM rejects").fetchall())
    con.close()
    assert summary.articles_new == len(good) and None not in urls
    assert sorted(u.split("/", 3)[3] for u in urls) == sorted(good)
    assert v6 + "/articles/11.html" in urls
    assert rejects == bad


def test_pages_are_handed_over_a_batch_at_a_time(site: Site) -> None:
    handed: list[list[str]] = []
    small = Settings(**{**FAST.__dict__, "batch_size_documents": 2})
    result = crawl([site.host("news") + "/rss.xml"], small, no_history, {},
                   sink=lambda items: handed.append([i.source_uri.rsplit("/", 1)[1] for i in items]))
    assert result.items == [] and max(map(len, handed)) <= 2
    assert sorted(name for batch in handed for name in batch) == [f"{n}.html" for n in range(1, 6)] + ["secret.html"]


def test_a_listing_that_gives_only_the_day_hints_only_the_day() -> None:
    from datetime import datetime, timezone

    from copydesk.tasks.crawl import Listed, listed_time

    url, moment = "https://e.com/a", datetime(2026, 3, 5, 9, 30, tzinfo=timezone.utc)
    assert listed_time(Listed(url, None, None, moment, "time")) == "2026-03-05T09:30:00+00:00"
    midnight = moment.replace(hour=0, minute=0)
    assert listed_time(Listed(url, None, None, midnight, "date")) == "2026-03-05"
    assert listed_time(Listed(url, None)) is None
