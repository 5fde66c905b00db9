import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from builders import PARAGRAPHS, article_html
from conftest import SEEDS, require

from copydesk.config import Settings
from copydesk.records import Candidate, Document, Reject
from copydesk.tasks.extract import (
    clean_batch,
    clean_document,
    normalise_text,
    plain_text_fields,
)
from copydesk.tasks.dates import parse_datetime, parse_published, plausible_date
from copydesk.tasks.read import iter_documents

SETTINGS = Settings()


def clean(kind: str, body: bytes | str, **kwargs: str) -> Candidate | Reject:
    data = body.encode() if isinstance(body, str) else body
    return clean_document(Document.of("mem://doc", kind, data, **kwargs), SETTINGS)


def test_html_page_gives_text_and_metadata_without_boilerplate() -> None:
    article = clean("html", article_html())
    assert isinstance(article, Candidate)
    assert article.title == "Dock workers strike in Port Elwin"
    assert article.url == "https://www.harbour-times.com/news/port-strike"
    assert article.outlet == "harbour-times.com"
    assert article.author == "Jane Doe"
    assert article.published_at == datetime(2026, 3, 3, 7, 15, tzinfo=timezone.utc)
    assert article.language == "en"
    assert article.text.split("\n\n") == PARAGRAPHS
    assert "newsletter" not in article.text.lower() and "copyright" not in article.text.lower()
    assert article.word_count == sum(len(p.split()) for p in PARAGRAPHS)


def test_wrong_charset_page_is_recovered() -> None:
    paragraphs = [p.replace("Tomas", "Tomás").replace("Okafor", "Okafór") for p in PARAGRAPHS]
    page = article_html(paragraphs=paragraphs, charset="utf-8").encode("cp1252")
    article = clean("html", page)
    assert isinstance(article, Candidate) and "Tomás Reyes" in article.text


def test_url_from_the_container_when_the_page_has_none() -> None:
    page = article_html().replace('<link rel="canonical" href="https://www.harbour-times.com/news/port-strike'
                                  '?utm_source=twitter">', "")
    article = clean("html", page, url="https://archive.example.org/page?fbclid=1")
    assert isinstance(article, Candidate) and article.url == "https://archive.example.org/page"


@pytest.mark.parametrize("body, reason", [
    ("", "empty_page"),
    ("   \n  ", "empty_page"),
    ("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>", "no_article"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 200, "bad_encoding"),
])
def test_pages_without_an_article_are_rejected(body: str | bytes, reason: str) -> None:
    reject = clean("html", body)
    assert isinstance(reject, Reject) and reject.reason == reason and reject.stage == "extract"


def test_plain_text_with_a_headline() -> None:
    fields = plain_text_fields(" date 2024-12-08 Assad reportedly has fled to Moscow\n\nFirst paragraph.\n\nSecond.")
    assert fields.title == "Assad reportedly has fled to Moscow"
    assert fields.published_at == datetime(2024, 12, 8, tzinfo=timezone.utc)
    assert normalise_text(fields.text) == "First paragraph.\n\nSecond."


def test_plain_text_with_a_lead_keeps_it_in_the_text() -> None:
    lead = "Russia has granted the president asylum for humanitarian reasons. He arrived in Moscow on Sunday."
    fields = plain_text_fields(f" date 2024-12-08 {lead}\n\nThe information was relayed by a source.")
    assert fields.title == "Russia has granted the president asylum for humanitarian reasons."
    assert normalise_text(fields.text).startswith(lead)


def test_plain_text_without_header_is_all_text() -> None:
    fields = plain_text_fields("Just a text\n\nwith paragraphs.")
    assert fields.title is None and fields.published_at is None and fields.text.startswith("Just a text")


def test_seed_articles() -> None:
    documents = list(iter_documents([str(require(SEEDS))], SETTINGS.max_document_bytes))
    articles = [clean_document(d, SETTINGS) for d in documents if isinstance(d, Document)]
    assert len(articles) == 2 and all(isinstance(a, Candidate) for a in articles)
    for article in articles:
        assert article.language == "en"
        assert article.published_at == datetime(2024, 12, 8, tzinfo=timezone.utc)
        assert article.word_count > 200 and article.title


def test_jsonl_record_fields_override_extraction() -> None:
    record = {"html": article_html(), "url": "https://other.com/x?utm_medium=email", "outlet": "Wire Desk",
              "title": "Given title", "published_at": "2026-03-04T10:00:00Z", "language": "en-GB", "author": "A. N."}
    article = clean("record", json.dumps(record))
    assert isinstance(article, Candidate)
    assert (article.url, article.outlet, article.title, article.language, article.author) == (
        "https://other.com/x", "wire desk", "Given title", "en", "A. N.")
    assert article.published_at == datetime(2026, 3, 4, 10, tzinfo=timezone.utc)
    plain = clean("record", json.dumps({"text": "\n\n".join(PARAGRAPHS), "published_at": "not a date"}))
    assert isinstance(plain, Candidate) and plain.published_at is None and plain.url is None
    assert plain.language == "en" and plain.outlet is None


