"""Read local inputs into documents: HTML pages, plain-text articles, JSON Lines and WARC archives.

Every input ends as a `Document` or a `Reject` (stage `read`); nothing is dropped silently. A directory is
read recursively in sorted order; names starting with `.` or `_` are skipped (hidden files, notes).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from copydesk.records import Document, Reject, sha256_hex
from copydesk.tasks.charsets import content_type_charset

STAGE = "read"
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00")
SNIFF_BYTES = 4096

Item = Document | Reject


class ReadError(Exception):
    """An input that cannot be read, with the reject reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def discover(inputs: Iterable[str | Path]) -> Iterator[str]:
    """List the files to read as absolute paths, directories expanded recursively."""
    for item in inputs:
        path = Path(item).resolve()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith((".", "_")) for part in relative):
                    yield str(child)
        else:
            yield str(path)


def iter_documents(inputs: Iterable[str | Path], max_document_bytes: int) -> Iterator[Item]:
    """Read every input into documents and rejects, in input order."""
    for source in discover(inputs):
        yield from read_input(source, max_document_bytes)


def read_input(source: str, max_document_bytes: int) -> Iterator[Item]:
    """Read one file into documents and rejects, by its kind."""
    name = source.lower()
    path = Path(source)
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from _read_jsonl(path, max_document_bytes)
        elif name.endswith(WARC_SUFFIXES):
            yield from _read_warc(path, max_document_bytes)
        elif name.endswith(HTML_SUFFIXES):
            body = _read_file(path, max_document_bytes)
            if _looks_binary(body):
                raise ReadError("not_html", f"binary content ({body[:8]!r}…) in a file named like HTML")
            yield Document.of(source, "html", body)
        elif name.endswith(TEXT_SUFFIXES):
            yield Document.of(source, "text", _read_file(path, max_document_bytes))
        else:
            raise ReadError("unsupported_type", f"no reader for files named *{path.suffix or path.name}")
    except ReadError as err:
        yield Reject.of(source, STAGE, err.reason, err.detail, _file_key(path, err.reason))
    except OSError as err:
        yield Reject.of(source, STAGE, "unreadable", f"{type(err).__name__}: {err}", _file_key(path, "unreadable"))


def _file_key(path: Path, reason: str) -> str:
    """Key a whole-file reject by the file's bytes (or size when too large), so a rerun recognises it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(1_000_000)
    except OSError:
        size, head = -1, b""
    return sha256_hex(str(path), reason, str(size), head)


def _read_file(path: Path, max_document_bytes: int) -> bytes:
    """Read a file whole, gunzipping `.gz`, refusing more than `max_document_bytes` of content."""
    if path.stat().st_size > max_document_bytes:
        raise ReadError("too_large", f"{path.stat().st_size} bytes on disk, limit {max_document_bytes}")
    if path.suffix.lower() != ".gz":
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as f:
            data = f.read(max_document_bytes + 1)
    except EOFError as err:
        raise ReadError("truncated_gzip", f"gzip stream ends early: {err}") from err
    except (gzip.BadGzipFile, zlib.error) as err:
        raise ReadError("bad_gzip", f"not a valid gzip file: {err}") from err
    if len(data) > max_document_bytes:
        raise ReadError("too_large", f"more than {max_document_bytes} bytes once decompressed")
    return data


def _looks_binary(body: bytes) -> bool:
    """Tell whether bytes are a binary format rather than text (UTF-16 with a BOM counts as text)."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return body.startswith(BINARY_MAGIC) or b"\x00" in body[:SNIFF_BYTES]


def _read_jsonl(path: Path, max_document_bytes: int) -> Iterator[Item]:
    """Read one document per non-blank line; the N-th line (from 1) is `path#N`."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rb") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                yield _jsonl_item(f"{path}#{number}", line, max_document_bytes)
    except EOFError as err:
        raise ReadError("truncated_gzip", f"gzip stream ends early after the lines read so far: {err}") from err
    except (gzip.BadGzipFile, zlib.error) as err:
        raise ReadError("bad_gzip", f"not a valid gzip file: {err}") from err


def _jsonl_item(source_uri: str, line: bytes, max_document_bytes: int) -> Item:
    if len(line) > max_document_bytes:
        return Reject.of(source_uri, STAGE, "too_large", f"{len(line)} bytes, limit {max_document_bytes}",
                         sha256_hex(source_uri, line[:1_000_000]))
    try:
        record = json.loads(line)
    except ValueError as err:
        return Reject.of(source_uri, STAGE, "invalid_json", f"{err}: {line[:80]!r}", sha256_hex(source_uri, line))
    if not isinstance(record, dict):
        return Reject.of(source_uri, STAGE, "invalid_json", f"a JSON {type(record).__name__}, not an object",
                         sha256_hex(source_uri, line))
    if not any(isinstance(record.get(k), str) and record[k].strip() for k in ("text", "html")):
        return Reject.of(source_uri, STAGE, "missing_text", "the object has no non-empty `text` or `html`",
                         sha256_hex(source_uri, line))
    return Document.of(source_uri, "record", line)


def _read_warc(path: Path, max_document_bytes: int) -> Iterator[Item]:
    """Read every HTTP response record; the record `path#<WARC-Record-ID>` is one document."""
    try:
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_type != "response":
                    continue
                yield _warc_item(path, record, max_document_bytes)
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as err:
        raise ReadError("bad_warc", f"{type(err).__name__} after the records read so far: {err}") from err


def _warc_item(path: Path, record: object, max_document_bytes: int) -> Item:
    record_id = record.rec_headers.get_header("WARC-Record-ID")  # type: ignore[attr-defined]
    target = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    source_uri = f"{path}#{record_id}"
    http = record.http_headers  # type: ignore[attr-defined]
    body = record.content_stream().read(max_document_bytes + 1)  # type: ignore[attr-defined]
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    if len(body) <= max_document_bytes and missing > 0:
        raise ReadError("bad_warc", f"record {record_id} is cut short ({missing} bytes missing)")
    key = sha256_hex(source_uri, body[:1_000_000])
    status = http.get_statuscode() if http else "200"
    content_type = (http.get_header("Content-Type") or "") if http else ""
    if not status.startswith("2"):
        return Reject.of(source_uri, STAGE, f"http_{status}", f"HTTP status {status} for {target}", key)
    if content_type and "html" not in content_type.lower():
        return Reject.of(source_uri, STAGE, "not_html", f"Content-Type {content_type} for {target}", key)
    if len(body) > max_document_bytes:
        return Reject.of(source_uri, STAGE, "too_large", f"more than {max_document_bytes} bytes", key)
    charset = content_type_charset(content_type)
    return Document.of(source_uri, "html", body, url=target, charset=charset)
