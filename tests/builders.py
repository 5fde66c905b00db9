"""Build test inputs on disk: article pages, gzip files, JSON Lines and WARC archives."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# When a row was written and in which batch: the only columns that differ between two runs of the same
# inputs (a batch id is its commit time plus a random suffix).
RUN_COLUMNS = frozenset({"batch_id", "read_at", "ingested_at", "rejected_at", "polled_at", "decided_at"})

PARAGRAPHS = [
    "The harbour authority of Port Elwin said on Tuesday that 1,200 dock workers had walked off the job "
    "after talks on a new wage agreement collapsed late on Monday night.",
    "Union leader Mara Okafor told reporters that the strike would continue until the operator, Elwin Terminals, "
    "returned to the table with an offer that matched inflation of 6.4 percent.",
    "Shipping lines diverted at least fourteen container vessels to neighbouring ports, and freight forwarders "
    "warned of delays of up to ten days for goods bound for the region's supermarkets.",
    "The city's mayor, Tomas Reyes, called on both sides to accept mediation and said the council was ready "
    "to host negotiations at the town hall as early as Thursday morning.",
]


def article_html(title: str = "Dock workers strike in Port Elwin", paragraphs: list[str] | None = None,
                 url: str = "https://www.harbour-times.com/news/port-strike?utm_source=twitter",
                 published: str = "2026-03-03T08:15:00+01:00", charset: str = "utf-8",
                 lang: str = "en") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{title} | Harbour Times</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
{body}
</article>
<aside><h3>Newsletter</h3><p>Sign up for our newsletter.</p></aside>
<footer><p>Copyright 2026 Harbour Times. All rights reserved.</p></footer>
</body></html>"""


def write_gzip(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data, mtime=0))
    return path


def write_zeros_gzip(path: Path, zero_bytes: int, tail: bytes = b"") -> None:
    """Write `zero_bytes` zeros, then `tail`, gzipped a MB at a time (a gzip bomb)."""
    chunk = bytes(1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as f:
        for _ in range(zero_bytes // len(chunk)):
            f.write(chunk)
        f.write(tail)


def write_warc(path: Path, responses: list[tuple[str, str, bytes]], compress: bool = True
               ) -> list[str]:
    """Write a WARC (gzipped unless not `compress`) of (target URI, Content-Type, body) HTTP 200
    responses; return the record ids."""
    ids = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for uri, content_type, body in responses:
            status = "404 Not Found" if uri.endswith("/missing") else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
    return ids
