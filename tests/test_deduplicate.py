from copydesk.records import Candidate
from copydesk.tasks.deduplicate import deduplicate
from copydesk.tasks.extract import content_hash


def candidate(source: str, url: str | None, text: str) -> Candidate:
    return Candidate(doc_key=f"key-{source}", source_uri=source, url=url, outlet=None, title=None, author=None,
                     published_at=None, language="en", text=text, word_count=len(text.split()),
                     content_hash=content_hash(text))


def test_same_url_and_same_text_collapse_to_the_first_copy() -> None:
    first = candidate("a", "https://x.com/1", "one text")
    same_url = candidate("b", "https://x.com/1", "an updated text")
    same_text = candidate("c", "https://y.com/9", "one   text")
    other = candidate("d", None, "another text")
    kept, sources = deduplicate([first, same_url, same_text, other], {}, {})
    assert kept == [first, other]
    assert [(s.source_uri, s.article_id, s.duplicate_kind) for s in sources] == [
        ("a", first.article_id, None),
        ("b", first.article_id, "url"),
        ("c", first.article_id, "content"),
        ("d", other.article_id, None),
    ]


def test_history_wins_over_the_batch() -> None:
    new = candidate("a", "https://x.com/1", "text")
    kept, sources = deduplicate([new], {"https://x.com/1": "old-id"}, {})
    assert kept == [] and sources[0].article_id == "old-id" and sources[0].duplicate_kind == "url"
    kept, sources = deduplicate([new], {}, {new.content_hash: "old-id"})
    assert kept == [] and sources[0].duplicate_kind == "content"


def test_article_ids_are_stable_and_derive_from_url_or_text() -> None:
    assert candidate("a", "https://x.com/1", "t").article_id == candidate("z", "https://x.com/1", "u").article_id
    assert candidate("a", None, "same").article_id == candidate("b", None, "same").article_id
    assert candidate("a", None, "same").article_id != candidate("a", None, "other").article_id
