"""Measure the clean stage's throughput and peak memory on the real pages of both corpora.

Copydesk's `clean_batch` with 1 and 2 worker processes runs next to bare trafilatura (`bare_extraction`
with metadata, then seeded `langdetect.detect` on the title and the first 1000 characters) in this process,
on the same 261 pages read from disk before any timing. Each measurement is repeated, interleaved, and the
median reported. With 2 workers the pool is timed cold (its start-up, spawn and imports included) and warm
(already started); the difference is the workers' warm-up. Peak memory is the largest sum of the resident
set sizes of this process and its children, sampled from /proc while a run goes. Run from the repository
root:

    .venv/bin/python -m benchmarks.clean_throughput [--corpora ../shared/corpora] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura
from langdetect import DetectorFactory, detect
from langdetect.lang_detect_exception import LangDetectException

from benchmarks.extraction_quality import AEB, DEFAULT_CORPORA, FUNDUS, read_documents
from copydesk.config import Settings
from copydesk.records import Document
from copydesk.tasks.extract import clean_batch, shutdown_pool

DEFAULT_REPEATS = 3
WARMUP_PAGES = 20
LANGUAGE_SAMPLE_CHARS = 1_000
RSS_SAMPLE_INTERVAL_S = 0.02
BYTES_PER_KB = 1_024
BYTES_PER_MB = 1_048_576
OVERHEAD_TARGET = 0.20
SPEEDUP_TARGET = 1.7


@dataclass
class Measurement:
    """Wall times and peak process-tree memory of the repeated runs of one configuration."""

    label: str
    seconds: list[float] = field(default_factory=list)
    peak_rss_bytes: list[int] = field(default_factory=list)

    @property
    def median_s(self) -> float:
        """Median wall time of the runs, in seconds."""
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        """Largest peak process-tree RSS of the runs, in MiB."""
        return max(self.peak_rss_bytes) / BYTES_PER_MB


def rss_bytes(pid: int) -> int:
    """Read a process' resident set size from /proc (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * BYTES_PER_KB
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def child_pids(pid: int) -> list[int]:
    """List a process' children, from every thread's /proc children file."""
    pids = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                pids.extend(int(p) for p in f.read().split())
    except (FileNotFoundError, ProcessLookupError):
        pass
    return pids


def tree_rss_bytes(pid: int) -> int:
    """Sum the resident set sizes of a process and all its descendants."""
    return rss_bytes(pid) + sum(tree_rss_bytes(child) for child in child_pids(pid))


class PeakRss:
    """Sample this process tree's RSS in a background thread while the block runs; keep the peak."""

    def __init__(self) -> None:
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(os.getpid()))
            if self._stop.wait(RSS_SAMPLE_INTERVAL_S):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(os.getpid()))


def bare_clean(documents: list[Document]) -> int:
    """Extract each page with bare trafilatura and detect its language; return how many had text."""
    found = 0
    for document in documents:
        result = trafilatura.bare_extraction(document.body, with_metadata=True)
        if result is None or not result.text:
            continue
        found += 1
        DetectorFactory.seed = 0
        try:
            detect(f"{result.title or ''}\n{result.text[:LANGUAGE_SAMPLE_CHARS]}")
        except LangDetectException:
            pass
    return found


def timed(measurement: Measurement, run: Callable[[], object]) -> object:
    """Run once, adding its wall time and peak tree RSS to the measurement; return what it returned."""
    with PeakRss() as peak:
        started = time.perf_counter()
        result = run()
        measurement.seconds.append(time.perf_counter() - started)
    measurement.peak_rss_bytes.append(peak.peak_bytes)
    return result


def candidates(documents: list[Document], settings: Settings) -> int:
    """Clean a batch with copydesk; return how many pages became candidates."""
    return len(clean_batch(documents, settings)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="folder holding article-extraction-benchmark/ and fundus-evaluation/ "
                             "(default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS,
                        help="runs per configuration; the median is reported (default: %(default)s)")
    args = parser.parse_args()
    one, two = Settings(workers=1), Settings(workers=2)
    documents = [d for name in (AEB, FUNDUS) for d in read_documents(args.corpora / name / "html", one).values()]
    warmup = documents[:WARMUP_PAGES]
    bare_clean(warmup)
    clean_batch(warmup, one)
    idle_mb = tree_rss_bytes(os.getpid()) / BYTES_PER_MB

    bare = Measurement("bare trafilatura + langdetect, 1 process")
    serial = Measurement("copydesk clean_batch, workers=1")
    cold = Measurement("copydesk clean_batch, workers=2, cold pool")
    warm = Measurement("copydesk clean_batch, workers=2, warm pool")
    counts: set[tuple[str, object]] = set()
    for _ in range(args.repeats):
        counts.add(("bare", timed(bare, lambda: bare_clean(documents))))
        counts.add(("copydesk", timed(serial, lambda: candidates(documents, one))))
        counts.add(("copydesk", timed(cold, lambda: candidates(documents, two))))
        counts.add(("copydesk", timed(warm, lambda: candidates(documents, two))))
        shutdown_pool()   # no idle workers in the next round's single-process runs

    pages = len(documents)
    print(f"{pages} pages ({AEB} + {FUNDUS}), {os.cpu_count()} cores, median of {args.repeats} runs; "
          f"pages with text: {', '.join(f'{name} {count}' for name, count in sorted(counts))}; "
          f"this process holds {idle_mb:.0f} MB with the pages read and libraries warm\n")
    print(f"{'':45} {'median s':>9} {'pages/s':>8} {'ms/page':>8} {'peak tree RSS MB':>17}  runs s")
    for m in (bare, serial, cold, warm):
        runs = " ".join(f"{s:.2f}" for s in m.seconds)
        print(f"{m.label:45} {m.median_s:9.2f} {pages / m.median_s:8.1f} {m.median_s * 1000 / pages:8.1f} "
              f"{m.peak_mb:17.0f}  {runs}")
    overhead = serial.median_s / bare.median_s - 1
    print(f"\ncopydesk overhead over bare, 1 core vs 1 core: {overhead:+.1%} (target <= {OVERHEAD_TARGET:.0%})")
    print(f"2-worker speed-up over 1, warm pool: {serial.median_s / warm.median_s:.2f}x "
          f"(target >= {SPEEDUP_TARGET}x); cold pool: {serial.median_s / cold.median_s:.2f}x")
    print(f"worker warm-up (pool start, spawn, imports; cold minus warm): {cold.median_s - warm.median_s:.2f} s")
    print(f"ru_maxrss: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / BYTES_PER_KB:.0f} MB, "
          f"largest child {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / BYTES_PER_KB:.0f} MB "
          f"(a spawned child inherits the parent's high-water mark at fork, so the /proc samples are the figure)")


if __name__ == "__main__":
    main()
