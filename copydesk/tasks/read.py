"""Read local inputs into documents: HTML pages, plain-text articles, JSON Lines and WARC archives.

Every input ends as a `Document` or a `Reject` (stage `read`); nothing is dropped silently. A
directory is read recursively in sorted order; names starting with `.` or `_` are skipped (hidden
files, notes). Only regular files are read, and never more than the size limit of them: anything
else a directory holds (a FIFO, a device, a link that leads nowhere, a link to a directory, a
directory that cannot be listed) is a reject.

A `source_uri` is the file's absolute path. A path that is not valid UTF-8 is written with each byte
that is not UTF-8, and each `%`, percent-encoded (`bad-%FF%FE.html`), so that
`os.fsdecode(urllib.parse.unquote_to_bytes(uri))` gives the path back.
"""

from __future__ import annotations

import errno
import gzip
import json
import logging
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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
KEY_HEAD_BYTES = 1_000_000      # a reject's key hashes at most this much of what it rejects
SKIP_CHUNK_BYTES = 1 << 20      # the rest of an over-long JSON Lines line is skipped by this much
ESCAPED_BYTES = range(0xDC80, 0xDD00)  # surrogates standing for a path's bytes that are not UTF-8
FILE_TYPES = {stat.S_ISFIFO: "FIFO (named pipe)", stat.S_ISCHR: "character device",
              stat.S_ISBLK: "block device", stat.S_ISSOCK: "socket"}

Item = Document | Reject
log = logging.getLogger(__name__)


class ReadError(Exception):
    """An input that cannot be read, with the reject reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def discover(inputs: Iterable[str | Path]) -> Iterator[str]:
    """List what to read as absolute paths, directories expanded recursively.

    Inside a directory everything not hidden is listed, files or not (links to directories, which
    are not followed, and directories that cannot be listed included): reading rejects what is not a
    file.
    """
    for item in inputs:
        path = _absolute(Path(item))
        if path.is_dir():
            yield from _walk(path)
        else:
            yield str(path)


def _absolute(path: Path) -> Path:
    """Resolve a path; a link that loops keeps its own name (reading rejects it)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _walk(directory: Path) -> Iterator[str]:
    """List a directory's entries in sorted order, recursively, skipping names starting with `.` or
    `_`; a directory that cannot be listed is listed itself."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        yield str(directory)
        return
    for entry in entries:
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:
            yield entry.path


def source_uri(path: str) -> str:
    """Name a path as text: itself when valid UTF-8, else percent-encoded where not (and at `%`)."""
    text = os.fsencode(path).decode("utf-8", "surrogateescape")
    if not any(ord(char) in ESCAPED_BYTES for char in text):
        return text
    return "".join(f"%{ord(char) - 0xDC00:02X}" if ord(char) in ESCAPED_BYTES else char
                   for char in text.replace("%", "%25"))


def iter_documents(inputs: Iterable[str | Path], max_document_bytes: int) -> Iterator[Item]:
    """Read every input into documents and rejects, in input order."""
    for source in discover(inputs):
        yield from read_input(source, max_document_bytes)


def read_input(source: str, max_document_bytes: int) -> Iterator[Item]:
    """Read one file into documents and rejects, by its kind."""
    name = source.lower()
    path = Path(source)
    uri = source_uri(source)
    try:
        _check_regular(path)
        if name.endswith(JSONL_SUFFIXES):
            yield from _read_jsonl(path, uri, max_document_bytes)
        elif name.endswith(WARC_SUFFIXES):
            yield from _read_warc(path, uri, max_document_bytes)
        elif name.endswith(HTML_SUFFIXES):
            body = _read_file(path, max_document_bytes)
            if _looks_binary(body):
                raise ReadError("not_html", f"binary content ({body[:8]!r}…) in a file named like HTML")
            yield Document.of(uri, "html", body)
        elif name.endswith(TEXT_SUFFIXES):
            yield Document.of(uri, "text", _read_file(path, max_document_bytes))
        else:
            kind = source_uri(path.suffix or path.name)
            raise ReadError("unsupported_type", f"no reader for files named *{kind}")
    except ReadError as err:
        yield Reject.of(uri, STAGE, err.reason, err.detail, _file_key(path, uri, err.reason))
    except OSError as err:
        yield Reject.of(uri, STAGE, "unreadable", f"{type(err).__name__}: {err}",
                        _file_key(path, uri, "unreadable"))


def _check_regular(path: Path) -> None:
    """Refuse what is not a regular file once links are followed: a link that leads nowhere, a
    directory, a FIFO, a device, a socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ReadError("broken_link", "a symbolic link that leads back to itself") from err
        if path.is_symlink():
            target = os.readlink(path)
            detail = f"a symbolic link to {target!r}, which does not exist"
            raise ReadError("broken_link", detail) from err
        raise
    if stat.S_ISDIR(mode):
        if path.is_symlink():
            raise ReadError("not_a_file", "a link to a directory (not followed inside a directory)")
        os.listdir(path)  # a directory is read only when it could not be listed: raise why
        raise ReadError("unreadable", "a directory that could not be listed")
    if not stat.S_ISREG(mode):
        raise ReadError("not_a_file", f"a {_file_type(mode)}, not a regular file")


