"""Measure the fetcher's throughput and the crawl stage's memory against the local test site (loopback only).

Three measurements, all against `tests/httpsite.py` serving 20 article hosts "h00".."h19" on 127.0.0.4 and
up (nothing leaves the machine):

1. Parallel hosts with the default politeness (`host_concurrency` 2, `min_interval_seconds` 1.0): for 1, 2,
   5, 10 and 20 hosts, a fixed number of article pages per host fetched with `asyncio.gather` over one
   `Fetcher` (a new one per host count, so robots.txt is fetched again). Reported: pages/s, wall time, and
   from the site's request log the minimum and median interval between consecutive request starts to one
   host (robots.txt included, since it is paced like any request), which must stay >= 1.0 s.
2. Raw capacity without politeness (`min_interval_seconds` 0, `host_concurrency` 8) over 20 hosts: pages/s
   for 2,000 pages, repeated, median reported; two comparison rows show what bounds it.
3. Peak memory of the crawl stage itself: `crawl()` given 10,000 article URLs over 20 hosts as inputs, with
   politeness off (`min_interval_seconds` 0, otherwise default settings) so that it finishes in seconds.
   The crawl keeps every page as a `Document` (the response body) in its result, as the pipeline does
   before committing; RSS is sampled from /proc/self/status every 50 ms in a thread.

The web site runs in this process, in threads (one per connection), so it competes with the fetcher's
event loop for the GIL; CPU time is reported for the event-loop thread and for every other thread (the
site's handlers, plus the resolver threads of `getaddrinfo`). The site is stopped at the end, also on
errors. `tests/` is put on `sys.path` to import `httpsite` (and the `builders` it uses), since it is a test
helper, not a package. Run from the repository root:

    .venv/bin/python -m benchmarks.fetch_throughput [--pages-per-host 15] [--repeats 3] [--memory-pages 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

import httpx

REPO_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_DIR / "tests"))      # httpsite (and builders) are test helpers, not a package

from httpsite import Request, Site

from copydesk.config import Settings
from copydesk.records import Document
from copydesk.tasks.crawl import crawl
from copydesk.tasks.fetch import Fetcher, Response

N_HOSTS = 20
HOST_COUNTS = (1, 2, 5, 10, 20)
DEFAULT_PAGES_PER_HOST = 15             # ~15 s per host count at 1 request/s/host: ~80 s for the section
RAW_PAGES = 2_000
RAW_HOST_CONCURRENCY = 8
DEFAULT_REPEATS = 3
MEMORY_PAGES = 10_000
MEMORY_TIME_BUDGET_S = 180.0            # above this, measure fewer pages and extrapolate (see --memory-pages)
RSS_SAMPLE_INTERVAL_S = 0.05
SAMPLER_JOIN_TIMEOUT_S = 2.0
BYTES_PER_KIB = 1_024
BYTES_PER_MIB = 1_048_576
LOG_SAMPLE_REQUESTS = 200               # requests of the site's log sized one by one to estimate its total


# -- measuring ----------------------------------------------------------------------------------------------

def rss_bytes() -> int:
    """The resident set size of this process now, from /proc/self/status."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * BYTES_PER_KIB
    return 0


def max_rss_bytes() -> int:
    """This process's high-water mark of resident memory since it started (`ru_maxrss`, KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * BYTES_PER_KIB


class PeakRss:
    """Sample this process's RSS every RSS_SAMPLE_INTERVAL_S in a thread while the block runs; keep the largest."""

    def __init__(self) -> None:
        self.peak_bytes = rss_bytes()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="rss-sampler", daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(RSS_SAMPLE_INTERVAL_S):
            self.peak_bytes = max(self.peak_bytes, rss_bytes())
            self.samples += 1

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(SAMPLER_JOIN_TIMEOUT_S)
        self.peak_bytes = max(self.peak_bytes, rss_bytes())


