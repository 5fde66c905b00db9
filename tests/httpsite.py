"""A local test website: a small news site and every way the network fails, on loopback addresses.

Linux routes all of 127.0.0.0/8 to `lo`, so each virtual host is its own `ThreadingHTTPServer` bound to
127.0.0.K on an ephemeral port: distinct hosts (for per-host politeness) without DNS. Named hosts:
"news" on 127.0.0.2, "faults" on 127.0.0.3, then optional article hosts "h00", "h01", ... from
127.0.0.4, and an optional article host "v6" on the IPv6 loopback address ::1. `serve()` gives one
path of one host a fixed answer (a robots.txt, a redirect, a listing), ahead of its routes.

Use the `site` fixture (news and faults, stopped after the test) or `with Site().start(...) as site:`.
`stop()` closes the listening sockets and every open connection, and joins every thread, within
`STOP_TIMEOUT_SECONDS`. See tests/test_httpsite.py for how each endpoint behaves.
"""

from __future__ import annotations

import functools
import gzip
import random
import re
import socket
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import TCPServer
from typing import Self
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import pytest
from builders import article_html

NAMED_HOSTS = ("news", "faults")          # bound to 127.0.0.2 and 127.0.0.3
FIRST_HOST_OCTET = 2                      # 127.0.0.1 is left alone: it is every other test server's address
MAX_ARTICLE_HOSTS = 100
POLL_SECONDS = 0.01                       # how often an idle server checks whether it should stop
IDLE_CONNECTION_SECONDS = 10.0            # a connection silent (or not reading) for this long is closed
STOP_TIMEOUT_SECONDS = 5.0                # stop() gives up on a handler thread after this

SLOW_SECONDS = 3.0                        # /slow and /slow-body stall this long
SLOW_BODY_FIRST_BYTES = 1024              # /slow-body sends this much before it stalls
RETRY_AFTER_SECONDS = 1                   # on the first 429 of /limited and 503 of /unavailable
CHUNK_BYTES = 64 * 1024                   # /huge and /huge-chunked write pieces of this size
HUGE_BYTES = 50 * 1024 * 1024             # body of /huge and /huge-chunked
GZIP_BOMB_BYTES = 100 * 1024 * 1024       # /gzip-bomb inflates to this (about 100 KB on the wire)
BOMB_BLOCK_BYTES = 1024 * 1024            # /gzip-bomb is compressed from blocks of this
GZIP_TWICE_BYTES = 300 * 1024 * 1024      # /gzip-twice inflates to this through two gzip layers
IPV6_LOOPBACK = "::1"                     # the address of host "v6"

LAST_MODIFIED = datetime(2026, 3, 3, 10, tzinfo=timezone.utc)   # of every feed and sitemap
METADATA_URL = "http://169.254.169.254/latest/meta-data/"       # /to-metadata redirects here: never fetch it
LOOPBACK_URL = "http://127.0.0.1:1/"                            # /to-loopback redirects here

HTML_UTF8 = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
SITE_NAME = "Harbour Times"
RSS_ARTICLES = (1, 2, 3, 4, 5)
ATOM_ARTICLES = (3, 6, 7)
NEWS_SITEMAP_ARTICLES = (8, 9)
PAGES_SITEMAP_ARTICLES = (10,)
HOME_ARTICLES = range(1, 11)
SECRET_PATH = "/private/secret.html"
SECRET_N = 0
ARTICLE_PATH = re.compile(r"/articles/(\d{1,9})\.html")
CHAIN_PATH = re.compile(r"/redirect-chain/(\d{1,9})")
FAULT_ARTICLES = {"/slow": 101, "/slow-body": 102, "/flaky": 103, "/limited": 104, "/unavailable": 105,
                  "/redirect-chain/0": 106}
ETAGS = {"/rss.xml": '"rss-v1"', "/atom.xml": '"atom-v1"', "/sitemap_index.xml": '"sitemap-index-v1"',
         "/sitemap-news.xml": '"sitemap-news-v1"', "/sitemap-pages.xml.gz": '"sitemap-pages-v1"'}
