"""Fetch URLs like a good citizen: robots.txt, per-host pacing, retries with backoff, size and type limits,
and a guard that keeps copydesk from being turned against the machine it runs on.

Politeness is per host (scheme, name and port): at most `host_concurrency` requests in flight and
`min_interval_seconds` between the starts of two requests, while different hosts proceed in parallel.
429 and 503 pause the host for their `Retry-After`; connection errors, timeouts and 5xx are retried with
exponential backoff and jitter, `max_attempts` times at most; other 4xx are final. Redirects are followed
by hand, so that every hop is checked again: only http(s), no private, loopback, link-local, multicast or
reserved address (private and loopback are allowed with `allow_private`; link-local, where cloud metadata
services live, never is), and robots.txt (RFC 9309, read with protego; its Crawl-delay is a floor on the
host's interval). A URL that cannot be fetched at all is `bad_url`. Bodies are decoded here, layer by
layer, within the size cap. Every failure raises `FetchError` with a reject reason code.

Known limit: the address is checked on copydesk's own DNS answer; the HTTP client resolves the name again,
so a DNS server that changes its answer in between (DNS rebinding) is not stopped.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import random
import socket
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from copydesk import __version__
from copydesk.config import Settings
from copydesk.records import utc_now
from copydesk.tasks.urls import url_problem

ROBOTS_AGENT = "copydesk"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REFUSED_TYPES = ("application/pdf", "image/", "video/", "audio/", "font/")
ERROR_BODY_BYTES = 65_536        # what is read of an error or redirect response
DECODE_STEP_BYTES = 65_536       # the most one decoding step yields, per Content-Encoding layer
DECODED_CODINGS = frozenset({"gzip", "x-gzip", "deflate"})   # the Accept-Encoding copydesk sends
GZIP_WBITS = 16 + zlib.MAX_WBITS
ROBOTS_MAX_REDIRECTS = 5         # followed when fetching robots.txt (RFC 9309, 2.3.1.2)
MAX_CRAWL_DELAY_SECONDS = 60.0   # a robots.txt Crawl-delay above this is taken as this
INTERVAL_MARGIN_SECONDS = 0.02   # scheduling jitter never brings two requests to one host closer than the interval


class FetchError(Exception):
    """A URL that could not be fetched, with the reject reason code."""

    def __init__(self, reason: str, detail: str, retryable: bool = False) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: where it was asked for and found, the HTTP status, headers and body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass(frozen=True, slots=True)
class HostPolicy:
    concurrency: int
    min_interval_seconds: float


@dataclass
class _Host:
    """The pacing state of one host: a slot count, the earliest next start, its robots.txt rules."""

    policy: HostPolicy
    slots: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    robots: Protego | None = None
    crawl_delay_seconds: float = 0.0     # the robots.txt Crawl-delay, a floor on the interval
    robots_error: str | None = None
    robots_loaded: asyncio.Event = field(default_factory=asyncio.Event)
    robots_started: bool = False

    async def turn(self) -> None:
        """Wait until this host may receive the next request."""
        loop = asyncio.get_running_loop()
        async with self.lock:
            wait = self.next_start - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            interval = max(self.policy.min_interval_seconds, self.crawl_delay_seconds)
            self.next_start = loop.time() + interval + INTERVAL_MARGIN_SECONDS

    def pause(self, seconds: float) -> None:
        """Hold every request to this host back for `seconds` (a Retry-After, a backoff)."""
        self.next_start = max(self.next_start, asyncio.get_running_loop().time() + seconds)


def address_allowed(address: str, allow_private: bool) -> bool:
    """Tell whether copydesk may connect to an IP address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:                  # ::1 too, which Python also counts as reserved
        return allow_private
    if ip.is_link_local or ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        return False
    return ip.is_global or allow_private