@dataclass
class CpuClock:
    """Wall time and CPU time of the whole process and of the calling (event-loop) thread over a block."""

    wall_s: float = 0.0
    process_cpu_s: float = 0.0
    loop_thread_cpu_s: float = 0.0
    _start: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def __enter__(self) -> Self:
        self._start = (time.perf_counter(), time.process_time(), time.thread_time())
        return self

    def __exit__(self, *_: object) -> None:
        wall, process, thread = self._start
        self.wall_s = time.perf_counter() - wall
        self.process_cpu_s = time.process_time() - process
        self.loop_thread_cpu_s = time.thread_time() - thread

    @property
    def other_threads_cpu_s(self) -> float:
        """CPU time of every thread but the event loop's: the site's handlers, resolver threads, the sampler."""
        return max(0.0, self.process_cpu_s - self.loop_thread_cpu_s)


# -- the fetching -------------------------------------------------------------------------------------------

def article_urls(site: Site, host_names: list[str], pages: int) -> list[str]:
    """`pages` distinct article URLs spread round-robin over the hosts."""
    return [f"{site.host(host_names[i % len(host_names)])}/articles/{i}.html" for i in range(pages)]


async def fetch_all(settings: Settings, urls: list[str],
                    sent_at: dict[str, list[float]] | None = None) -> list[Response]:
    """Fetch every URL concurrently through one Fetcher (it paces each host itself).

    With `sent_at`, the client's own start time of every request (`time.monotonic()` when httpx is handed
    the request, after the fetcher's pacing) is recorded by netloc, through an httpx request hook.
    """
    async with Fetcher(settings) as fetcher:
        if sent_at is not None:
            async def record(request: httpx.Request) -> None:
                sent_at.setdefault(request.url.netloc.decode("ascii"), []).append(time.monotonic())
            fetcher._client.event_hooks["request"].append(record)    # private: a benchmark looking inside
        return await asyncio.gather(*(fetcher.fetch(url) for url in urls))


def intervals_s(times: Iterable[float]) -> list[float]:
    """Seconds between consecutive instants."""
    ordered = sorted(times)
    return [later - earlier for earlier, later in itertools.pairwise(ordered)]


@dataclass
class HostsRow:
    hosts: int
    pages: int
    wall_s: float
    min_interval_s: float            # as the site saw the requests start (its log), over every host
    min_later_interval_s: float      # the same without each host's first gap (robots.txt -> first page)
    median_interval_s: float
    client_min_interval_s: float     # as the client sent them (httpx request hook), over every host
    client_median_interval_s: float

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.wall_s


def measure_parallel_hosts(site: Site, host_names: list[str], pages_per_host: int) -> list[HostsRow]:
    """Section 1: default politeness, 1..20 hosts, the same number of pages per host."""
    settings = Settings(allow_private=True)
    rows = []
    for hosts in HOST_COUNTS:
        names = host_names[:hosts]
        urls = article_urls(site, names, hosts * pages_per_host)
        site.clear()
        sent_at: dict[str, list[float]] = {}
        with CpuClock() as clock:
            responses = asyncio.run(fetch_all(settings, urls, sent_at))
        assert len(responses) == len(urls)
        seen_by_host = [intervals_s(r.at for r in site.requests_to(name)) for name in names]
        seen = [i for intervals in seen_by_host for i in intervals]
        later = [i for intervals in seen_by_host for i in intervals[1:]] or seen
        sent = [i for name in names for i in intervals_s(sent_at[urlsplit(site.host(name)).netloc])]
        rows.append(HostsRow(hosts, len(urls), clock.wall_s, min(seen), min(later), statistics.median(seen),
                             min(sent), statistics.median(sent)))
        print(f"  {hosts:>2} hosts: {len(urls)} pages in {clock.wall_s:.2f} s", flush=True)
    return rows


@dataclass
class RawRow:
    label: str
    settings: Settings
    walls_s: list[float] = field(default_factory=list)
    loop_cpu_s: list[float] = field(default_factory=list)
    other_cpu_s: list[float] = field(default_factory=list)
    connections: list[int] = field(default_factory=list)

    @property
    def median_wall_s(self) -> float:
        return statistics.median(self.walls_s)


