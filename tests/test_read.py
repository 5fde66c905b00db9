import gzip
import json
from pathlib import Path

from builders import article_html, write_gzip, write_warc

from copydesk.records import Document, Reject
from copydesk.tasks.read import discover, iter_documents

LIMIT_BYTES = 1_000_000


def read(*paths: Path, limit: int = LIMIT_BYTES) -> list[Document | Reject]:
    return list(iter_documents([str(p) for p in paths], limit))


def reasons(items: list[Document | Reject]) -> list[str]:
    return [i.reason if isinstance(i, Reject) else i.kind for i in items]


def test_html_plain_and_gzipped(tmp_path: Path) -> None:
    html = article_html().encode()
    (tmp_path / "a.html").write_bytes(html)
    write_gzip(tmp_path / "b.htm.gz", html)
    items = read(tmp_path)
    assert reasons(items) == ["html", "html"]
    assert all(d.body == html for d in items if isinstance(d, Document))
    assert items[0].source_uri == str((tmp_path / "a.html").resolve())


def test_directories_are_read_recursively_in_order_skipping_hidden_and_underscored(tmp_path: Path) -> None:
    for name in ["z/deep/c.txt", "a.txt", ".hidden/x.txt", "_notes.txt", "m/.git/y.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(" date 2026-03-03 Title\n\nBody text.")
    assert [Path(p).relative_to(tmp_path.resolve()).as_posix() for p in discover([tmp_path])] == ["a.txt", "z/deep/c.txt"]


def test_broken_files_become_rejects_with_reasons(tmp_path: Path) -> None:
    html = article_html().encode()
    (tmp_path / "truncated.html.gz").write_bytes(gzip.compress(html * 20, mtime=0)[:300])
    (tmp_path / "notgzip.html.gz").write_bytes(b"<html>plain</html>")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 fake")
    (tmp_path / "huge.html").write_bytes(b"<p>" + b"x" * 3000 + b"</p>")
    items = read(*sorted(tmp_path.iterdir()), limit=2000)
    by_name = {Path(i.source_uri).name: i for i in items}
    assert {n: i.reason for n, i in by_name.items()} == {  # type: ignore[union-attr]
        "truncated.html.gz": "truncated_gzip", "notgzip.html.gz": "bad_gzip", "image.html": "not_html",
        "doc.pdf": "unsupported_type", "huge.html": "too_large",
    }
    assert all(i.stage == "read" and i.detail for i in items)  # type: ignore[union-attr]


def test_a_missing_file_is_rejected_not_raised(tmp_path: Path) -> None:
    assert reasons(list(iter_documents([str(tmp_path / "nope.html")], LIMIT_BYTES))) == ["unreadable"]


def test_jsonl_lines_are_documents_numbered_from_one(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First article.", "url": "https://x.com/1"}), "", "{not json",
             json.dumps({"title": "no text"}), json.dumps(["a", "list"]), json.dumps({"html": "<p>x</p>"})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    assert reasons(items) == ["record", "invalid_json", "missing_text", "invalid_json", "record"]
    assert [i.source_uri.rsplit("#", 1)[1] for i in items] == ["1", "3", "4", "5", "6"]


def test_truncated_jsonl_gzip_keeps_the_complete_lines(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Article number {n}. " * 30}) + "\n" for n in range(200)).encode()
    path = tmp_path / "feed.jsonl.gz"
    compressed = gzip.compress(lines, mtime=0)
    path.write_bytes(compressed[: len(compressed) // 2])
    items = read(path)
    assert reasons(items)[-1] == "truncated_gzip"
    assert 0 < len(items) - 1 < 200 and set(reasons(items)[:-1]) == {"record"}
    assert items[-1].source_uri == str(path.resolve())


def test_warc_responses_with_record_ids(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    html = article_html().encode()
    ids = write_warc(path, [("https://x.com/a", "text/html; charset=utf-8", html),
                            ("https://x.com/logo.png", "image/png", b"\x89PNG...."),
                            ("https://x.com/missing", "text/html", b"<h1>Not found</h1>")])
    items = read(path)
    assert reasons(items) == ["html", "not_html", "http_404"]
    assert [i.source_uri for i in items] == [f"{path.resolve()}#{i}" for i in ids]
    first = items[0]
    assert isinstance(first, Document) and first.url == "https://x.com/a" and first.charset == "utf-8"


def test_truncated_warc_keeps_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    html = article_html().encode()
    write_warc(path, [(f"https://x.com/{n}", "text/html", html) for n in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.8)])
    items = read(path)
    assert reasons(items)[:2] == ["html", "html"] and reasons(items)[-1] == "bad_warc"


def test_the_same_bytes_get_the_same_key(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2026-03-03 Title\n\nBody.")
    assert read(tmp_path)[0].doc_key == read(tmp_path)[0].doc_key
