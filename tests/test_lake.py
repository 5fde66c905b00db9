from pathlib import Path

import pyarrow.parquet as pq
import pytest

from copydesk.records import ArticleSource, Document, Reject
from copydesk.warehouse.lake import MANIFESTS, Lake, LakeError, batch_tables, new_batch_id


def commit(lake: Lake, documents: list[Document], rejects: list[Reject] = ()) -> str:  # type: ignore[assignment]
    batch_id = new_batch_id()
    lake.commit(batch_id, batch_tables(batch_id, documents, [], [], list(rejects)))
    return batch_id


def test_a_batch_is_visible_once_committed_and_keys_are_known(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    assert lake.known_doc_keys(["x"]) == set() and lake.files("documents") == []
    doc = Document.of("file:///a.html", "html", b"<p>a</p>")
    reject = Reject.of("file:///b.html", "read", "not_html", "binary", "key-b")
    batch_id = commit(lake, [doc], [reject])
    assert lake.batch_ids == [batch_id]
    assert lake.known_doc_keys([doc.doc_key, "key-b", "other"]) == {doc.doc_key, "key-b"}
    table = pq.read_table(lake.files("documents")[0])
    assert table.column("body").to_pylist() == [b"<p>a</p>"]
    assert Lake(tmp_path).batch_ids == [batch_id]  # a new reader sees the same history


def test_files_of_an_uncommitted_batch_are_removed_on_open(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    kept = commit(lake, [Document.of("s", "html", b"x")])
    orphan = tmp_path / "documents" / f"{new_batch_id()}.parquet"
    orphan.write_bytes(b"half a file")
    leftover = tmp_path / "articles" / ".x.parquet.1234.tmp"
    leftover.parent.mkdir(exist_ok=True)
    leftover.write_bytes(b"")
    reopened = Lake(tmp_path)
    assert not orphan.exists() and not leftover.exists()
    assert reopened.batch_ids == [kept]


def test_known_articles_by_url_and_content(tmp_path: Path) -> None:
    from test_deduplicate import candidate

    from copydesk.records import Article

    lake = Lake(tmp_path)
    c = candidate("s", "https://x.com/1", "some text")
    batch_id = new_batch_id()
    article = Article(c.article_id, c, c.article_id, c.article_id, c.article_id)
    lake.commit(batch_id, batch_tables(batch_id, [], [article], [ArticleSource("s", "k", c.article_id, None)], []))
    urls, hashes = lake.known_articles(["https://x.com/1", "https://x.com/2"], [c.content_hash, "nope"])
    assert urls == {"https://x.com/1": c.article_id} and hashes == {c.content_hash: c.article_id}


def test_a_corrupt_manifest_is_named(tmp_path: Path) -> None:
    Lake(tmp_path)
    bad = tmp_path / MANIFESTS / "20260101T000000000000Z-abcdef.json"
    bad.write_text("{not json")
    with pytest.raises(LakeError, match=str(bad)):
        Lake(tmp_path)


def test_a_corrupt_parquet_file_is_named(tmp_path: Path) -> None:
    lake = Lake(tmp_path)
    commit(lake, [Document.of("s", "html", b"x")])
    Path(lake.files("documents")[0]).write_bytes(b"PAR1 garbage")
    with pytest.raises(LakeError, match="documents"):
        lake.known_doc_keys(["x"])


def test_articles_written_before_published_precision_load_with_it_null(tmp_path: Path) -> None:
    from dataclasses import replace
    from datetime import datetime, timezone

    import duckdb
    from test_deduplicate import candidate

    from copydesk.records import Article
    from copydesk.warehouse.build import build_warehouse

    lake = Lake(tmp_path / "lake")
    day = datetime(2026, 3, 5, tzinfo=timezone.utc)
    old = replace(candidate("old", "https://x.com/old", "an old text"), published_at=day)
    new = replace(candidate("new", "https://x.com/new", "a new text"), published_at=day,
                  published_precision="date")
    for c, drop in ((old, True), (new, False)):
        batch_id = new_batch_id()
        article = Article(c.article_id, c, c.article_id, c.article_id, c.article_id)
        tables = batch_tables(batch_id, [], [article],
                              [ArticleSource(c.source_uri, c.doc_key, c.article_id, None)], [])
        if drop:   # as written before the column existed
            tables["articles"] = tables["articles"].drop_columns(["published_precision"])
        lake.commit(batch_id, tables)
    build_warehouse(lake, tmp_path)
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True)
    assert con.execute("select source_uri, published_precision from articles "
                       "order by source_uri").fetchall() == [("new", "date"), ("old", None)]
    con.close()


def test_a_twin_document_recalls_the_stored_article_with_its_precision(tmp_path: Path) -> None:
    from dataclasses import replace
    from datetime import datetime, timezone

    from test_deduplicate import candidate

    from copydesk.records import Article

    body = b" date 2026-03-05 A headline\n\nsome text"
    stored, twin = Document.of("/in/a.txt", "text", body), Document.of("/in/b.txt", "text", body)
    c = replace(candidate("/in/a.txt", None, "some text"), doc_key=stored.doc_key,
                published_at=datetime(2026, 3, 5, tzinfo=timezone.utc), published_precision="date")
    batch_id = new_batch_id()
    lake = Lake(tmp_path)
    article = Article(c.article_id, c, "w", "s", c.article_id)
    lake.commit(batch_id, batch_tables(batch_id, [stored], [article],
                                       [ArticleSource(c.source_uri, c.doc_key, c.article_id, None)], []))
    recalled = lake.extracted([twin])[twin.doc_key]
    assert recalled.source_uri == "/in/b.txt" and recalled.published_precision == "date"
