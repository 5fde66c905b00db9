"""Measure copydesk's wire-copy detection at scale, phase by phase, against a datasketch baseline.

For each size N a deterministic synthetic set is generated: articles of ~400 words in 8-10 paragraphs
drawn from a Zipf-like vocabulary of 200,000 fake words; about 5% of the articles belong to wire stories,
each an original (outlet: the agency) republished 3-8 times by other outlets with edits (the bottom cut to
40-100% of the paragraphs, 0-2 local paragraphs on top, a dateline `CITY (AP) — ` added, a credit line
added, 0-3 words substituted), within 12 hours of the original; every other article is distinct.
Publication times are spread over 30 days; 300 outlets. Every article's text is built from its own seeds
(`SyntheticSet`), so it can be built again anywhere, in any order.

copydesk: `copydesk.tasks.wire._assign_wire` (what `assign_wire` and `assign_wire_streamed` run) on all N
articles as new articles, with each phase timed: shingles+signatures (wall; chunks of 1,024 articles in
this process and, from 32,768 articles, in a helper process too; each batch of 128 normalised - datelines,
credits and boilerplate out - and shingled by batched hashing, its set sizes and MinHash 128 signatures
computed in a second thread; the split is in CPU seconds summed over threads and processes), candidates
(LSH band keys + candidate pairs), verification (the shingle sets of the articles in candidate pairs
recomputed, containment of every candidate pair, reused text) and grouping (star clusters, results). Sizes
from --stream-min run streamed (`assign_wire_streamed`): the benchmark holds only the metadata, and the
stage reads the texts by position from the set, which builds them where they are read (this process and
the helper; the "read texts" CPU seconds) - the texts are never all in memory. Smaller sizes hold all
texts, as the pipeline does.

Memory: VmRSS of this process plus its helper process, sampled every 50 ms (and at each phase's start and
end), as the peak of each phase, over the stage, and over the whole run of a size (building the set, the
stage, scoring); and this process's high-water mark (ru_maxrss). Pairwise P/R of copydesk's clusters
against the generated stories is a sanity check. The load average before and after each size is printed:
the machine may be shared.

datasketch (sizes up to --datasketch-max, texts in memory, after copydesk in the same run):
`benchmarks.wire_quality.minhash_signatures` (word 5-shingles of the lower-cased text, `MinHash.bulk` with
128 permutations) and `lsh_clusters` (`MinHashLSH` at threshold 0.3, its best on the real-text evaluation,
then connected components), one process.

Run from the repository root (about 5 minutes for the default sizes on 2 idle cores):

    .venv/bin/python -m benchmarks.wire_scale [--sizes 10000,100000] [--datasketch-max 100000]
        [--stream-min 200000] [--seed 11] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Self

import numpy as np

from benchmarks.wire_eval import pairwise_scores
from copydesk.tasks.wire import SKETCH_STEPS, WireText, _assign_wire

VOCABULARY_SIZE = 200_000
ZIPF_EXPONENT = 1.05
WIRE_SHARE = 0.05
COPIES = (3, 8)
PARAGRAPHS = (8, 10)
PARAGRAPH_WORDS = (35, 60)
OUTLETS = 300
DAYS = 30
START = datetime(2026, 10, 1, tzinfo=UTC)
AGENCIES = ("AP", "Reuters", "AFP", "dpa", "EFE")
CITIES = ("WASHINGTON", "LONDON", "BERLIN", "MADRID", "PARIS", "NEW YORK", "TOKYO", "NAIROBI")
PHASES = ("shingles+signatures", "candidates", "verification", "grouping")
SAMPLE_SECONDS = 0.05
DEFAULT_SEED = 11
STREAM_MIN = 200_000           # from this size the texts are rebuilt where they are read, never all held
DATASKETCH_THRESHOLD = 0.30    # its best threshold on the real-text evaluation (docs/benchmarks.md)


def _vocabulary(size: int, rng: np.random.Generator) -> np.ndarray:
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words: dict[str, None] = {}
    while len(words) < size:
        lengths = rng.integers(2, 12, size)
        codes = letters[rng.integers(0, 26, int(lengths.sum()))]
        position = 0
        for length in lengths.tolist():
            words.setdefault("".join(codes[position:position + length]), None)
            position += length
            if len(words) == size:
                break
    return np.array(list(words), dtype=object)


class Generator:
    """Draws paragraphs of Zipf-distributed words."""

    def __init__(self, seed: int) -> None:
        self.vocabulary = _vocabulary(VOCABULARY_SIZE, np.random.default_rng([seed, 0]))
        cdf = np.cumsum(1.0 / np.arange(1, VOCABULARY_SIZE + 1) ** ZIPF_EXPONENT)
        self.cdf = cdf / cdf[-1]

    def words(self, rng: np.random.Generator, count: int) -> list[str]:
        return self.vocabulary[np.searchsorted(self.cdf, rng.random(count))].tolist()

    def paragraphs(self, rng: np.random.Generator, count: int) -> list[str]:
        lengths = rng.integers(PARAGRAPH_WORDS[0], PARAGRAPH_WORDS[1] + 1, count)
        words = self.words(rng, int(lengths.sum()))
        out, position = [], 0
        for length in lengths.tolist():
            sentence = words[position:position + length]
            sentence[0] = sentence[0].capitalize()
            out.append(" ".join(sentence) + ".")
            position += length
        return out


@cache
def generator(seed: int) -> Generator:
    """The generator of a seed, built once per process."""
    return Generator(seed)


@cache
def synthetic_set(n: int, seed: int) -> SyntheticSet:
    """The set of n articles of a seed, built once per process."""
    return SyntheticSet(n, seed)


class SyntheticSet:
    """n synthetic articles: every article's metadata at once, its text built on demand from its position.

    Wire stories come first in a fixed layout (story s: an original and 3-8 copies, all drawn from seeds
    [seed, *, s]), the distinct articles after them (article d from [seed, 5, d]); a seeded permutation
    gives the order. So the text at a position is the same whenever and wherever it is built, and the set
    pickles as (n, seed): a `TextSource` for `assign_wire_streamed`.
    """

    def __init__(self, n: int, seed: int) -> None:
        self.n, self.seed = n, seed
        wire_target = round(WIRE_SHARE * n)
        stories: list[tuple[str, datetime, list[int], list[float]]] = []   # agency, moved, outlets, delays
        members = 0
        while members < wire_target:
            rng = np.random.default_rng([seed, 2, len(stories)])
            agency = AGENCIES[int(rng.integers(len(AGENCIES)))]
            moved = START + timedelta(seconds=float(rng.uniform(0, DAYS * 86400)))
            copies = int(rng.integers(COPIES[0], COPIES[1] + 1))
            outlets = rng.choice(OUTLETS, copies, replace=False).tolist()
            stories.append((agency, moved, outlets, rng.uniform(60, 12 * 3600, copies).tolist()))
            members += 1 + copies
        self.stories = stories
        self.story_of = np.repeat(np.arange(len(stories)), [1 + len(s[2]) for s in stories])[:n]
        self.copy_of = np.concatenate([np.arange(1 + len(s[2])) for s in stories] or [[]]).astype(np.int64)[:n]
        self.wire = self.story_of.size
        distinct = n - self.wire
        rng = np.random.default_rng([seed, 6, n])
        self.distinct_seconds = rng.uniform(0, DAYS * 86400, distinct)
        self.distinct_outlets = rng.integers(OUTLETS, size=distinct)
        self.order = np.random.default_rng([seed, 1, n]).permutation(n)

    def __reduce__(self) -> tuple[object, tuple[int, int]]:
        return synthetic_set, (self.n, self.seed)     # a helper process builds its own copy, once

    def __call__(self, positions: list[int]) -> list[str]:
        """The texts at these positions (the `TextSource` protocol)."""
        return [self.text(slot) for slot in self.order[positions].tolist()]

    def published(self, slot: int) -> datetime:
        if slot >= self.wire:
            return START + timedelta(seconds=float(self.distinct_seconds[slot - self.wire]))
        _, moved, _, delays = self.stories[self.story_of[slot]]
        copy = int(self.copy_of[slot])
        return moved if copy == 0 else moved + timedelta(seconds=delays[copy - 1])

    def outlet(self, slot: int) -> str:
        if slot >= self.wire:
            return f"outlet{self.distinct_outlets[slot - self.wire]}.example"
        agency, _, outlets, _ = self.stories[self.story_of[slot]]
        copy = int(self.copy_of[slot])
        return agency.lower() + ".example" if copy == 0 else f"outlet{outlets[copy - 1]}.example"

    def story(self, slot: int) -> int:
        """The gold cluster: story s is s, distinct article d is -1 - d."""
        return int(self.story_of[slot]) if slot < self.wire else self.wire - 1 - slot

    def text(self, slot: int) -> str:
        words = generator(self.seed)
        if slot >= self.wire:
            rng = np.random.default_rng([self.seed, 5, slot - self.wire])
            return "\n".join(words.paragraphs(rng, int(rng.integers(PARAGRAPHS[0], PARAGRAPHS[1] + 1))))
        story, copy = int(self.story_of[slot]), int(self.copy_of[slot])
        rng = np.random.default_rng([self.seed, 3, story])
        base = words.paragraphs(rng, int(rng.integers(PARAGRAPHS[0], PARAGRAPHS[1] + 1)))
        if copy == 0:
            return "\n".join(base)
        rng = np.random.default_rng([self.seed, 4, story, copy])
        kept = base[:max(2, int(np.ceil(len(base) * rng.uniform(0.4, 1.0))))]
        tokens = "\n".join(kept).split(" ")
        for position in rng.integers(0, len(tokens), int(rng.integers(0, 4))).tolist():
            tokens[position] = words.words(rng, 1)[0]
        body = " ".join(tokens).split("\n")
        if rng.random() < 0.6:
            body[0] = f"{CITIES[int(rng.integers(len(CITIES)))]} ({self.stories[story][0]}) — {body[0]}"
        body = words.paragraphs(rng, int(rng.integers(0, 3))) + body
        if rng.random() < 0.4:
            body.append(f"Reporting by {words.words(rng, 1)[0].capitalize()}; Editing by "
                        f"{words.words(rng, 1)[0].capitalize()}")
        return "\n".join(body)


def _rss_kib(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children() -> list[str]:
    found: list[str] = []
    for task in os.listdir("/proc/self/task"):
        try:
            found += Path(f"/proc/self/task/{task}/children").read_text().split()
        except OSError:
            pass
    return found


class RssSampler:
    """Peak VmRSS of this process plus its children, sampled every SAMPLE_SECONDS in a thread; also the peak
    inside a window (`window()`, a phase)."""

    def __init__(self) -> None:
        self.peak_kib = self.window_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        total = _rss_kib("self") + sum(_rss_kib(child) for child in _children())
        self.peak_kib = max(self.peak_kib, total)
        self.window_kib = max(self.window_kib, total)
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_SECONDS)

    @contextmanager
    def window(self) -> Iterator[list[int]]:
        """Yield a list that gets the window's peak (KiB) when the window closes."""
        peak: list[int] = []
        self.window_kib = self.sample()
        yield peak
        self.sample()
        peak.append(self.window_kib)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    size: int
    streamed: bool
    wire_articles: int = 0
    stories: int = 0
    setup_seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    phase_peak_mib: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    total_seconds: float = 0.0
    total_cpu_seconds: float = 0.0
    rss_before_mib: float = 0.0
    stage_peak_mib: float = 0.0
    run_peak_mib: float = 0.0
    max_rss_mib: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)
    precision: float = 0.0
    recall: float = 0.0
    clusters: int = 0
    datasketch_seconds: float | None = None
    datasketch_minhash_seconds: float | None = None
    datasketch_peak_mib: float | None = None
    datasketch_cpu_seconds: float | None = None
    datasketch_precision: float | None = None
    datasketch_recall: float | None = None