ROBOTS_ALLOW_ALL = "User-agent: *\nDisallow:\n"
STATUS_ONLY = {"/always-500": 500, "/gone": 404, "/forbidden": 403}
BINARIES = {
    "/report.pdf": ("application/pdf",
                    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
    "/photo.jpg": ("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                   + bytes(64) + b"\xff\xd9"),
    "/clip.mp4": ("video/mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom\x00\x00\x00\x08free"),
}

TOWNS = ("Port Elwin", "Marrow Bay", "Kestrel Falls", "Dunmore", "Ashgrove", "Corran", "Westholme",
         "Brackenridge", "Tallis Point", "Innesford", "Greyhaven", "Lowmoor")
PEOPLE = ("Mara Okafor", "Tomas Reyes", "Ilse Varga", "Dev Patel", "Ruth Adeyemi", "Pavel Hruby",
          "Lena Moreau", "Sami Haddad", "Grace Lindholm", "Owen Castell")
ORGS = ("the city council", "the regional transport board", "the harbour authority", "the chamber of commerce",
        "the teachers' union", "the environment agency", "the health trust", "the residents' association")
SUBJECTS = ("a new tram line", "the harbour dredging contract", "cheaper school meals", "a flood barrier",
            "the night bus network", "a new maternity ward", "an offshore wind farm", "rent controls",
            "the fishing quota", "the library extension", "the river bridge repairs", "a summer music festival")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("April", "May", "June", "September", "October", "November")
FRENCH_PARAGRAPHS = [
    "Les dockers du port d'Elwin ont cessé le travail mardi après l'échec des négociations salariales. Selon le "
    "syndicat, près de mille deux cents employés ont rejoint la grève, qui paralyse déjà le terminal à conteneurs.",
    "La secrétaire générale du syndicat, Marie Lefèvre, a déclaré que le mouvement continuerait tant que la "
    "direction ne présenterait pas une offre à la hauteur de l'inflation. « Nous ne reculerons pas », a-t-elle dit.",
    "Plusieurs armateurs ont dérouté leurs navires vers des ports voisins. Les transitaires préviennent que les "
    "livraisons destinées aux supermarchés de la région pourraient être retardées de dix jours, voire davantage.",
    "Le maire, Thomas Girard, a appelé les deux parties à accepter une médiation et s'est dit prêt à accueillir "
    "les discussions à l'hôtel de ville dès jeudi matin. Une réunion préparatoire aura lieu mercredi à la préfecture.",
]
CP1252_PARAGRAPHS = [
    "The café’s owner, Zoë Marchetti, said “business has never been better” — sales rose by a fifth this winter.",
    "Customers queue from 7 a.m. for the crème brûlée… and the €2 espresso that made the place famous.",
    "Rivals on the high street aren’t so lucky: three shops closed in January, the council’s figures show.",
    "“We’ll keep our prices where they are,” Marchetti said, pointing at the hand-painted menu.",
]


@dataclass(frozen=True)
class Request:
    """One request as the site received it; header names are lower-case."""

    host: str                   # host name: "news", "faults", "h00", ...
    path: str                   # request target, with its query
    method: str
    headers: dict[str, str]
    at: float                   # time.monotonic() when the request was read


class Site:
    """The virtual hosts, a log of the requests they received, and the counters of stateful endpoints."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[Request] = []
        self._hits: dict[tuple[str, str], int] = {}
        self._servers: dict[str, _HostServer] = {}
        self._served: dict[tuple[str, str], tuple[int, bytes, list[tuple[str, str]]]] = {}

    def start(self, n_hosts: int = 2, article_hosts: int = 0, ipv6: bool = False) -> Self:
        """Serve the first `n_hosts` of ("news", "faults"), `article_hosts` hosts "h00", "h01", ...
        and, with `ipv6`, the article host "v6" on ::1."""
        if self._servers:
            raise RuntimeError("the site is already running")
        if not 0 <= n_hosts <= len(NAMED_HOSTS) or not 0 <= article_hosts <= MAX_ARTICLE_HOSTS:
            raise ValueError(f"n_hosts must be 0..{len(NAMED_HOSTS)}, article_hosts 0..{MAX_ARTICLE_HOSTS}")
        hosts = [(name, name, FIRST_HOST_OCTET + i) for i, name in enumerate(NAMED_HOSTS[:n_hosts])]
        hosts = [(name, kind, f"127.0.0.{octet}") for name, kind, octet in hosts]
        hosts += [(f"h{i:02d}", "articles", f"127.0.0.{FIRST_HOST_OCTET + len(NAMED_HOSTS) + i}")
                  for i in range(article_hosts)]
        hosts += [("v6", "articles", IPV6_LOOPBACK)] if ipv6 else []
        try:
            for name, kind, ip in hosts:
                self._servers[name] = _HostServer(self, name, kind, ip)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop every host: no more connections, open ones closed, threads joined (bounded; idempotent)."""
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        servers, self._servers = list(self._servers.values()), {}
        for server in servers:
            server.close(deadline)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def host(self, name: str) -> str:
        """The base URL of a running host, like "http://127.0.0.2:40123"."""
        try:
            return self._servers[name].base_url
        except KeyError:
            raise KeyError(f"no running host {name!r}; running: {sorted(self._servers)}") from None

    def serve(self, host_name: str, path: str, body: bytes | str = b"", status: int = 200,
              headers: dict[str, str] | None = None) -> None:
        """Answer GET `path` (without query) on one host with this, ahead of its routes; a str body
        is sent as UTF-8 plain text unless `headers` name a Content-Type."""
        if isinstance(body, str):
            body, headers = body.encode(), {"Content-Type": TEXT, **(headers or {})}
        with self._lock:
            self._served[host_name, path] = (status, body, list((headers or {}).items()))

    def _fixed(self, host_name: str, path: str) -> tuple[int, bytes, list[tuple[str, str]]] | None:
        with self._lock:
            return self._served.get((host_name, path))

    @property
    def requests(self) -> list[Request]:
        """A copy of the log of requests, in the order they were read."""
        with self._lock:
            return list(self._requests)

    def requests_to(self, host_name: str, path: str | None = None) -> list[Request]:
        """Requests to one host; with `path`, only those to it (a path without "?" matches any query)."""
        return [r for r in self.requests
                if r.host == host_name and (path is None or path in (r.path, r.path.partition("?")[0]))]

    def clear(self) -> None:
        """Forget the logged requests and reset the stateful endpoints (/flaky fails again, ...)."""
        with self._lock:
            self._requests.clear()
            self._hits.clear()

    def _record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    def _count(self, host_name: str, path: str) -> int:
        """Count one more request to a stateful endpoint; return how many there were since clear()."""
        with self._lock:
            hits = self._hits[host_name, path] = self._hits.get((host_name, path), 0) + 1
            return hits


class _HostServer(ThreadingHTTPServer):
    """One virtual host on its own loopback address, serving on a daemon thread."""

    def __init__(self, site: Site, name: str, kind: str, ip: str) -> None:
        self.site, self.name, self.kind = site, name, kind
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections: dict[socket.socket, threading.Thread] = {}
        self.address_family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        super().__init__((ip, 0), _Handler)
        self.base_url = f"http://{f'[{ip}]' if ':' in ip else ip}:{self.server_port}"
        self._thread = threading.Thread(target=self.serve_forever, args=(POLL_SECONDS,), name=f"httpsite-{name}",
                                        daemon=True)
        self._thread.start()

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup of the address."""
        TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def process_request(self, request: socket.socket, client_address: tuple[str, int]) -> None:
        """Handle a connection on a daemon thread that close() can find, wake and join."""
        thread = threading.Thread(target=self.process_request_thread, args=(request, client_address),
                                  name=f"httpsite-{self.name}-connection", daemon=True)
        with self._lock:
            self._connections[request] = thread
        thread.start()

    def shutdown_request(self, request: socket.socket) -> None:
        with self._lock:
            self._connections.pop(request, None)
        super().shutdown_request(request)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (or close() cutting its connection) ends its handler quietly."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    def close(self, deadline: float) -> None:
        """Stop accepting, wake stalled handlers, cut open connections, join the threads before `deadline`."""
        self.stopping.set()
        self.shutdown()
        with self._lock:
            connections = list(self._connections.items())
        for connection, _ in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass                # already closed by its handler
        for _, thread in connections:
            thread.join(max(0.0, deadline - time.monotonic()))
        self.server_close()
        self._thread.join(max(0.0, deadline - time.monotonic()))


class _Handler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive; GET and HEAD; routes by the kind of host."""

    protocol_version = "HTTP/1.1"
    timeout = IDLE_CONNECTION_SECONDS
    disable_nagle_algorithm = True          # headers and body are separate writes: no 40 ms delayed-ACK stall
    server: _HostServer

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def log_message(self, format: str, *args: object) -> None:
        """Stay silent."""

    def _dispatch(self) -> None:
        headers: dict[str, str] = {}
        for key, value in self.headers.items():
            key = key.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        self.server.site._record(Request(self.server.name, self.path, self.command, headers, time.monotonic()))
        path, kind = self._path, self.server.kind
        article = ARTICLE_PATH.fullmatch(path)
        if fixed := self.server.site._fixed(self.server.name, path):
            status, body, headers = fixed
            self._send(status, body, None, headers)
        elif route := ROUTES[kind].get(path):
            route(self)
        elif article and kind in ("news", "articles"):
            self._send_article(int(article[1]))
        elif (chain := CHAIN_PATH.fullmatch(path)) and kind == "faults":
            self._redirect_chain(int(chain[1]))
        else:
            self._send(404, b"not found\n", TEXT)

    # --- helpers ------------------------------------------------------------------------------------

    @property
    def _path(self) -> str:
        return urlsplit(self.path).path

    def _url(self, path: str) -> str:
        return self.server.base_url + path

    def _head(self, status: int, content_type: str | None, headers: list[tuple[str, str]]) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, content_type: str | None,
              headers: list[tuple[str, str]] | None = None) -> None:
        self._head(status, content_type, [*(headers or []), ("Content-Length", str(len(body)))])
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, b"", None, [("Location", location)])

    def _accepts_gzip(self) -> bool:
        for part in self.headers.get("Accept-Encoding", "").split(","):
            coding, _, params = part.partition(";")
            if coding.strip().lower() == "gzip":
                return not re.fullmatch(r"\s*q\s*=\s*0(\.0*)?\s*", params)
        return False

    def _send_page(self, page: str) -> None:
        """Send an article page, gzipped when the client accepts gzip."""
        body, headers = page.encode(), [("Vary", "Accept-Encoding")]
        if self._accepts_gzip():
            body = gzip.compress(body, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        self._send(200, body, HTML_UTF8, headers)

    def _send_article(self, n: int) -> None:
        self._send_page(article_page(self.server.name + self._path, n, self._url(self._path)))

    def _send_document(self, body: bytes, content_type: str) -> None:
        """Send a feed or sitemap with its validators, or 304 when the client's copy is current."""
        validators = [("ETag", ETAGS[self._path]), ("Last-Modified", format_datetime(LAST_MODIFIED, usegmt=True))]
        if self._not_modified(ETAGS[self._path]):
            self._head(304, None, validators)
        else:
            self._send(200, body, content_type, validators)

    def _not_modified(self, etag: str) -> bool:
        """If-None-Match decides when present (RFC 9110), otherwise If-Modified-Since."""
        if (tags := self.headers.get("If-None-Match")) is not None:
            return any(tag.strip().removeprefix("W/") in (etag, "*") for tag in tags.split(","))
        if (since := self.headers.get("If-Modified-Since")) is None:
            return False
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)) >= LAST_MODIFIED

    def _first_hit(self) -> bool:
        return self.server.site._count(self.server.name, self._path) == 1

    def _stall(self) -> bool:
        """Wait SLOW_SECONDS; False (and the connection is dropped) when the site stops meanwhile."""
        if self.server.stopping.wait(SLOW_SECONDS):
            self.close_connection = True
            return False
        return True

    def _stream(self, chunked: bool) -> None:
        """Send HUGE_BYTES of HTML in CHUNK_BYTES pieces; a client hanging up ends it (see handle_error)."""
        length = ("Transfer-Encoding", "chunked") if chunked else ("Content-Length", str(HUGE_BYTES))
        self._head(200, HTML_UTF8, [length])
        if self.command == "HEAD":
            return
        for chunk in huge_chunks():
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def _fault_page(self) -> str:
        return article_page("faults" + self._path, FAULT_ARTICLES[self._path], self._url(self._path))

    def _send_fault_article(self) -> None:
        self._send_page(self._fault_page())

    # --- host "news" ---------------------------------------------------------------------------------

    def news_home(self) -> None:
        self._send(200, home_page().encode(), HTML_UTF8)

    def news_robots(self) -> None:
        robots = f"User-agent: *\nDisallow: /private/\n\nSitemap: {self._url('/sitemap_index.xml')}\n"
        self._send(200, robots.encode(), TEXT)

    def news_rss(self) -> None:
        self._send_document(rss_feed(self.server.base_url).encode(), "application/rss+xml; charset=utf-8")

    def news_atom(self) -> None:
        self._send_document(atom_feed(self.server.base_url).encode(), "application/atom+xml; charset=utf-8")

    def news_sitemap_index(self) -> None:
        self._send_document(sitemap_index(self.server.base_url).encode(), "application/xml; charset=utf-8")

    def news_sitemap_news(self) -> None:
        self._send_document(news_sitemap(self.server.base_url).encode(), "application/xml; charset=utf-8")

    def news_sitemap_pages(self) -> None:
        body = gzip.compress(pages_sitemap(self.server.base_url).encode(), mtime=0)
        self._send_document(body, "application/gzip")

    def news_secret(self) -> None:
        self._send_page(article_page("news" + SECRET_PATH, SECRET_N, self._url(SECRET_PATH)))

    # --- host "faults" -------------------------------------------------------------------------------

    def faults_slow(self) -> None:
        if self._stall():
            self._send_fault_article()

    def faults_slow_body(self) -> None:
        page = self._fault_page().encode()
        self._head(200, HTML_UTF8, [("Content-Length", str(len(page)))])
        if self.command == "HEAD":
            return
        self.wfile.write(page[:SLOW_BODY_FIRST_BYTES])
        if self._stall():
            self.wfile.write(page[SLOW_BODY_FIRST_BYTES:])

    def faults_flaky(self) -> None:
        if self._first_hit():
            self._send(500, b"internal server error\n", TEXT)
        else:
            self._send_fault_article()

    def faults_limited(self) -> None:
        if self._first_hit():
            self._send(429, b"too many requests\n", TEXT, [("Retry-After", str(RETRY_AFTER_SECONDS))])
        else:
            self._send_fault_article()

    def faults_unavailable(self) -> None:
        if self._first_hit():
            self._send(503, b"service unavailable\n", TEXT, [("Retry-After", str(RETRY_AFTER_SECONDS))])
        else:
            self._send_fault_article()

    def faults_status(self) -> None:
        status = STATUS_ONLY[self._path]
        self._send(status, f"status {status}\n".encode(), TEXT)

    def faults_loop(self) -> None:
        self._redirect("/loop2")

    def faults_loop2(self) -> None:
        self._redirect("/loop")

    def _redirect_chain(self, n: int) -> None:
        if n:
            self._redirect(f"/redirect-chain/{n - 1}")
        else:
            self._send_fault_article()

    def faults_huge(self) -> None:
        self._stream(chunked=False)

    def faults_huge_chunked(self) -> None:
        self._stream(chunked=True)

    def faults_gzip_bomb(self) -> None:
        self._send(200, gzip_bomb(), HTML_UTF8, [("Content-Encoding", "gzip")])

    def faults_gzip_twice(self) -> None:
        body = gzip_twice(GZIP_TWICE_BYTES)
        self._send(200, body, HTML_UTF8, [("Content-Encoding", "gzip, gzip")])

    def faults_binary(self) -> None:
        content_type, body = BINARIES[self._path]
        self._send(200, body, content_type)

    def faults_latin1(self) -> None:
        page = article_html("Grève des dockers à Port-Elwin", FRENCH_PARAGRAPHS, self._url("/latin1"),
                            lang="fr").replace('<meta charset="utf-8">', "")
        self._send(200, page.encode("iso-8859-1"), "text/html; charset=iso-8859-1")

    def faults_wrong_charset(self) -> None:
        page = article_html("The café that never closes", CP1252_PARAGRAPHS,
                            self._url("/wrong-charset")).replace('<meta charset="utf-8">', "")
        self._send(200, page.encode("cp1252"), HTML_UTF8)

    def faults_to_metadata(self) -> None:
        self._redirect(METADATA_URL)

    def faults_to_loopback(self) -> None:
        self._redirect(LOOPBACK_URL)

    def robots_allow_all(self) -> None:
        self._send(200, ROBOTS_ALLOW_ALL.encode(), TEXT)