def retry_after_seconds(value: str | None) -> float | None:
    """Read a Retry-After header: seconds, or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - utc_now()).total_seconds())
        except (TypeError, ValueError):
            return None


def crawl_delay_seconds(declared: float | None) -> float:
    """The interval a robots.txt Crawl-delay asks for: 0 without one, capped at 60 s."""
    if declared is None or not declared >= 0:       # NaN too
        return 0.0
    return min(float(declared), MAX_CRAWL_DELAY_SECONDS)


def redirect_target(url: str, location: str) -> str:
    """Resolve a redirect's Location against the URL that gave it; one that is no URL: `bad_url`."""
    try:
        return urljoin(url, location)
    except ValueError as err:
        raise FetchError("bad_url",
                         f"{url} redirects to {location[:200]!r}, not a URL: {err}") from err


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class Fetcher:
    """An HTTP client that fetches politely and safely; use it as an async context manager."""

    def __init__(self, settings: Settings, policies: dict[str, HostPolicy] | None = None) -> None:
        self.settings = settings
        self.user_agent = f"copydesk/{__version__} (+{settings.contact_url})"
        self._policies = policies or {}
        self._hosts: dict[str, _Host] = {}
        self._random = random.Random()
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.read_timeout_seconds, connect=settings.connect_timeout_seconds),
            limits=httpx.Limits(max_connections=settings.fetch_concurrency,
                                max_keepalive_connections=settings.fetch_concurrency),  # reuse, never churn
        )

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    def set_policy(self, url: str, policy: HostPolicy) -> None:
        """Pace one host differently from the defaults (a source's own politeness)."""
        self._policies[host_key(url)] = policy

    async def fetch(self, url: str, conditional: dict[str, str] | None = None) -> Response:
        """Fetch a URL, following redirects, checking every hop; 304 comes back as a response."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            await self._guard(current)
            host = self._host(current)
            await self._obey_robots(host, current)
            status, headers, body = await self._request(host, current, conditional)
            location = headers.get("location")
            if status in REDIRECT_STATUSES and location:
                current, conditional = redirect_target(current, location), None
                continue
            if status == 304 or 200 <= status < 300:
                return Response(url, current, status, headers, body, utc_now())
            raise FetchError(f"http_{status}", f"HTTP {status} for {current}")
        raise FetchError("too_many_redirects", f"more than {self.settings.max_redirects} redirects from {url}")

    # -- safety -----------------------------------------------------------------------------------------
    async def _guard(self, url: str) -> None:
        """Refuse what is not http(s), URLs that cannot be fetched, and hosts that resolve to an
        address copydesk must not reach. The host checked is the one the HTTP client connects to."""
        if url.partition(":")[0].lower() not in ("http", "https"):
            raise FetchError("blocked_address", f"only http and https URLs are fetched: {url[:200]}")
        if problem := url_problem(url):
            raise FetchError("bad_url", f"{problem}: {url[:200]}")
        parsed = httpx.URL(url)
        host = parsed.raw_host.decode("ascii")
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host.partition("%")[0], parsed.port or (443 if parsed.scheme == "https" else 80),
                type=socket.SOCK_STREAM)
        except socket.gaierror as err:
            raise FetchError("dns_error", f"cannot resolve {host}: {err}", retryable=False) from err
        for *_, sockaddr in infos:
            if not address_allowed(str(sockaddr[0]), self.settings.allow_private):
                raise FetchError("blocked_address",
                                 f"{host} resolves to {sockaddr[0]}, which copydesk does not reach "
                                 "(--allow-private lifts this for private and loopback addresses)")

    # -- politeness -------------------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self._hosts:
            policy = self._policies.get(key) or HostPolicy(self.settings.host_concurrency,
                                                           self.settings.min_interval_seconds)
            self._hosts[key] = _Host(policy, asyncio.Semaphore(policy.concurrency))
        return self._hosts[key]

    async def _obey_robots(self, host: _Host, url: str) -> None:
        """Load the host's robots.txt once, then refuse what it disallows to copydesk."""
        if not host.robots_started:
            host.robots_started = True
            try:
                await self._load_robots(host, urljoin(host_key(url), "/robots.txt"))
            finally:
                host.robots_loaded.set()
        await host.robots_loaded.wait()
        if host.robots_error:
            raise FetchError("robots_disallowed", f"{host.robots_error}; nothing is fetched from {host_key(url)}")
        if host.robots and not host.robots.can_fetch(url, ROBOTS_AGENT):
            raise FetchError("robots_disallowed", f"robots.txt of {host_key(url)} forbids {url}")

    async def _load_robots(self, host: _Host, robots_url: str) -> None:
        """Read a robots.txt as RFC 9309 says: up to ROBOTS_MAX_REDIRECTS redirects are followed;
        2xx gives the rules, other 4xx none (all allowed); 5xx, unreachable or more redirects refuse
        the whole host."""
        current = robots_url
        try:
            for _ in range(ROBOTS_MAX_REDIRECTS + 1):
                await self._guard(current)
                status, headers, body = await self._request(self._host(current), current, None)
                location = headers.get("location")
                if status in REDIRECT_STATUSES and location:
                    current = redirect_target(current, location)
                    continue
                if status >= 500:
                    host.robots_error = f"robots.txt answered HTTP {status}"
                elif 200 <= status < 300:
                    host.robots = Protego.parse(body.decode("utf-8", errors="replace"))
                    self._obey_crawl_delay(host, robots_url)
                return
            host.robots_error = f"robots.txt redirects more than {ROBOTS_MAX_REDIRECTS} times"
        except FetchError as err:
            host.robots_error = f"robots.txt unreachable: {err.reason}"

    def _obey_crawl_delay(self, host: _Host, robots_url: str) -> None:
        """Space the host's requests by its Crawl-delay, when longer than copydesk's interval."""
        assert host.robots is not None
        delay = crawl_delay_seconds(host.robots.crawl_delay(ROBOTS_AGENT))
        if delay > host.policy.min_interval_seconds:
            from copydesk.flows.observe import log    # not at the top: observe imports this module

            host.crawl_delay_seconds = delay
            host.pause(delay)
            log(logging.INFO, "crawl_delay", robots=robots_url, seconds=delay,
                interval_seconds=host.policy.min_interval_seconds)

    # -- one request, retried -----------------------------------------------------------------------------
    async def _request(self, host: _Host, url: str, conditional: dict[str, str] | None
                       ) -> tuple[int, dict[str, str], bytes]:
        last: FetchError | None = None
        for attempt in range(self.settings.max_attempts):
            try:
                async with host.slots:
                    await host.turn()
                    async with asyncio.timeout(self.settings.total_timeout_seconds):  # no new task: sent at once
                        status, headers, body = await self._get(url, conditional)
            except TimeoutError:
                last = FetchError("timeout", f"no complete answer within {self.settings.total_timeout_seconds} s",
                                  retryable=True)
            except FetchError as err:
                if not err.retryable:
                    raise
                last = err
            else:
                if status not in RETRY_STATUSES:
                    return status, headers, body
                last = FetchError(f"http_{status}", f"HTTP {status} for {url}", retryable=True)
                waited = retry_after_seconds(headers.get("retry-after"))
                if waited is not None:
                    host.pause(min(waited, self.settings.max_backoff_seconds))
                    continue
            host.pause(self._backoff(attempt))
        assert last is not None
        raise FetchError(last.reason, f"{last.detail} (after {self.settings.max_attempts} attempts)")

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter around it: base * 2^attempt * [0.5, 1.5)."""
        delay = min(self.settings.max_backoff_seconds, self.settings.backoff_base_seconds * 2 ** attempt)
        return delay * (0.5 + self._random.random())

    async def _get(self, url: str, conditional: dict[str, str] | None) -> tuple[int, dict[str, str], bytes]:
        """Send one GET and read the body, refusing what is too large or of a type that is no page."""
        limit = self.settings.max_document_bytes
        try:
            async with self._client.stream("GET", url, headers=conditional or {}) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                status = response.status_code
                if not 200 <= status < 300:
                    return status, headers, await _error_body(response)
                declared = int(headers.get("content-length", "0") or 0)
                if declared > limit:
                    raise FetchError("too_large", f"Content-Length {declared} bytes, limit {limit}")
                content_type = headers.get("content-type", "").lower()
                if content_type.startswith(REFUSED_TYPES):
                    raise FetchError("not_html", f"Content-Type {content_type} for {url}")
                return status, headers, await _read_limited(response, limit, truncate=False)
        except httpx.TimeoutException as err:
            raise FetchError("timeout", f"{type(err).__name__} for {url}", retryable=True) from err
        except (httpx.ConnectError, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as err:
            raise FetchError("connect_error", f"{type(err).__name__} for {url}: {err}", retryable=True) from err
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError) as err:
            raise FetchError("bad_url", f"the HTTP client refuses {url[:200]}: {err}") from err


class _Inflater:
    """Undo one gzip or deflate layer (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        wbits = GZIP_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)
        self._started = False

    def decompress(self, data: bytes, max_length: int) -> tuple[bytes, bytes]:
        """Decode at most `max_length` bytes of output; also return the input not yet consumed."""
        try:
            out = self._zlib.decompress(data, max_length)
        except zlib.error:
            if self.coding != "deflate" or self._started:
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._zlib.decompress(data, max_length)
        self._started = True
        return out, self._zlib.unconsumed_tail

    def flush(self) -> bytes:
        return self._zlib.flush()


