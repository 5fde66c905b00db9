import ctypes
import gzip
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from warcio.warcwriter import WARCWriter
from builders import PARAGRAPHS, article_html, write_gzip, write_warc, write_zeros_gzip
from test_pipeline import query

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


# -- the edges: what is not a well-formed regular file -------------------------------------------
READ_IN_CHILD = """
import json, sys
from copydesk.records import Reject
from copydesk.tasks.read import iter_documents
items = iter_documents(sys.argv[2:], int(sys.argv[1]))
outcomes = [[i.source_uri, i.reason if isinstance(i, Reject) else i.kind] for i in items]
# this process's own peak: getrusage's ru_maxrss would include the parent's, from before the exec
peak_bytes = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status")
                  if line.startswith("VmHWM:"))
print(json.dumps({"outcomes": outcomes, "peak_bytes": peak_bytes}))
"""
CHILD_ADDRESS_SPACE_BYTES = 2 << 30   # a child reading without bound fails fast, sparing others
PR_CAPBSET_DROP = 24                  # prctl: drop a capability from the bounding set (prctl.h)
FILE_MODE_OVERRIDES = (1, 2)          # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH (linux/capability.h)


def without_root_file_access() -> None:
    """Drop root's power to read and list what file modes forbid, for the program to be executed."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in FILE_MODE_OVERRIDES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def read_in_child(*paths: Path, limit: int = LIMIT_BYTES, as_root_without_file_access: bool = False
                  ) -> tuple[list[list[str]], int]:
    """Read in a child process (bounded in time and address space): the outcomes and the peak RSS
    in bytes."""
    def bound() -> None:
        limit = CHILD_ADDRESS_SPACE_BYTES
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        if as_root_without_file_access:
            without_root_file_access()

    result = subprocess.run([sys.executable, "-c", READ_IN_CHILD, str(limit), *map(str, paths)],
                            capture_output=True, text=True, timeout=60, preexec_fn=bound)
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout)
    return answer["outcomes"], answer["peak_bytes"]


def named(outcomes: list[list[str]], root: Path) -> dict[str, str]:
    return {uri.removeprefix(str(root.resolve()) + "/"): outcome for uri, outcome in outcomes}


def test_a_line_nested_too_deep_is_that_lines_reject(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": "After it."}) + "\n")
    items = read(path)
    assert reasons(items) == ["invalid_json", "record"]
    assert items[0].detail.startswith("RecursionError")  # type: ignore[union-attr]


def test_a_gzip_bomb_is_rejected_in_bounded_memory(tmp_path: Path) -> None:
    line = json.dumps({"text": "The line after the bomb."}).encode()
    write_zeros_gzip(tmp_path / "bomb.jsonl.gz", 200 << 20, b"\n" + line + b"\n")
    (tmp_path / "bomb.html.gz").hardlink_to(tmp_path / "bomb.jsonl.gz")
    outcomes, peak = read_in_child(tmp_path / "bomb.jsonl.gz", limit=10_000_000)
    assert [o for _, o in outcomes] == ["too_large", "record"] and peak < 150e6, peak
    outcomes, peak = read_in_child(tmp_path / "bomb.html.gz", limit=10_000_000)
    assert [o for _, o in outcomes] == ["too_large"] and peak < 150e6, peak


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.html")
    (tmp_path / "zero.html").symlink_to("/dev/zero")  # a link given as input is read as its target
    (tmp_path / "ok.txt").write_text(" date 2026-03-03 Title\n\nBody.")
    outcomes, _ = read_in_child(*(tmp_path / n for n in ("pipe.html", "zero.html", "ok.txt")))
    assert named(outcomes, tmp_path) == {"pipe.html": "not_a_file", "/dev/zero": "not_a_file",
                                         "ok.txt": "text"}


def test_what_a_folder_holds_besides_files_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(" date 2026-03-03 Title\n\nBody.")
    os.mkfifo(tmp_path / "pipe.html")
    (tmp_path / "zero.html").symlink_to("/dev/zero")
    (tmp_path / "mem.html").symlink_to("/proc/self/mem")  # a file whose read fails, even as root
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (tmp_path / "elsewhere").symlink_to(tmp_path)
    (tmp_path / ".hidden.fifo").symlink_to("/dev/zero")
    items = read(tmp_path)
    assert {Path(i.source_uri).name: r for i, r in zip(items, reasons(items))} == {
        "elsewhere": "not_a_file", "gone.html": "broken_link", "loop.html": "broken_link",
        "mem.html": "unreadable", "ok.txt": "text", "pipe.html": "not_a_file",
        "zero.html": "not_a_file"}
    assert all(i.detail for i in items if isinstance(i, Reject))


def test_a_folder_that_cannot_be_listed_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir(mode=0o000)
    (tmp_path / "ok.txt").write_text(" date 2026-03-03 Title\n\nBody.")
    # root lists any folder: then read as root without the capabilities that override file modes
    outcomes, _ = read_in_child(tmp_path, as_root_without_file_access=os.geteuid() == 0)
    assert named(outcomes, tmp_path) == {"locked": "unreadable", "ok.txt": "text"}


def test_a_link_that_loops_given_as_input_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    (tmp_path / "ok.txt").write_text(" date 2026-03-03 Title\n\nBody.")
    items = read(tmp_path / "loop.html", tmp_path / "ok.txt")
    assert reasons(items) == ["broken_link", "text"]
    assert items[0].source_uri == str(tmp_path / "loop.html")


def test_a_name_that_is_not_utf8_is_read_under_a_percent_encoded_uri(tmp_path: Path) -> None:
    path = os.path.join(os.fsencode(tmp_path), b"bad-\xff\xfe 100%.html")
    with open(path, "wb") as f:
        f.write(article_html().encode())
    with open(os.path.join(os.fsencode(tmp_path), b"notes.\xff"), "wb") as f:
        f.write(b"?")
    item, notes = read(tmp_path)
    assert isinstance(item, Document) and item.source_uri.endswith("/bad-%FF%FE 100%25.html")
    assert isinstance(notes, Reject) and notes.detail.endswith("*.%FF")  # no surrogate in a detail
    assert os.fsencode(os.fsdecode(unquote_to_bytes(item.source_uri))) == path
    assert read(tmp_path / "ok%20.txt")[0].source_uri.endswith("/ok%20.txt")  # valid UTF-8: kept


def shorten_the_first_content_length(warc: Path) -> None:
    """Make the first record of an uncompressed WARC claim 10 bytes fewer than it holds."""
    data = warc.read_bytes()
    length = re.search(rb"Content-Length: (\d+)", data)
    assert length
    shorter = str(int(length.group(1)) - 10).encode()
    warc.write_bytes(data[:length.start(1)] + shorter + data[length.end(1):])


def drop_the_record_ids(warc: Path) -> int:
    """Remove every WARC-Record-ID of an uncompressed WARC; return the second record's offset."""
    data = re.sub(rb"WARC-Record-ID: [^\r]*\r\n", b"", warc.read_bytes())
    warc.write_bytes(data)
    return data.index(b"WARC/1", 1)