ROUTES: dict[str, dict[str, Callable[[_Handler], None]]] = {
    "news": {
        "/": _Handler.news_home,
        "/robots.txt": _Handler.news_robots,
        "/rss.xml": _Handler.news_rss,
        "/atom.xml": _Handler.news_atom,
        "/sitemap_index.xml": _Handler.news_sitemap_index,
        "/sitemap-news.xml": _Handler.news_sitemap_news,
        "/sitemap-pages.xml.gz": _Handler.news_sitemap_pages,
        SECRET_PATH: _Handler.news_secret,
    },
    "faults": {
        "/robots.txt": _Handler.robots_allow_all,
        "/slow": _Handler.faults_slow,
        "/slow-body": _Handler.faults_slow_body,
        "/flaky": _Handler.faults_flaky,
        "/limited": _Handler.faults_limited,
        "/unavailable": _Handler.faults_unavailable,
        **{path: _Handler.faults_status for path in STATUS_ONLY},
        "/loop": _Handler.faults_loop,
        "/loop2": _Handler.faults_loop2,
        "/huge": _Handler.faults_huge,
        "/huge-chunked": _Handler.faults_huge_chunked,
        "/gzip-bomb": _Handler.faults_gzip_bomb,
        "/gzip-twice": _Handler.faults_gzip_twice,
        **{path: _Handler.faults_binary for path in BINARIES},
        "/latin1": _Handler.faults_latin1,
        "/wrong-charset": _Handler.faults_wrong_charset,
        "/to-metadata": _Handler.faults_to_metadata,
        "/to-loopback": _Handler.faults_to_loopback,
    },
    "articles": {"/robots.txt": _Handler.robots_allow_all},
}


