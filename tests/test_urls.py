from copydesk.tasks.urls import (BadLink, canonical_url, is_tracking_param, listed_url, outlet_of,
                                 url_problem)


def test_canonical_url_strips_tracking_fragment_and_default_port() -> None:
    url = "HTTPS://WWW.Example.COM:443/News/Story?utm_source=x&id=3&fbclid=abc&mc_cid=1&gclid=z#comments"
    assert canonical_url(url) == "https://www.example.com/News/Story?id=3"


def test_canonical_url_keeps_content_parameters_and_odd_ports() -> None:
    assert canonical_url("http://example.com:8080/a?page=2&q=x") == "http://example.com:8080/a?page=2&q=x"
    assert canonical_url("https://example.com") == "https://example.com/"


def test_canonical_url_refuses_what_is_not_a_web_url() -> None:
    for url in (None, "", "ftp://example.com/x", "/relative/path", "https://[broken", "mailto:a@b.c"):
        assert canonical_url(url) is None


def test_tracking_parameters() -> None:
    assert all(map(is_tracking_param, ["utm_campaign", "UTM_MEDIUM", "fbclid", "gclid", "mc_eid", "_ga"]))
    assert not any(map(is_tracking_param, ["id", "page", "q", "article"]))


def test_outlet_is_the_registered_domain() -> None:
    assert outlet_of("https://www.bbc.co.uk/news/world") == "bbc.co.uk"
    assert outlet_of("https://edition.cnn.com/2024/x") == "cnn.com"
    assert outlet_of("https://news.example.com.au/a") == "example.com.au"
    assert outlet_of(None) is None


BAD_URLS = {
    "http://[oops/y": "Invalid IPv6 URL",
    "http://" + "a" * 64 + ".example/x": "label empty or too long",
    "http://example.com:99999/x": "Port out of range",
    "http://８.８.８.８/news": "Invalid IDNA hostname",
    "http://a..b.example/": "label empty or too long",
    "http:///x": "no host name",
}


def test_urls_that_cannot_be_fetched_are_named_with_the_reason() -> None:
    for url, problem in BAD_URLS.items():
        assert problem in (url_problem(url) or ""), url
        assert canonical_url(url) is None, url
    assert url_problem("https://bücher.example/a") is None
    assert url_problem("http://[::1]:8080/") is None


def test_ipv6_hosts_keep_their_brackets() -> None:
    assert canonical_url("http://[2001:db8::1]/a") == "http://[2001:db8::1]/a"
    assert canonical_url("HTTP://[2001:DB8::1]:80/a?utm_source=x") == "http://[2001:db8::1]/a"
    assert canonical_url("http://[2001:db8::1]:8080/a") == "http://[2001:db8::1]:8080/a"
    assert canonical_url("http://[fe80::1%25eth0]:8080/a") == "http://[fe80::1%25eth0]:8080/a"
    assert canonical_url("http://[::ffff:192.0.2.1]/") == "http://[::ffff:192.0.2.1]/"


def test_listed_links_resolve_or_say_why_not() -> None:
    base = "https://www.example.com/sitemap.xml"
    assert listed_url(base, " news/a?utm_source=x ") == "https://www.example.com/news/a"
    assert listed_url(base, "http://[oops/y") == BadLink("http://[oops/y",
                                                         "not a valid URL: Invalid IPv6 URL")
    assert listed_url(base, "mailto:desk@example.com") == BadLink("mailto:desk@example.com",
                                                                  "not an http(s) URL")