def test_a_warc_record_with_a_wrong_length_is_rejected_quietly(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crawl.warc"
    html = article_html().encode()
    pages = [(f"https://x.com/{n}", "text/html", html) for n in range(3)]
    ids = write_warc(path, pages, compress=False)
    shorten_the_first_content_length(path)
    items = read(path)
    assert reasons(items) == ["bad_warc", "html", "html"]
    assert [i.source_uri for i in items] == [f"{path.resolve()}#{i}" for i in ids]
    assert "Content-Length" in items[0].detail  # type: ignore[union-attr]
    assert capfd.readouterr().err == ""


def test_a_wrong_length_after_a_record_that_is_no_document_is_a_log_line(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    info, path = tmp_path / "info.warc", tmp_path / "crawl.warc"
    with info.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
    write_warc(path, [("https://x.com/a", "text/html", article_html().encode())], compress=False)
    path.write_bytes(info.read_bytes() + path.read_bytes())
    shorten_the_first_content_length(path)
    assert reasons(read(path)) == ["html"]
    assert "the warcinfo record at byte 0 is not followed by a blank line" in caplog.text
    assert capfd.readouterr().err == ""


def test_warc_records_without_an_id_are_named_by_their_offset(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    pages = [(f"https://x.com/{n}", "text/html", article_html().encode()) for n in range(2)]
    write_warc(path, pages, compress=False)
    second = drop_the_record_ids(path)
    items = read(path)
    uri = str(path.resolve())
    assert [i.source_uri for i in items] == [f"{uri}#offset=0", f"{uri}#offset={second}"]
    assert reasons(items) == ["html", "html"]


def every_bad_local_kind(root: Path) -> dict[str, str]:
    """Write good inputs among one of every bad local kind; return the expected outcome per name."""
    root.mkdir()
    (root / "story.html").write_text(article_html())
    (root / "brief.txt").write_text(" date 2026-03-04 Mayor offers mediation\n\n"
                                    + "\n\n".join(PARAGRAPHS[::-1]))
    texts = ["\n\n".join(PARAGRAPHS[:3]), "\n\n".join(PARAGRAPHS[1:])]
    record, after_bomb = (json.dumps({"text": t, "url": f"https://wire.example.com/{n}"})
                          for n, t in enumerate(texts))
    (root / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + record + "\n")
    write_zeros_gzip(root / "bomb.jsonl.gz", 20 << 20, b"\n" + after_bomb.encode() + b"\n")
    (root / "bomb.html.gz").hardlink_to(root / "bomb.jsonl.gz")
    os.mkfifo(root / "pipe.html")
    (root / "zero.html").symlink_to("/dev/zero")
    (root / "mem.html").symlink_to("/proc/self/mem")
    (root / "loop.html").symlink_to(root / "loop.html")
    (root / "gone.html").symlink_to(root / "nowhere.html")
    (root / "elsewhere").symlink_to(root.parent)
    ships, talks, dock = (article_html(title=title, paragraphs=PARAGRAPHS[n:] + PARAGRAPHS[:n],
                                       url=f"https://www.harbour-times.com/news/{title}")
                          for n, title in ((2, "ships"), (1, "talks"), (3, "dock")))
    with open(os.path.join(os.fsencode(root), b"bad-\xff\xfe.html"), "wb") as f:
        f.write(ships.encode())
    ids = write_warc(root / "crawl.warc", [(f"https://x.com/{n}", "text/html", talks.encode())
                                           for n in range(2)], compress=False)
    shorten_the_first_content_length(root / "crawl.warc")
    write_warc(root / "noid.warc", [("https://x.com/dock", "text/html", dock.encode()),
                                    ("https://x.com/logo.png", "image/png", b"\x89PNG")],
               compress=False)
    second = drop_the_record_ids(root / "noid.warc")
    return {"story.html": "article", "brief.txt": "article", "deep.jsonl#1": "reject:invalid_json",
            "deep.jsonl#2": "article", "bomb.jsonl.gz#1": "reject:too_large",
            "bomb.jsonl.gz#2": "article", "bomb.html.gz": "reject:too_large",
            "pipe.html": "reject:not_a_file", "zero.html": "reject:not_a_file",
            "mem.html": "reject:unreadable", "loop.html": "reject:broken_link",
            "gone.html": "reject:broken_link", "elsewhere": "reject:not_a_file",
            "bad-%FF%FE.html": "article", f"crawl.warc#{ids[0]}": "reject:bad_warc",
            f"crawl.warc#{ids[1]}": "article", "noid.warc#offset=0": "article",
            f"noid.warc#offset={second}": "reject:not_html"}


@pytest.mark.e2e
@pytest.mark.usefixtures("prefect_server")
def test_a_run_over_every_bad_local_kind_accounts_for_every_document(tmp_path: Path) -> None:
    from copydesk.flows.pipeline import pipeline

    expected = every_bad_local_kind(tmp_path / "in")
    summary = pipeline(inputs=[str(tmp_path / "in")], warehouse_dir=str(tmp_path / "data"))
    rows = query(tmp_path / "data",
                 "SELECT source_uri, coalesce('duplicate:' || duplicate_kind, 'article') FROM "
                 "article_sources UNION ALL SELECT source_uri, 'reject:' || reason FROM rejects")
    assert {uri.removeprefix(f"{tmp_path}/in/"): outcome for uri, outcome in rows} == expected
    assert summary.documents_read == len(expected)
    kept = summary.articles_new + sum(summary.duplicates.values())
    assert sum(summary.rejects.values()) + kept == len(expected)
    again = pipeline(inputs=[str(tmp_path / "in")], warehouse_dir=str(tmp_path / "data"))
    assert again.already_known == again.documents_read == len(expected)  # the same keys again