def count_connections(site: Site, host_names: list[str]) -> Callable[[], int]:
    """Count the TCP connections the site accepts from now on (each gets a handler thread); return a reader."""
    counter = [0]
    for name in host_names:
        server = site._servers[name]                        # private: a benchmark looking inside
        accept: Callable[..., None] = server.process_request

        def counted(request: object, address: object, accept: Callable[..., None] = accept) -> None:
            counter[0] += 1
            accept(request, address)
        server.process_request = counted                    # type: ignore[method-assign]
    return lambda: counter[0]


def measure_raw(site: Site, host_names: list[str], repeats: int) -> list[RawRow]:
    """Section 2: no interval, 2,000 pages over 20 hosts; the configuration asked for and two for comparison."""
    base = Settings(allow_private=True, min_interval_seconds=0.0)
    rows = [
        RawRow(f"host_concurrency {RAW_HOST_CONCURRENCY}, fetch_concurrency {base.fetch_concurrency} (default)",
               replace(base, host_concurrency=RAW_HOST_CONCURRENCY)),
        RawRow(f"host_concurrency {RAW_HOST_CONCURRENCY}, fetch_concurrency {RAW_HOST_CONCURRENCY * N_HOSTS}",
               replace(base, host_concurrency=RAW_HOST_CONCURRENCY, fetch_concurrency=RAW_HOST_CONCURRENCY * N_HOSTS)),
        RawRow(f"host_concurrency {base.host_concurrency} (default), fetch_concurrency {base.fetch_concurrency}",
               base),
    ]
    urls = article_urls(site, host_names, RAW_PAGES)
    connections = count_connections(site, host_names)
    for repeat in range(repeats):
        for row in rows:                                     # interleaved, so drift hits every row alike
            site.clear()
            before = connections()
            with CpuClock() as clock:
                responses = asyncio.run(fetch_all(row.settings, urls))
            assert len(responses) == RAW_PAGES
            row.walls_s.append(clock.wall_s)
            row.loop_cpu_s.append(clock.loop_thread_cpu_s)
            row.other_cpu_s.append(clock.other_threads_cpu_s)
            row.connections.append(connections() - before)
            print(f"  run {repeat + 1}, {row.label}: {RAW_PAGES / clock.wall_s:.0f} pages/s", flush=True)
    return rows


@dataclass
class MemoryResult:
    pages: int
    wall_s: float
    loop_cpu_s: float
    other_cpu_s: float
    rss_before_bytes: int
    rss_peak_bytes: int
    rss_after_bytes: int            # the crawl's result still held
    rss_released_bytes: int         # after dropping the result and the site's log, gc.collect()
    max_rss_bytes: int              # ru_maxrss of the process so far
    documents: int
    rejects: int
    body_bytes: int
    documents_bytes: int            # bodies plus the other fields of each Document (getsizeof, approximate)
    site_log_bytes: int             # the in-process site's request log (approximate)
    samples: int


def object_bytes(values: Iterable[object]) -> int:
    """Shallow sizes of a few objects summed (what a record's fields take, roughly)."""
    return sum(sys.getsizeof(value) for value in values)


def document_bytes(document: Document) -> int:
    return sys.getsizeof(document) + object_bytes(getattr(document, name) for name in Document.__slots__)


def request_bytes(request: Request) -> int:
    return (sys.getsizeof(request) + sys.getsizeof(request.__dict__)
            + object_bytes((request.host, request.path, request.method, request.at, request.headers))
            + object_bytes((*request.headers.keys(), *request.headers.values())))


