"""Measure story grouping on real news: ECB+ events, fundus' theme-only neighbours, the two seed articles.

- `ecbplus-dev` (496 real articles, 42 gold events in 21 topics of two sibling events each): pairwise and
  B-cubed precision/recall/F1 and the adjusted Rand index of `assign_stories` with its documented
  parameters, all articles as one batch, fed in 4 batches and in batches of 60 (each later batch
  against the history, as the pipeline does), and in batches of 60 split into two runs (the second
  reads the first's articles as its history, with their stories as merged). Beside it, in the same
  run, the field's plain baseline: TF-IDF cosine of the text, articles linked when the cosine
  reaches a threshold (connected components), at the threshold that is best on the gold labels.
- fundus (80 real pages of 16 outlets, Feb-Mar 2024, many sharing only a theme: Israel/Gaza opinion, Biden
  polls): every pair put in one story is listed; there should be none.
- the two seed articles (one event, two outlets): they should share a story.

    .venv/bin/python -m benchmarks.story_quality [--corpora ../shared/corpora] [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import numpy as np
from scipy.sparse.csgraph import connected_components

from benchmarks.wire_eval import Scores, adjusted_rand_index, bcubed_scores, pairwise_scores
from benchmarks.wire_quality import load_bodies, load_seeds
from copydesk.stories.features import Terms, Vocabulary, article_terms, document_frequencies, tfidf_blocks
from copydesk.tasks.stories import (LINKAGE, StoryIndex, StoryMerge, StoryText, assign_stories,
                                    follow_merges, place_stories)

ECBPLUS = Path("ecbplus-dev") / "ecbplus-dev.jsonl"
BATCHES = 4
BATCH_SIZE = 60


@dataclass(frozen=True)
class Result:
    pairwise: Scores
    bcubed: Scores
    ari: float
    seconds: float

    def line(self, name: str) -> str:
        p, b = self.pairwise, self.bcubed
        return (f"{name:<34} pair P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}   "
                f"B3 P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}   ARI {self.ari:.3f}   {self.seconds:.2f} s")


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def load_ecbplus(corpora: Path) -> tuple[list[StoryText], list[str]]:
    """The ECB+ development articles as story grouping sees them (each its own wire cluster), and their events."""
    rows = [json.loads(line) for line in (corpora / ECBPLUS).read_text(encoding="utf-8").splitlines() if line]
    items = [StoryText(r["id"], r["title"], r["text"], r["lang"] or "und", _when(r["date"]), r["id"]) for r in rows]
    return items, [r["story"] for r in rows]


def score(gold: list[str], predicted: list[str], seconds: float) -> Result:
    return Result(pairwise_scores(gold, predicted), bcubed_scores(gold, predicted),
                  adjusted_rand_index(gold, predicted), seconds)


def group_in_batches(items: list[StoryText], batches: int) -> dict[str, str]:
    """Feed the items in `batches` slices, each against the earlier ones as history (as the pipeline does)."""
    return group_by_size(items, -(-len(items) // batches))


def group_by_size(items: list[StoryText], size: int, runs: int = 1) -> dict[str, str]:
    """Feed the items `size` at a time, each batch against the earlier ones, the batches split
    among `runs` runs: each run a fresh index that reads the earlier runs' articles (with their
    batches and their stories as merged) as its history, as `copydesk run` reads the lake. Returns
    the stories after every merge."""
    batches = [items[first:first + size] for first in range(0, len(items), size)]
    per_run = -(-len(batches) // runs)
    result: dict[str, str] = {}
    merges: list[StoryMerge] = []
    for run in range(0, len(batches), per_run):
        stories = follow_merges(result, merges)
        history = [replace(item, story_id=stories[item.article_id], batch_id=f"{b:06d}")
                   for b, batch in enumerate(batches[:run]) for item in batch]
        index = StoryIndex()
        for new in batches[run:run + per_run]:
            placement = place_stories(new, history, index)
            result |= placement.stories
            merges += placement.merges
    return follow_merges(result, merges)


def tfidf_baseline(items: list[StoryText], gold: list[str]) -> tuple[float, Result]:
    """TF-IDF cosine of title and text, connected components at the threshold best on the gold labels."""
    vocabulary = Vocabulary()
    terms = [Terms(article_terms(i.title, i.text, vocabulary).blocks[:1]) for i in items]
    words = tfidf_blocks(terms, document_frequencies(terms, len(vocabulary)), len(items))[0]
    cosine = (words @ words.T).toarray()
    best: tuple[float, Result] | None = None
    for threshold in np.arange(0.05, 0.95, 0.025):
        begin = time.perf_counter()
        _, labels = connected_components(cosine >= threshold, directed=False)
        result = score(gold, [str(x) for x in labels], time.perf_counter() - begin)
        if best is None or result.pairwise.f1 > best[1].pairwise.f1:
            best = (float(threshold), result)
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    args = parser.parse_args()

    print(f"parameters: {LINKAGE}")
    items, gold = load_ecbplus(args.corpora)
    begin = time.perf_counter()
    stories = assign_stories(items)
    print(score(gold, [stories[i.article_id] for i in items], time.perf_counter() - begin)
          .line(f"copydesk, one batch ({len(items)})"))
    begin = time.perf_counter()
    stories = group_in_batches(items, BATCHES)
    print(score(gold, [stories[i.article_id] for i in items], time.perf_counter() - begin)
          .line(f"copydesk, {BATCHES} batches"))
    for runs in (1, 2):
        begin = time.perf_counter()
        stories = group_by_size(items, BATCH_SIZE, runs)
        print(score(gold, [stories[i.article_id] for i in items], time.perf_counter() - begin)
              .line(f"copydesk, batches of {BATCH_SIZE}" + (f", {runs} runs" if runs > 1 else "")))
    threshold, baseline = tfidf_baseline(items, gold)
    print(baseline.line(f"TF-IDF components, best t={threshold:.3f}"))

    fundus = [b for b in load_bodies(args.corpora) if b.key.startswith("fundus:")]
    texts = [StoryText(b.key, None, "\n".join(b.paragraphs), "und", None, b.key) for b in fundus]
    stories = assign_stories(texts)
    together = [(a.article_id, b.article_id) for a, b in combinations(texts, 2)
                if stories[a.article_id] == stories[b.article_id]]
    print(f"fundus: {len(texts)} pages, {len(set(stories.values()))} stories, {len(together)} pairs together"
          + "".join(f"\n  together: {a} {b}" for a, b in together))

    seeds = load_seeds(args.seeds)
    texts = [StoryText(b.key, b.title, "\n".join(b.paragraphs), "en",
                       datetime(b.day.year, b.day.month, b.day.day, tzinfo=UTC) if b.day else None, b.key)
             for b in seeds]
    stories = assign_stories(texts)
    print(f"seeds: {len(texts)} articles in {len(set(stories.values()))} story")


if __name__ == "__main__":
    main()