# --- content ---------------------------------------------------------------------------------------


def published_at(n: int) -> datetime:
    """When article N was published: 2026-03-03 at N o'clock (modulo 24), UTC."""
    return datetime(2026, 3, 3, tzinfo=timezone.utc) + timedelta(hours=n % 24)


def article_story(seed: str, n: int) -> tuple[str, list[str]]:
    """A distinct title and 4 paragraphs (~40 words, each naming N), the same for the same seed and N."""
    rng = random.Random(seed)
    town, subject, org, weekday, month = (rng.choice(bank) for bank in (TOWNS, SUBJECTS, ORGS, WEEKDAYS, MONTHS))
    backer, critic = rng.sample(PEOPLE, 2)
    other_org = rng.choice([o for o in ORGS if o != org])
    title = f"{town} backs {subject} (report {n})"
    paragraphs = [
        f"Report {n} from {town}: {org} voted on {weekday} to approve {subject}, ending a dispute that had divided "
        f"residents for {rng.randint(3, 30)} months. The decision passed by {rng.randint(20, 40)} votes to "
        f"{rng.randint(3, 19)} after a debate that ran late into the evening.",
        f"{backer}, who has led the campaign in {town} for years, said the vote showed that the district was ready "
        f"for change. The next phase, item {n} on the agenda, is expected to cost about {rng.randint(2, 90)} "
        f"million euros and will need national funding.",
        f"Opponents warned that {subject} would raise costs for households in district {n}. {critic} of "
        f"{other_org} said the group would study the plan in detail and could challenge it before the regional "
        f"court within {rng.randint(2, 8)} weeks.",
        f"Officials expect work to begin in {month} and to finish within {rng.randint(2, 6)} years. A public "
        f"meeting on report {n} is planned at the town hall, and the full documents have been published on the "
        f"website of {org}.",
    ]
    return title, paragraphs