def measure_memory(site: Site, host_names: list[str], pages: int) -> MemoryResult:
    """Section 3: the crawl stage on `pages` article URLs, politeness off, RSS sampled while it runs."""
    settings = Settings(allow_private=True, min_interval_seconds=0.0)
    urls = article_urls(site, host_names, pages)
    site.clear()
    gc.collect()
    before = rss_bytes()
    with PeakRss() as peak, CpuClock() as clock:
        result = crawl(urls, settings, known_urls=lambda _urls: set(), last_polls={})
    after = rss_bytes()
    documents = [item for item in result.items if isinstance(item, Document)]
    log = site.requests
    sample = log[:LOG_SAMPLE_REQUESTS]
    log_bytes = round(sum(request_bytes(r) for r in sample) / max(1, len(sample)) * len(log))
    memory = MemoryResult(
        pages=pages, wall_s=clock.wall_s, loop_cpu_s=clock.loop_thread_cpu_s, other_cpu_s=clock.other_threads_cpu_s,
        rss_before_bytes=before, rss_peak_bytes=peak.peak_bytes, rss_after_bytes=after, rss_released_bytes=0,
        max_rss_bytes=max_rss_bytes(), documents=len(documents), rejects=len(result.items) - len(documents),
        body_bytes=sum(len(d.body) for d in documents), documents_bytes=sum(document_bytes(d) for d in documents),
        site_log_bytes=log_bytes, samples=peak.samples)
    del result, documents, log, sample
    site.clear()
    gc.collect()
    memory.rss_released_bytes = rss_bytes()
    return memory


# -- reporting ----------------------------------------------------------------------------------------------

def mib(n_bytes: float) -> str:
    return f"{n_bytes / BYTES_PER_MIB:,.1f} MiB"


def print_hosts(rows: list[HostsRow], pages_per_host: int) -> None:
    print(f"\n## 1. Parallel hosts, default politeness (host_concurrency 2, min_interval 1.0 s), "
          f"{pages_per_host} pages per host\n")
    print("| hosts | pages | wall s | pages/s | pages/s per host | x 1 host "
          "| at the site: min / min after the 1st / median interval s | as sent: min / median interval s |")
    print("|---|---|---|---|---|---|---|---|")
    single = rows[0].pages_per_s
    for row in rows:
        print(f"| {row.hosts} | {row.pages} | {row.wall_s:.2f} | {row.pages_per_s:.2f} | "
              f"{row.pages_per_s / row.hosts:.3f} | {row.pages_per_s / single:.1f} | "
              f"{row.min_interval_s:.4f} / {row.min_later_interval_s:.4f} / {row.median_interval_s:.4f} | "
              f"{row.client_min_interval_s:.4f} / {row.client_median_interval_s:.4f} |")