def run_size(n: int, seed: int, datasketch_max: int, stream: bool) -> Run:
    """Build the set of size n, run copydesk on it (streamed: texts rebuilt where they are read), score it,
    then datasketch on the same texts (in memory) when n <= datasketch_max."""
    run = Run(n, stream)
    load = os.getloadavg()[0]
    with RssSampler() as whole:
        started = time.perf_counter()
        articles = synthetic_set(n, seed)
        slots = articles.order.tolist()
        texts = articles(list(range(n))) if not stream else None
        items = [WireText(str(k), texts[k] if texts else "", articles.published(slot), articles.outlet(slot))
                 for k, slot in enumerate(slots)]
        gold = [articles.story(slot) for slot in slots]
        run.setup_seconds = time.perf_counter() - started
        run.wire_articles, run.stories = articles.wire, len(articles.stories)

        @contextmanager
        def phase(name: str) -> Iterator[None]:
            begin = time.perf_counter()
            with whole.window() as peak:
                yield
            run.phases[name] = time.perf_counter() - begin
            run.phase_peak_mib[name] = peak[0] / 1024

        run.rss_before_mib = _rss_kib("self") / 1024
        with RssSampler() as stage:
            begin, cpu = time.perf_counter(), _cpu_seconds()
            results = _assign_wire(items, (), phase, run.cpu_seconds, articles if stream else None)
            run.total_seconds = time.perf_counter() - begin
            run.total_cpu_seconds = _cpu_seconds() - cpu
        run.stage_peak_mib = stage.peak_kib / 1024
        predicted = [results[item.article_id].cluster_id for item in items]
        del results
        scores = pairwise_scores(gold, predicted)
        run.precision, run.recall, run.clusters = scores.precision, scores.recall, len(set(predicted))
        del predicted
    run.run_peak_mib = whole.peak_kib / 1024
    run.max_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    run.load = (load, os.getloadavg()[0])
    if texts and n <= datasketch_max:
        from benchmarks.wire_quality import lsh_clusters, minhash_signatures

        del items
        with RssSampler() as baseline:
            begin, cpu = time.perf_counter(), _cpu_seconds()
            minhashes = minhash_signatures(texts)
            run.datasketch_minhash_seconds = time.perf_counter() - begin
            labels = lsh_clusters(minhashes, DATASKETCH_THRESHOLD)
            run.datasketch_seconds = time.perf_counter() - begin
            run.datasketch_cpu_seconds = _cpu_seconds() - cpu
        run.datasketch_peak_mib = baseline.peak_kib / 1024
        scores = pairwise_scores(gold, labels)
        run.datasketch_precision, run.datasketch_recall = scores.precision, scores.recall
    return run