def _file_type(mode: int) -> str:
    return next((kind for test, kind in FILE_TYPES.items() if test(mode)), "special file")


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading: the non-blocking open never waits for a FIFO's writer, and a
    file swapped for something else since it was checked is refused."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise ReadError("not_a_file", f"a {_file_type(mode)}, not a regular file")
    return os.fdopen(fd, "rb")


def _file_key(path: Path, uri: str, reason: str) -> str:
    """Key a whole-file reject by the file's size and first MB, so that a rerun recognises it."""
    try:
        _check_regular(path)
        with open_regular(path) as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(KEY_HEAD_BYTES)
    except (OSError, ReadError):
        size, head = -1, b""
    return sha256_hex(uri, reason, str(size), head)


def _read_file(path: Path, max_document_bytes: int) -> bytes:
    """Read a file whole, gunzipping `.gz`, refusing more than `max_document_bytes` of content."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_document_bytes:
            raise ReadError("too_large", f"{size} bytes on disk, limit {max_document_bytes}")
        if path.suffix.lower() != ".gz":
            data = f.read(max_document_bytes + 1)
        else:
            try:
                with gzip.open(f, "rb") as unzipped:
                    data = unzipped.read(max_document_bytes + 1)
            except EOFError as err:
                raise ReadError("truncated_gzip", f"gzip stream ends early: {err}") from err
            except (gzip.BadGzipFile, zlib.error) as err:
                raise ReadError("bad_gzip", f"not a valid gzip file: {err}") from err
    if len(data) > max_document_bytes:
        raise ReadError("too_large", f"more than {max_document_bytes} bytes of content")
    return data


def _looks_binary(body: bytes) -> bool:
    """Tell whether bytes are a binary format rather than text (UTF-16 with a BOM counts as text)."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return body.startswith(BINARY_MAGIC) or b"\x00" in body[:SNIFF_BYTES]


def _read_jsonl(path: Path, uri: str, max_document_bytes: int) -> Iterator[Item]:
    """Read one document per non-blank line; the N-th line (from 1) is `uri#N`."""
    gzipped = path.suffix.lower() == ".gz"
    try:
        with open_regular(path) as raw, (gzip.open(raw, "rb") if gzipped else raw) as f:
            for number, (line, length) in enumerate(_bounded_lines(f, max_document_bytes), start=1):
                if length == len(line) and not line.strip():
                    continue
                yield _jsonl_item(f"{uri}#{number}", line, length, max_document_bytes)
    except EOFError as err:
        raise ReadError("truncated_gzip",
                        f"gzip stream ends early after the lines read so far: {err}") from err
    except (gzip.BadGzipFile, zlib.error) as err:
        raise ReadError("bad_gzip", f"not a valid gzip file: {err}") from err


