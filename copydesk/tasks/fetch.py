"""Fetch URLs like a good citizen: robots.txt, per-host pacing, retries with backoff, size and type limits,
and a guard that keeps copydesk from being turned against the machine it runs on.

Politeness is per host (scheme, name and port): at most `host_concurrency` requests in flight and
`min_interval_seconds` between the starts of two requests, while different hosts proceed in parallel.
429 and 503 pause the host for their `Retry-After`; connection errors, timeouts and 5xx are retried with
exponential backoff and jitter, `max_attempts` times at most; other 4xx are final. Redirects are followed
by hand, so that every hop is checked again: only http(s), no private, loopback, link-local, multicast or
reserved address (private and loopback are allowed with `allow_private`; link-local, where cloud metadata
services live, never is), and robots.txt. Every failure raises `FetchError` with a reject reason code.

Known limit: the address is checked on copydesk's own DNS answer; the HTTP client resolves the name again,
so a DNS server that changes its answer in between (DNS rebinding) is not stopped.
"""

from __future__ import annotations

import asyncio
import ipaddress
import random
import socket
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from copydesk import __version__
from copydesk.config import Settings
from copydesk.records import utc_now

ROBOTS_AGENT = "copydesk"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REFUSED_TYPES = ("application/pdf", "image/", "video/", "audio/", "font/")
ERROR_BODY_BYTES = 65_536        # what is read of an error or redirect response
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
    robots: RobotFileParser | None = None
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
            self.next_start = loop.time() + self.policy.min_interval_seconds + INTERVAL_MARGIN_SECONDS

    def pause(self, seconds: float) -> None:
        """Hold every request to this host back for `seconds` (a Retry-After, a backoff)."""
        self.next_start = max(self.next_start, asyncio.get_running_loop().time() + seconds)


def address_allowed(address: str, allow_private: bool) -> bool:
    """Tell whether copydesk may connect to an IP address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
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
                current, conditional = urljoin(current, location), None
                continue
            if status == 304 or 200 <= status < 300:
                return Response(url, current, status, headers, body, utc_now())
            raise FetchError(f"http_{status}", f"HTTP {status} for {current}")
        raise FetchError("too_many_redirects", f"more than {self.settings.max_redirects} redirects from {url}")

    # -- safety -----------------------------------------------------------------------------------------
    async def _guard(self, url: str) -> None:
        """Refuse what is not http(s), and hosts that resolve to an address copydesk must not reach."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("blocked_address", f"only http and https URLs are fetched: {url[:200]}")
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
        except socket.gaierror as err:
            raise FetchError("dns_error", f"cannot resolve {parts.hostname}: {err}", retryable=False) from err
        for *_, sockaddr in infos:
            if not address_allowed(str(sockaddr[0]), self.settings.allow_private):
                raise FetchError("blocked_address", f"{parts.hostname} resolves to {sockaddr[0]}, which copydesk "
                                 "does not reach (--allow-private lifts this for private and loopback addresses)")

    # -- politeness -------------------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self._hosts:
            policy = self._policies.get(key) or HostPolicy(self.settings.host_concurrency,
                                                           self.settings.min_interval_seconds)
            self._hosts[key] = _Host(policy, asyncio.Semaphore(policy.concurrency))
        return self._hosts[key]

    async def _obey_robots(self, host: _Host, url: str) -> None:
        """Load the host's robots.txt once (4xx: all allowed; 5xx or unreachable: all refused, RFC 9309)."""
        if not host.robots_started:
            host.robots_started = True
            robots_url = urljoin(host_key(url), "/robots.txt")
            try:
                status, _, body = await self._request(host, robots_url, None)
                if status >= 500:
                    host.robots_error = f"robots.txt answered HTTP {status}"
                elif 200 <= status < 300:
                    host.robots = RobotFileParser()
                    host.robots.parse(body.decode("utf-8", errors="replace").splitlines())
            except FetchError as err:
                host.robots_error = f"robots.txt unreachable: {err.reason}"
            host.robots_loaded.set()
        await host.robots_loaded.wait()
        if host.robots_error:
            raise FetchError("robots_disallowed", f"{host.robots_error}; nothing is fetched from {host_key(url)}")
        if host.robots and not host.robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError("robots_disallowed", f"robots.txt of {host_key(url)} forbids {url}")

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
                    return status, headers, await _read_limited(response, ERROR_BODY_BYTES, truncate=True)
                declared = int(headers.get("content-length", "0") or 0)
                if declared > limit:
                    raise FetchError("too_large", f"Content-Length {declared} bytes, limit {limit}")
                content_type = headers.get("content-type", "").lower()
                if content_type.startswith(REFUSED_TYPES):
                    raise FetchError("not_html", f"Content-Type {content_type} for {url}")
                return status, headers, await _read_limited(response, limit, truncate=False)
        except httpx.TimeoutException as err:
            raise FetchError("timeout", f"{type(err).__name__} for {url}", retryable=True) from err
        except httpx.DecodingError as err:
            raise FetchError("bad_encoding", f"the body cannot be decompressed: {err}") from err
        except (httpx.ConnectError, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as err:
            raise FetchError("connect_error", f"{type(err).__name__} for {url}: {err}", retryable=True) from err


async def _read_limited(response: httpx.Response, limit: int, truncate: bool) -> bytes:
    """Read a body (decompressed) up to `limit` bytes: cut there, or fail as `too_large`."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            if truncate:
                break
            raise FetchError("too_large", f"more than {limit} bytes (decompressed)")
    return b"".join(chunks)[:limit]