def _cpu_seconds() -> float:
    """CPU seconds (user + system) of this process's threads and of its ended helper processes (waited for
    up to 2 s, so a helper just told to stop is counted)."""
    deadline = time.perf_counter() + 2.0
    while multiprocessing.active_children() and time.perf_counter() < deadline:
        time.sleep(0.02)
    return sum(usage.ru_utime + usage.ru_stime
               for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:>12,.0f}" if seconds >= 0.01 else f"{'-':>12}"


def report(run: Run) -> None:
    mode = "streamed: texts rebuilt where they are read" if run.streamed else "texts in memory"
    print(f"\nN = {run.size:,} ({mode}): {run.wire_articles:,} wire articles in {run.stories:,} stories "
          f"(set up in {run.setup_seconds:.1f} s); load average {run.load[0]:.2f} before, {run.load[1]:.2f} after")
    print(f"{'phase':<24}{'seconds':>10}{'docs/s':>12}{'peak MiB':>10}")
    for name in PHASES:
        seconds = run.phases.get(name, 0.0)
        print(f"{name:<24}{seconds:>10.2f}{_rate(run.size, seconds)}{run.phase_peak_mib.get(name, 0.0):>10,.0f}")
        if name == "shingles+signatures":
            for part in SKETCH_STEPS:   # CPU seconds inside shingles+signatures
                seconds = run.cpu_seconds.get(part, 0.0)
                print(f"  {part:<22}{seconds:>10.2f}{_rate(run.size, seconds)}   (CPU seconds summed over "
                      f"threads and processes; docs per CPU second)")
    print(f"{'copydesk total':<24}{run.total_seconds:>10.2f}{_rate(run.size, run.total_seconds)}   "
          f"({run.total_cpu_seconds:.2f} CPU seconds in all)")
    print(f"peak RSS: {run.run_peak_mib:,.0f} MiB over the whole run (set, stage, scoring); "
          f"{run.stage_peak_mib:,.0f} MiB during the stage, {run.rss_before_mib:,.0f} MiB before it; "
          f"this process's high-water mark {run.max_rss_mib:,.0f} MiB")
    print(f"pairs P {run.precision:.3f} R {run.recall:.3f}; {run.clusters:,} clusters")
    if run.datasketch_seconds is not None:
        print(f"datasketch MinHash.bulk + MinHashLSH({DATASKETCH_THRESHOLD}): {run.datasketch_seconds:.1f} s "
              f"(MinHash {run.datasketch_minhash_seconds:.1f} s), {_rate(run.size, run.datasketch_seconds).strip()} "
              f"docs/s, peak {run.datasketch_peak_mib:,.0f} MiB, P {run.datasketch_precision:.3f} "
              f"R {run.datasketch_recall:.3f}; {run.datasketch_cpu_seconds:.1f} CPU seconds; copydesk "
              f"{run.datasketch_seconds / run.total_seconds:.1f}x in wall time, "
              f"{run.datasketch_cpu_seconds / run.total_cpu_seconds:.1f}x in CPU time")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated article counts")
    parser.add_argument("--datasketch-max", type=int, default=100_000,
                        help="run the datasketch baseline on sizes up to this many articles")
    parser.add_argument("--stream-min", type=int, default=STREAM_MIN,
                        help="sizes from this many articles run streamed (texts never all in memory)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    print(f"copydesk wire scale benchmark, {os.cpu_count()} CPUs, seed {args.seed}")
    runs = []
    for size in (int(s) for s in args.sizes.split(",")):
        runs.append(run_size(size, args.seed, args.datasketch_max, size >= args.stream_min))
        report(runs[-1])
    if args.json:
        args.json.write_text(json.dumps([run.__dict__ for run in runs], indent=2, default=str))


if __name__ == "__main__":
    main()
