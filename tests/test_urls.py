from copydesk.tasks.urls import canonical_url, is_tracking_param, outlet_of


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
