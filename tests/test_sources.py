from pathlib import Path

import pytest

from copydesk.tasks.sources import Source, SourcesError, load_sources

REPO = Path(__file__).resolve().parents[1]

SOURCES = """
# two outlets, one overriding the defaults
defaults:
  max_articles_per_run: 200
  min_interval_seconds: 1.5
  concurrency: 2
outlets:
  - name: "  Example Times "
    homepage: HTTPS://WWW.Example.com:443/
    feeds:
      - https://www.example.com/rss.xml?utm_source=feedly
      - https://www.example.com/world/rss.xml
      - https://www.example.com/rss.xml
    sitemaps: [https://www.example.com/news-sitemap.xml#top]
    language: en-GB
    max_articles_per_run: 50
    min_interval_seconds: 2
    concurrency: 1
  - name: Le Quotidien
    sitemaps: [http://lequotidien.example.fr/sitemap.xml]
    language: FR
  - name: Homepage Only
    homepage: https://homepage.example.org
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_outlets_with_defaults_applied_and_urls_canonical(tmp_path: Path) -> None:
    assert load_sources(write(tmp_path, SOURCES)) == [
        Source("Example Times", "https://www.example.com/",
               ("https://www.example.com/rss.xml", "https://www.example.com/world/rss.xml"),
               ("https://www.example.com/news-sitemap.xml",), "en", 50, 2.0, 1),
        Source("Le Quotidien", None, (), ("http://lequotidien.example.fr/sitemap.xml",), "fr", 200, 1.5, 2),
        Source("Homepage Only", "https://homepage.example.org/", (), (), None, 200, 1.5, 2),
    ]


def test_without_defaults_the_politeness_is_left_to_the_settings(tmp_path: Path) -> None:
    path = write(tmp_path, "outlets:\n  - {name: A, feeds: ['https://a.example/feed']}\n")
    assert load_sources(path) == [Source("A", None, ("https://a.example/feed",), (), None, None, None, None)]


def test_an_empty_feeds_entry_means_none(tmp_path: Path) -> None:
    path = write(tmp_path, "outlets:\n  - name: A\n    homepage: https://a.example/\n    feeds:\n    sitemaps:\n")
    assert load_sources(path) == [Source("A", "https://a.example/", (), (), None, None, None, None)]


def test_the_example_sources_file_in_the_repository_loads() -> None:
    sources = load_sources(REPO / "sources.yaml")
    assert len(sources) == 3
    assert all(source.feeds or source.sitemaps for source in sources)
    assert all(url.startswith("https://") for source in sources for url in (*source.feeds, *source.sitemaps))
    assert {source.language for source in sources} <= {"en", "de", "fr", "es", None}


OUTLET = "outlets:\n  - name: Example Times\n    feeds: [https://www.example.com/rss.xml]\n"


@pytest.mark.parametrize(("text", "message"), [
    ("outlets: [name: x\n  - broken", "not valid YAML at line 2"),
    ("\t- tab indented", "not valid YAML"),
    ("outlets: \x01", "not valid YAML: unacceptable character #x0001"),
    ("defaults: 0\n" + OUTLET, "`defaults` is not a mapping"),
    ("", "no `outlets` list"),
    ("- name: A\n  feeds: [https://a.example/]", "no `outlets` list"),
    ("defaults: {concurrency: 1}", "no `outlets` list"),
    ("outlets: https://a.example/feed", "no `outlets` list"),
    ("outlets: []\nfeeds: [https://a.example/]", "the file has unknown keys: feeds (known: defaults, outlets)"),
    ("defaults: [1]\n" + OUTLET, "`defaults` is not a mapping"),
    ("defaults: {politeness: 2, max_articles: 3}\n" + OUTLET, "`defaults` has unknown keys: max_articles, politeness"),
    ("defaults: {min_interval_seconds: -1}\n" + OUTLET, "`defaults`: `min_interval_seconds` is -1, not a number"),
    ("outlets:\n  - https://a.example/feed", "outlet #1 is not a mapping"),
    (OUTLET + "  - feeds: [https://b.example/rss]", "outlet #2 has no `name`"),
    (OUTLET + "  - name: '  '\n    feeds: [https://b.example/rss]", "outlet #2 has no `name`"),
    (OUTLET + "    feed: https://www.example.com/rss2.xml\n    lang: en",
     "outlet 'Example Times' has unknown keys: feed, lang (known: concurrency, feeds, homepage, language,"),
    ("outlets:\n  - name: X\n    feeds: [ftp://x.example/rss]", "outlet 'X': `feeds` has 'ftp://x.example/rss', which"),
    ("outlets:\n  - name: X\n    feeds: [/rss.xml]", "outlet 'X': `feeds` has '/rss.xml', which is not an http(s) URL"),
    ("outlets:\n  - name: X\n    feeds: https://x.example/rss", "outlet 'X': `feeds` is not a list of URLs"),
    ("outlets:\n  - name: X\n    sitemaps: [42]", "outlet 'X': `sitemaps` has 42, which is not an http(s) URL"),
    ("outlets:\n  - name: X\n    feeds: ['http://８.８.８.８/news']",
     "`feeds` has 'http://８.８.８.８/news', which cannot be fetched: not a valid URL: Invalid IDNA"),
    ("outlets:\n  - name: X\n    homepage: www.x.example", "outlet 'X': `homepage` has 'www.x.example'"),
    ("outlets:\n  - name: X\n    language: english\n    homepage: https://x.example/",
     "outlet 'X': `language` 'english' is not an ISO 639-1 code"),
    ("outlets:\n  - name: X", "outlet 'X' has no `homepage`, `feeds` or `sitemaps` to crawl"),
    (OUTLET + "    min_interval_seconds: -0.5", "outlet 'Example Times': `min_interval_seconds` is -0.5, not a number"),
    (OUTLET + "    min_interval_seconds: fast", "`min_interval_seconds` is 'fast', not a number of seconds >= 0"),
    (OUTLET + "    min_interval_seconds: .inf", "`min_interval_seconds` is inf"),
    (OUTLET + "    concurrency: two", "`concurrency` is 'two', not a whole number >= 1"),
    (OUTLET + "    concurrency: 0", "`concurrency` is 0, not a whole number >= 1"),
    (OUTLET + "    concurrency: true", "`concurrency` is True, not a whole number >= 1"),
    (OUTLET + "    max_articles_per_run: -5", "`max_articles_per_run` is -5, not a whole number >= 1"),
    (OUTLET + "    max_articles_per_run: 2.5", "`max_articles_per_run` is 2.5, not a whole number >= 1"),
    (OUTLET + OUTLET.removeprefix("outlets:\n"), "outlet names used twice: Example Times"),
])
def test_bad_sources_files_are_refused_with_one_line_naming_file_and_field(
        tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourcesError) as raised:
        load_sources(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert raised.value.reason == "bad_sources"


def test_a_missing_or_undecodable_file_is_a_sources_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="cannot be read"):
        load_sources(tmp_path / "absent.yaml")
    path = tmp_path / "latin1.yaml"
    path.write_bytes("outlets:\n  - name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(SourcesError, match="cannot be read"):
        load_sources(path)


def test_yaml_tags_that_build_python_objects_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "outlets: !!python/object/apply:os.system ['echo pwned']")
    with pytest.raises(SourcesError, match="not valid YAML"):
        load_sources(path)