def print_raw(rows: list[RawRow]) -> None:
    print(f"\n## 2. Raw capacity, min_interval 0, {RAW_PAGES:,} pages over {N_HOSTS} hosts "
          f"(median of {len(rows[0].walls_s)} runs)\n")
    print("| configuration | wall s | pages/s (median; min-max) | event-loop thread CPU s | other threads CPU s "
          "| connections opened |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        rates = sorted(RAW_PAGES / wall for wall in row.walls_s)
        print(f"| {row.label} | {row.median_wall_s:.2f} | {RAW_PAGES / row.median_wall_s:.0f} "
              f"({rates[0]:.0f}-{rates[-1]:.0f}) | {statistics.median(row.loop_cpu_s):.2f} | "
              f"{statistics.median(row.other_cpu_s):.2f} | {statistics.median(row.connections):.0f} |")


def print_memory(memory: MemoryResult) -> None:
    print(f"\n## 3. Memory: crawl() of {memory.pages:,} article URLs over {N_HOSTS} hosts, min_interval 0 "
          f"(politeness off), host_concurrency 2\n")
    print("| what | value |")
    print("|---|---|")
    growth = memory.rss_peak_bytes - memory.rss_before_bytes
    lines = [
        ("wall time", f"{memory.wall_s:.1f} s ({memory.pages / memory.wall_s:.0f} pages/s)"),
        ("CPU: event-loop thread / other threads", f"{memory.loop_cpu_s:.1f} s / {memory.other_cpu_s:.1f} s"),
        ("documents / rejects", f"{memory.documents:,} / {memory.rejects:,}"),
        ("RSS before (site running, libraries loaded)", mib(memory.rss_before_bytes)),
        (f"peak RSS (VmRSS every {RSS_SAMPLE_INTERVAL_S * 1000:.0f} ms, {memory.samples} samples)",
         f"{mib(memory.rss_peak_bytes)} (+{mib(growth)})"),
        ("RSS after, result still held", mib(memory.rss_after_bytes)),
        ("RSS after dropping the result and the site's log, gc", mib(memory.rss_released_bytes)),
        ("ru_maxrss of the process (whole run so far)", mib(memory.max_rss_bytes)),
        ("body bytes held (decompressed HTML)",
         f"{mib(memory.body_bytes)} ({memory.body_bytes / max(1, memory.documents):,.0f} B per page)"),
        ("Documents held, all fields (getsizeof, approx.)", mib(memory.documents_bytes)),
        ("the in-process site's request log (approx.)", mib(memory.site_log_bytes)),
        ("peak growth per page", f"{growth / memory.pages / BYTES_PER_KIB:.1f} KiB"),
    ]
    if memory.pages != MEMORY_PAGES:
        scale = MEMORY_PAGES / memory.pages
        lines.append((f"extrapolated linearly to {MEMORY_PAGES:,} pages",
                      f"{memory.wall_s * scale:.0f} s, peak RSS ~{mib(memory.rss_before_bytes + growth * scale)}"))
    for what, value in lines:
        print(f"| {what} | {value} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages-per-host", type=int, default=DEFAULT_PAGES_PER_HOST,
                        help=f"section 1: article pages per host (default {DEFAULT_PAGES_PER_HOST}; at the default "
                             "1 s interval each host count takes about this many seconds)")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS,
                        help=f"section 2: runs of each configuration, median reported (default {DEFAULT_REPEATS})")
    parser.add_argument("--memory-pages", type=int, default=MEMORY_PAGES,
                        help=f"section 3: pages crawled (default {MEMORY_PAGES:,}); fewer are extrapolated linearly")
    parser.add_argument("--sections", default="123",
                        help="which sections to run, e.g. 13 (default 123; 3 runs first, in a fresh process)")
    args = parser.parse_args()
    if not 1 <= args.pages_per_host <= 1_000 or not 1 <= args.repeats <= 20 or not 1 <= args.memory_pages <= 100_000:
        parser.error("--pages-per-host 1..1000, --repeats 1..20, --memory-pages 1..100000")

    host_names = [f"h{i:02d}" for i in range(N_HOSTS)]
    load_before = os.getloadavg()[0]
    site = Site().start(n_hosts=0, article_hosts=N_HOSTS)
    try:
        memory = hosts = raw = None
        if "3" in args.sections:                 # first, so "before" is a fresh process with the site up
            print(f"section 3: crawl() of {args.memory_pages:,} pages", flush=True)
            memory = measure_memory(site, host_names, args.memory_pages)
            if memory.wall_s > MEMORY_TIME_BUDGET_S:
                print(f"  took {memory.wall_s:.0f} s, over the {MEMORY_TIME_BUDGET_S:.0f} s budget: "
                      "rerun with fewer --memory-pages", flush=True)
        if "1" in args.sections:
            print("section 1: parallel hosts, default politeness", flush=True)
            hosts = measure_parallel_hosts(site, host_names, args.pages_per_host)
        if "2" in args.sections:
            print("section 2: raw capacity", flush=True)
            raw = measure_raw(site, host_names, args.repeats)
    finally:
        site.stop()
    print(f"\nPython {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}; the site runs in this process "
          f"(threads; it shares the GIL with the fetcher); {os.cpu_count()} cores; 1-minute load average "
          f"{load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    if hosts:
        print_hosts(hosts, args.pages_per_host)
    if raw:
        print_raw(raw)
    if memory:
        print_memory(memory)


if __name__ == "__main__":
    main()
