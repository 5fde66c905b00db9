"""Measure copydesk's wire-copy detection at scale, phase by phase, against a datasketch baseline.

For each size N a deterministic synthetic set is generated (article i of a size depends only on the seed
and N): articles of ~400 words in 8-10 paragraphs drawn from a Zipf-like vocabulary of 200,000 fake words;
about 5% of the articles belong to wire stories, each an original (outlet: the agency) republished 3-8
times by other outlets with edits (the bottom cut to 40-100% of the paragraphs, 0-2 local paragraphs on
top, a dateline `CITY (AP) — ` added, a credit line added, 0-3 words substituted), within 12 hours of the
original; every other article is distinct. Publication times are spread over 30 days; 300 outlets.

copydesk: `copydesk.tasks.wire._assign_wire` (what `assign_wire` runs) on all N articles as new articles,
with each phase timed: shingles+signatures (wall; in 2 processes from 20,000 articles, each chunk
normalised - datelines, credits and boilerplate out, tokens, batched shingle hashing - then signed with
MinHash 128; the split between the two is reported in process-seconds summed over the workers),
candidates (LSH band keys + candidate pairs), verification (the shingle sets of the articles in candidate
pairs recomputed, containment of every candidate pair, reused text) and grouping (star clusters, results). Peak RSS: VmRSS of this process plus its child processes, sampled every 50 ms;
reported as the peak and the peak above the RSS before the call (the input texts are in the baseline).
Pairwise P/R of copydesk's clusters against the generated stories is a sanity check.

datasketch: `benchmarks.wire_quality.minhash_lsh_detector(0.30)` (word 5-shingles, `MinHash.bulk` 128,
`MinHashLSH` at threshold 0.3, connected components) end to end on the sizes up to --datasketch-max.

Run from the repository root (about 5 minutes for the default sizes on 2 idle cores):

    .venv/bin/python -m benchmarks.wire_scale [--sizes 10000,100000] [--datasketch-max 100000]
        [--seed 11] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Self

import numpy as np

from benchmarks.wire_eval import pairwise_scores
from copydesk.tasks.wire import WireText, _assign_wire

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
SPLIT = ("normalise+shingles", "signatures")   # process-seconds inside shingles+signatures
SAMPLE_SECONDS = 0.05
DEFAULT_SEED = 11


@dataclass
class Article:
    text: str
    published: datetime
    outlet: str
    story: str


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


def generate(n: int, seed: int = DEFAULT_SEED, generator: Generator | None = None) -> list[Article]:
    """n articles: wire stories (~WIRE_SHARE of them, original + 3-8 edited copies) and distinct articles."""
    generator = generator or Generator(seed)
    rng = np.random.default_rng([seed, 1, n])
    outlets = [f"outlet{k}.example" for k in range(OUTLETS)]
    articles: list[Article] = []
    wire_target = round(WIRE_SHARE * n)
    story = 0
    while len(articles) < wire_target:
        agency = AGENCIES[int(rng.integers(len(AGENCIES)))]
        base = generator.paragraphs(rng, int(rng.integers(PARAGRAPHS[0], PARAGRAPHS[1] + 1)))
        moved = START + timedelta(seconds=float(rng.uniform(0, DAYS * 86400)))
        name = f"s{story}"
        articles.append(Article("\n".join(base), moved, agency.lower() + ".example", name))
        for outlet in rng.choice(OUTLETS, int(rng.integers(COPIES[0], COPIES[1] + 1)), replace=False).tolist():
            kept = base[:max(2, int(np.ceil(len(base) * rng.uniform(0.4, 1.0))))]
            words = "\n".join(kept).split(" ")
            for position in rng.integers(0, len(words), int(rng.integers(0, 4))).tolist():
                words[position] = generator.words(rng, 1)[0]
            body = " ".join(words).split("\n")
            if rng.random() < 0.6:
                body[0] = f"{CITIES[int(rng.integers(len(CITIES)))]} ({agency}) — {body[0]}"
            body = generator.paragraphs(rng, int(rng.integers(0, 3))) + body
            if rng.random() < 0.4:
                body.append(f"Reporting by {generator.words(rng, 1)[0].capitalize()}; Editing by "
                            f"{generator.words(rng, 1)[0].capitalize()}")
            published = moved + timedelta(seconds=float(rng.uniform(60, 12 * 3600)))
            articles.append(Article("\n".join(body), published, outlets[outlet], name))
        story += 1
    for k in range(n - len(articles)):
        body = generator.paragraphs(rng, int(rng.integers(PARAGRAPHS[0], PARAGRAPHS[1] + 1)))
        articles.append(Article("\n".join(body), START + timedelta(seconds=float(rng.uniform(0, DAYS * 86400))),
                                outlets[int(rng.integers(OUTLETS))], f"d{k}"))
    articles = articles[:n]
    order = rng.permutation(len(articles))
    return [articles[i] for i in order.tolist()]


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
    """Peak VmRSS of this process plus its children, sampled every SAMPLE_SECONDS in a thread."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            total = _rss_kib("self") + sum(_rss_kib(child) for child in _children())
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    size: int
    wire_articles: int
    stories: int
    generate_seconds: float
    phases: dict[str, float] = field(default_factory=dict)
    process_seconds: dict[str, float] = field(default_factory=dict)
    total_seconds: float = 0.0
    rss_before_mib: float = 0.0
    peak_rss_mib: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    clusters: int = 0
    datasketch_seconds: float | None = None
    datasketch_precision: float | None = None
    datasketch_recall: float | None = None