def _bounded_lines(f: BinaryIO, max_line_bytes: int) -> Iterator[tuple[bytes, int]]:
    """Yield each line with its length in bytes; of a line longer than `max_line_bytes` only the
    first `max_line_bytes + 1` bytes, its rest skipped a chunk at a time (memory stays bounded)."""
    while line := f.readline(max_line_bytes + 1):
        length = len(line)
        if length > max_line_bytes and not line.endswith(b"\n"):
            while rest := f.readline(SKIP_CHUNK_BYTES):
                length += len(rest)
                if rest.endswith(b"\n"):
                    break
        yield line, length


def _jsonl_item(source_uri: str, line: bytes, length: int, max_document_bytes: int) -> Item:
    if length > max_document_bytes:
        return Reject.of(source_uri, STAGE, "too_large",
                         f"{length} bytes, limit {max_document_bytes}",
                         sha256_hex(source_uri, line[:KEY_HEAD_BYTES]))
    try:
        record = json.loads(line)
    except Exception as err:  # noqa: BLE001 - whatever stops parsing (RecursionError when too deep)
        detail = f"{type(err).__name__}: {err}: {line[:80]!r}"
        return Reject.of(source_uri, STAGE, "invalid_json", detail, sha256_hex(source_uri, line))
    if not isinstance(record, dict):
        detail = f"a JSON {type(record).__name__}, not an object"
        return Reject.of(source_uri, STAGE, "invalid_json", detail, sha256_hex(source_uri, line))
    if not any(isinstance(record.get(k), str) and record[k].strip() for k in ("text", "html")):
        detail = "the object has no non-empty `text` or `html`"
        return Reject.of(source_uri, STAGE, "missing_text", detail, sha256_hex(source_uri, line))
    return Document.of(source_uri, "record", line)


class _Warnings:
    """Take the place of warcio's warning text (`ArchiveIterator.INC_RECORD`), which warcio formats
    and writes to stderr when a record is not followed by a blank line: keep the warning's offset
    and give warcio an empty string to write."""

    def __init__(self) -> None:
        self.offsets: list[int] = []

    def format(self, offset: int, line: bytes) -> str:
        self.offsets.append(offset)
        return ""

    def take(self) -> list[int]:
        offsets, self.offsets = self.offsets, []
        return offsets


def _read_warc(path: Path, uri: str, max_document_bytes: int) -> Iterator[Item]:
    """Read every HTTP response record: the record `uri#<WARC-Record-ID>` is one document, or
    `uri#offset=<byte offset>` without a WARC-Record-ID (of its gzip member in a `.warc.gz`)."""
    try:
        with open_regular(path) as f:
            records = ArchiveIterator(f)
            records.INC_RECORD = warnings = _Warnings()
            for record in records:
                if record.rec_type == "response":
                    yield _warc_item(uri, records, record, warnings, max_document_bytes)
                    continue
                offset = records.get_record_offset()  # reads to the record's end and past it
                if warnings.take():
                    log.warning("%s: the %s record at byte %d is not followed by a blank line (its "
                                "Content-Length is likely wrong)", uri, record.rec_type, offset)
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as err:
        raise ReadError("bad_warc",
                        f"{type(err).__name__} after the records read so far: {err}") from err


def _warc_item(uri: str, records: ArchiveIterator, record: object, warnings: _Warnings,
               max_document_bytes: int) -> Item:
    headers = record.rec_headers  # type: ignore[attr-defined]
    record_id, target = headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Target-URI")
    http = record.http_headers  # type: ignore[attr-defined]
    body = record.content_stream().read(max_document_bytes + 1)  # type: ignore[attr-defined]
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    offset = records.get_record_offset()  # reads to the record's end and the blank lines after it
    source_uri = f"{uri}#{record_id}" if record_id else f"{uri}#offset={offset}"
    if len(body) <= max_document_bytes and missing > 0:
        raise ReadError("bad_warc",
                        f"record {record_id or offset} is cut short ({missing} bytes missing)")
    key = sha256_hex(source_uri, body[:KEY_HEAD_BYTES])
    if warnings.take():
        length = headers.get_header("Content-Length")
        return Reject.of(source_uri, STAGE, "bad_warc", "the record is not followed by a blank "
                         f"line: its Content-Length ({length}) is wrong", key)
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