def article_page(seed: str, n: int, url: str) -> str:
    """The HTML of article N, canonical at `url`; `seed` (host name + path) makes each page's text distinct."""
    title, paragraphs = article_story(seed, n)
    return article_html(title, paragraphs, url, published_at(n).isoformat())


def news_title(n: int) -> str:
    return article_story(f"news/articles/{n}.html", n)[0]


def home_page() -> str:
    links = "\n".join(f'<li><a href="/articles/{n}.html">{escape(news_title(n))}</a></li>' for n in HOME_ARTICLES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{SITE_NAME}</title>
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" title="{SITE_NAME}" href="/atom.xml">
</head><body><h1>{SITE_NAME}</h1>
<ul>
{links}
</ul></body></html>"""


def rss_feed(base: str) -> str:
    entries = [(f"/articles/{n}.html", news_title(n), published_at(n)) for n in RSS_ARTICLES]
    entries.append((SECRET_PATH, article_story("news" + SECRET_PATH, SECRET_N)[0], published_at(SECRET_N)))
    items = "\n".join(f"<item><title>{escape(title)}</title><link>{base}{path}</link>"
                      f'<guid isPermaLink="true">{base}{path}</guid><pubDate>{format_datetime(when)}</pubDate></item>'
                      for path, title, when in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{SITE_NAME}</title><link>{base}/</link><description>Local news</description>
<lastBuildDate>{format_datetime(LAST_MODIFIED)}</lastBuildDate>
{items}
</channel></rss>"""


def atom_feed(base: str) -> str:
    entries = "\n".join(f'<entry><title>{escape(news_title(n))}</title><link href="{base}/articles/{n}.html"/>'
                        f"<id>{base}/articles/{n}.html</id><updated>{published_at(n).isoformat()}</updated></entry>"
                        for n in ATOM_ARTICLES)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{SITE_NAME}</title><id>{base}/</id>
<link rel="self" href="{base}/atom.xml"/><updated>{LAST_MODIFIED.isoformat()}</updated>
{entries}
</feed>"""


def sitemap_index(base: str) -> str:
    sitemaps = "\n".join(f"<sitemap><loc>{base}{path}</loc><lastmod>{LAST_MODIFIED.isoformat()}</lastmod></sitemap>"
                         for path in ("/sitemap-news.xml", "/sitemap-pages.xml.gz"))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{sitemaps}
</sitemapindex>"""


def news_sitemap(base: str) -> str:
    urls = "\n".join(f"<url><loc>{base}/articles/{n}.html</loc><news:news><news:publication>"
                     f"<news:name>{SITE_NAME}</news:name><news:language>en</news:language></news:publication>"
                     f"<news:publication_date>{published_at(n).isoformat()}</news:publication_date>"
                     f"<news:title>{escape(news_title(n))}</news:title></news:news></url>"
                     for n in NEWS_SITEMAP_ARTICLES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}
</urlset>"""


def pages_sitemap(base: str) -> str:
    urls = "\n".join(f"<url><loc>{base}/articles/{n}.html</loc><lastmod>{published_at(n).isoformat()}</lastmod></url>"
                     for n in PAGES_SITEMAP_ARTICLES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>"""


HUGE_HEAD = b"<!DOCTYPE html>\n<html><head><title>Huge</title></head><body>\n"
FILLER_CHUNK = (b"<p>All work and no play makes a very long page.</p>\n" * (CHUNK_BYTES // 32))[:CHUNK_BYTES]


def huge_chunks() -> Iterator[bytes]:
    """HUGE_BYTES of HTML, in at most HUGE_BYTES / CHUNK_BYTES + 1 pieces."""
    yield HUGE_HEAD
    sent = len(HUGE_HEAD)
    while sent < HUGE_BYTES:
        chunk = FILLER_CHUNK[:HUGE_BYTES - sent]
        yield chunk
        sent += len(chunk)


@functools.cache
def gzip_bomb(size: int = GZIP_BOMB_BYTES) -> bytes:
    """One gzip member of about size / 1000 bytes (deflate's limit is ~1:1000) inflating to `size`
    bytes of HTML."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = b"<!DOCTYPE html>\n<html><head><title>Bomb</title></head><body>"
    parts, remaining = [compressor.compress(head)], size - len(head)
    block = b" " * BOMB_BLOCK_BYTES
    while remaining > 0:
        parts.append(compressor.compress(block[:remaining]))
        remaining -= min(remaining, BOMB_BLOCK_BYTES)
    parts.append(compressor.flush())
    return b"".join(parts)


@functools.cache
def gzip_twice(size: int) -> bytes:
    """A gzip bomb inflating to `size` bytes, gzipped again: a few KB for gigabytes."""
    return gzip.compress(gzip_bomb(size), compresslevel=9, mtime=0)


@pytest.fixture
def site() -> Iterator[Site]:
    """A running site with the hosts "news" and "faults", stopped after the test."""
    with Site().start(n_hosts=2) as running:
        yield running