def test_jsonl_records_of_other_tools_are_dated_by_their_own_fields() -> None:
    text = "\n\n".join(PARAGRAPHS)
    cases = [({"date_publish": "2017-02-28 10:21:00"}, datetime(2017, 2, 28, 10, 21), "time"),
             ({"publishing_date": "2024-03-01T08:00:00+01:00"}, datetime(2024, 3, 1, 7), "time"),
             ({"datePublished": "2026-03-04"}, datetime(2026, 3, 4), "date"),
             ({"date": "2009-03-12"}, datetime(2009, 3, 12), "date"),
             ({"published_at": "not a date", "date": "2009-03-12"}, datetime(2009, 3, 12), "date"),
             ({"published_at": "2026-03-05T09:00:00Z", "date": "2009-03-12"},
              datetime(2026, 3, 5, 9), "time")]
    for fields, when, precision in cases:
        article = clean("record", json.dumps({"text": text, **fields}))
        assert isinstance(article, Candidate), fields
        assert article.published_at == when.replace(tzinfo=timezone.utc), fields
        assert article.published_precision == precision, fields


def test_dates() -> None:
    now = datetime(2026, 3, 5, 12, tzinfo=timezone.utc)
    assert parse_datetime("2026-03-03T08:15:00+01:00") == datetime(2026, 3, 3, 7, 15, tzinfo=timezone.utc)
    assert parse_datetime("2026-03-03") == datetime(2026, 3, 3, tzinfo=timezone.utc)
    assert parse_datetime("2026-03-03T08:15:00Z") == datetime(2026, 3, 3, 8, 15, tzinfo=timezone.utc)
    assert parse_datetime("yesterday") is None and parse_datetime(None) is None
    assert plausible_date(now + timedelta(hours=23), 24, now) is not None
    assert plausible_date(now + timedelta(days=3), 24, now) is None


def test_normalise_text_keeps_paragraphs_and_folds_spaces() -> None:
    raw = "  Cafe\u0301  au\u00a0lait\u200b \r\n\r\n\n  second\tline  \nthird "
    assert normalise_text(raw) == "Café au lait\n\nsecond line\n\nthird"


def test_parallel_cleaning_keeps_order_and_results(tmp_path: Path) -> None:
    documents = [Document.of(f"mem://{n}", "html", article_html(title=f"Strike day {n}").encode())
                 for n in range(30)]
    documents.insert(7, Document.of("mem://empty", "html", b""))
    parallel = clean_batch(documents, Settings(workers=2))
    sequential = clean_batch(documents, Settings(workers=1))
    assert [c.title for c in parallel[0]] == [c.title for c in sequential[0]] == [f"Strike day {n}" for n in range(30)]
    assert [r.source_uri for r in parallel[1]] == ["mem://empty"]


DECLARED = '<meta property="article:published_time" content="2026-03-03T08:15:00+01:00">'
# No declared date, and no copyright year in the footer (htmldate would read it as 1 January)
NO_DATE_PAGE = article_html().replace(DECLARED, "").replace("Copyright 2026", "Copyright")
DAY = datetime(2026, 3, 3, tzinfo=timezone.utc)


def record(published_at: str | None) -> str:
    dated = {"published_at": published_at} if published_at else {}
    return json.dumps({"text": "\n\n".join(PARAGRAPHS)} | dated)


@pytest.mark.parametrize(("kind", "body", "hints", "expected"), [
    ("html", article_html(), None, (DAY.replace(hour=7, minute=15), "time")),
    ("html", article_html(published="2026-03-03"), None, (DAY, "date")),
    ("html", NO_DATE_PAGE.replace("<article>", "<article><p>Published on 3 March 2026</p>"), None,
     (DAY, "date")),
    ("html", NO_DATE_PAGE, {"published_at": "2026-03-03"}, (DAY, "date")),
    ("html", NO_DATE_PAGE, {"published_at": "2026-03-03T09:30:00+00:00"},
     (DAY.replace(hour=9, minute=30), "time")),
    ("text", " date 2026-03-03 Dock workers strike\n\n" + "\n\n".join(PARAGRAPHS), None,
     (DAY, "date")),
    ("record", record("2026-03-03"), None, (DAY, "date")),
    ("record", record("2026-03-03T00:00:00Z"), None, (DAY, "time")),
    ("record", record("2999-03-03"), None, (None, None)),
    ("record", record(None), None, (None, None)),
], ids=["html-time", "html-meta-day", "html-found-day", "hint-day", "hint-time", "text-day",
        "jsonl-day", "jsonl-midnight-given", "jsonl-future", "undated"])
def test_the_precision_of_the_publication_time_is_kept(kind: str, body: str, hints: dict | None,
                                                        expected: tuple) -> None:
    article = clean(kind, body, **({"hints": json.dumps(hints)} if hints else {}))
    assert isinstance(article, Candidate)
    assert (article.published_at, article.published_precision) == expected


@pytest.mark.parametrize(("value", "precision"), [
    ("2026-03-03", "date"), ("20260303", "date"), ("2026-03-03+01:00", "date"),
    ("2026-03-03T08:15", "time"), ("2026-03-03 08:15:00+01:00", "time"),
    ("2026-03-03T00:00:00Z", "time"),
    ("2026-03-03 at noon", "date"),   # a time that cannot be read: only the day is known
])
def test_a_date_is_date_only_unless_a_time_of_day_is_read(value: str, precision: str) -> None:
    published = parse_published(value)
    assert published is not None and published.precision == precision
    assert published.at.date() == DAY.date() and (precision == "time" or published.at == DAY)