def run_size(n: int, seed: int, datasketch_max: int, generator: Generator) -> Run:
    started = time.perf_counter()
    articles = generate(n, seed, generator)
    generated = time.perf_counter() - started
    gold = [a.story for a in articles]
    run = Run(n, sum(1 for g in gold if g.startswith("s")), len({g for g in gold if g.startswith("s")}), generated)
    items = [WireText(str(k), a.text, a.published, a.outlet) for k, a in enumerate(articles)]

    @contextmanager
    def phase(name: str) -> Iterator[None]:
        begin = time.perf_counter()
        yield
        run.phases[name] = time.perf_counter() - begin

    run.rss_before_mib = _rss_kib("self") / 1024
    with RssSampler() as sampler:
        begin = time.perf_counter()
        results = _assign_wire(items, (), phase, run.process_seconds)
        run.total_seconds = time.perf_counter() - begin
    run.peak_rss_mib = sampler.peak_kib / 1024
    predicted = [results[item.article_id].cluster_id for item in items]
    scores = pairwise_scores(gold, predicted)
    run.precision, run.recall, run.clusters = scores.precision, scores.recall, len(set(predicted))
    del results, predicted
    if n <= datasketch_max:
        from benchmarks.wire_quality import minhash_lsh_detector

        texts, published = [a.text for a in articles], [a.published for a in articles]
        begin = time.perf_counter()
        baseline = minhash_lsh_detector(0.30)(texts, published)
        run.datasketch_seconds = time.perf_counter() - begin
        scores = pairwise_scores(gold, baseline)
        run.datasketch_precision, run.datasketch_recall = scores.precision, scores.recall
    return run


def report(run: Run) -> None:
    print(f"\nN = {run.size:,}: {run.wire_articles:,} wire articles in {run.stories:,} stories "
          f"(generated in {run.generate_seconds:.1f} s)")
    print(f"{'phase':<22}{'seconds':>10}{'docs/s':>12}")
    for name in PHASES:
        seconds = run.phases.get(name, float("nan"))
        print(f"{name:<22}{seconds:>10.2f}{run.size / seconds if seconds else float('inf'):>12,.0f}")
        if name == "shingles+signatures":
            for part in SPLIT:
                seconds = run.process_seconds[part]
                print(f"  {part:<20}{seconds:>10.2f}{run.size / seconds:>12,.0f}   (process-seconds, "
                      f"summed over workers; docs per process-second)")
    print(f"{'copydesk total':<22}{run.total_seconds:>10.2f}{run.size / run.total_seconds:>12,.0f}")
    print(f"peak RSS {run.peak_rss_mib:,.0f} MiB (before the call {run.rss_before_mib:,.0f} MiB: input texts; "
          f"above it {run.peak_rss_mib - run.rss_before_mib:,.0f} MiB)")
    print(f"pairs P {run.precision:.3f} R {run.recall:.3f}; {run.clusters:,} clusters")
    if run.datasketch_seconds is not None:
        ds_rate = run.size / run.datasketch_seconds
        print(f"datasketch MinHash+MinHashLSH(0.3): {run.datasketch_seconds:.1f} s, {ds_rate:,.0f} docs/s, "
              f"P {run.datasketch_precision:.3f} R {run.datasketch_recall:.3f}; copydesk "
              f"{run.datasketch_seconds / run.total_seconds:.1f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated article counts")
    parser.add_argument("--datasketch-max", type=int, default=100_000,
                        help="run the datasketch baseline on sizes up to this many articles")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    print(f"copydesk wire scale benchmark, {os.cpu_count()} CPUs, seed {args.seed}")
    generator = Generator(args.seed)
    runs = []
    for size in (int(s) for s in args.sizes.split(",")):
        runs.append(run_size(size, args.seed, args.datasketch_max, generator))
        report(runs[-1])
    if args.json:
        args.json.write_text(json.dumps([run.__dict__ for run in runs], indent=2, default=str))


if __name__ == "__main__":
    main()