class BodyDecoder:
    """Undo a body's stacked Content-Encoding as it streams, never holding more than `limit` + 1
    decoded bytes, nor more than DECODE_STEP_BYTES between two layers: `gzip, gzip` over a few KB
    cannot grow into gigabytes before the cap applies."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        if unknown := sorted(set(codings) - DECODED_CODINGS - {"identity"}):
            raise FetchError("bad_encoding",
                             f"Content-Encoding {', '.join(unknown)} is not supported")
        # the last coding applied is undone first
        self.layers = [_Inflater(c) for c in reversed(codings) if c != "identity"]
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0

    @property
    def full(self) -> bool:
        return self.size > self.limit

    def feed(self, raw: bytes) -> None:
        """Decode one chunk from the wire; stop decoding once more than `limit` bytes came out."""
        try:
            self._push(0, raw)
        except zlib.error as err:
            raise FetchError("bad_encoding", f"the body cannot be decompressed: {err}") from err

    def finish(self) -> bytes:
        """Flush every layer (unless full: a flush decodes all input left) and return the body, cut
        to `limit` bytes."""
        try:
            for index, layer in enumerate(self.layers):
                if not self.full:
                    self._push(index + 1, layer.flush())
        except zlib.error as err:
            raise FetchError("bad_encoding", f"the body cannot be decompressed: {err}") from err
        return b"".join(self.chunks)[:self.limit]

    def _push(self, index: int, data: bytes) -> None:
        """Pass `data` through the layers from `index` on, DECODE_STEP_BYTES at a time."""
        if index == len(self.layers):
            self.chunks.append(data[:self.limit + 1 - self.size])
            self.size += len(self.chunks[-1])
            return
        while data and not self.full:
            out, data = self.layers[index].decompress(data, DECODE_STEP_BYTES)
            self._push(index + 1, out)


async def _error_body(response: httpx.Response) -> bytes:
    """Read the start of an error or redirect response's body (empty when it cannot be decoded)."""
    try:
        return await _read_limited(response, ERROR_BODY_BYTES, truncate=True)
    except FetchError as err:
        if err.reason != "bad_encoding":
            raise
        return b""


async def _read_limited(response: httpx.Response, limit: int, truncate: bool) -> bytes:
    """Read a body (decompressed) up to `limit` bytes: cut there, or fail as `too_large`."""
    decoder = BodyDecoder(response.headers.get("content-encoding", ""), limit)
    async for raw in response.aiter_raw():
        decoder.feed(raw)
        if decoder.full:
            if truncate:
                break
            raise FetchError("too_large", f"more than {limit} bytes (decompressed)")
    body = decoder.finish()
    if decoder.full and not truncate:
        raise FetchError("too_large", f"more than {limit} bytes (decompressed)")
    return body
