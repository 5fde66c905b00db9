"""Time story grouping at scale: N synthetic articles fed in pipeline-sized batches, in publication order.

The corpus is generated: events spread evenly over `--days` days, each reported by 1-12 articles within two
days of each other, every article a title and about 180 words mixing its event's names, numbers and topic
words with general vocabulary (so events of one kind share most of their words, as real sibling events do).
Articles go to `assign_stories` `--batch` at a time with one run-wide `StoryIndex` (which holds the stories
active in the window), as the pipeline's `group` task does. Reported: articles per
second, peak RSS of the process, and pairwise precision/recall against the generated events.

    .venv/bin/python -m benchmarks.story_scale [--articles 100000] [--days 30] [--batch 500]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import UTC, datetime, timedelta

from benchmarks.wire_eval import pairwise_scores
from copydesk.tasks.stories import LINKAGE, StoryIndex, StoryText, assign_stories

START = datetime(2026, 1, 1, tzinfo=UTC)
KINDS = 40                        # kinds of event (earthquake, transfer, election, ...), each with its words


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(syllables))


def generate(n_articles: int, days: int, seed: int = 1) -> tuple[list[StoryText], list[str]]:
    """Articles in publication order, and the event of each."""
    rng = random.Random(seed)
    general = [_word(rng, rng.randint(2, 4)) for _ in range(20_000)]
    kinds = [[_word(rng, 3) for _ in range(40)] for _ in range(KINDS)]
    items: list[StoryText] = []
    gold: list[str] = []
    event = 0
    while len(items) < n_articles:
        kind = kinds[rng.randrange(KINDS)]
        names = [_word(rng, 3).capitalize() for _ in range(5)]
        figures = [str(rng.randint(2, 9_999)) for _ in range(3)]
        topic = rng.sample(kind, 25)
        start = START + timedelta(days=rng.uniform(0, days))
        for _ in range(min(rng.randint(1, 12), n_articles - len(items))):
            body = []
            for _ in range(180):
                pick = rng.random()
                body.append(rng.choice(names) if pick < 0.08 else rng.choice(figures) if pick < 0.11
                            else rng.choice(topic) if pick < 0.45 else rng.choice(general))
            title = " ".join([rng.choice(names), *rng.sample(topic, 4), rng.choice(figures)])
            when = start + timedelta(hours=rng.uniform(0, 48))
            items.append(StoryText(f"a{len(items)}", title, " ".join(body) + ".", "en", when, f"a{len(items)}"))
            gold.append(f"e{event}")
        event += 1
    order = sorted(range(len(items)), key=lambda i: items[i].published_at or START)
    return [items[i] for i in order], [gold[i] for i in order]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    items, gold = generate(args.articles, args.days)
    index, result = StoryIndex(), {}
    begin = time.perf_counter()
    for first in range(0, len(items), args.batch):
        result |= assign_stories(items[first:first + args.batch], index=index)
    seconds = time.perf_counter() - begin
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scores = pairwise_scores(gold, [result[i.article_id] for i in items])
    print(f"{len(items)} articles over {args.days} days, batches of {args.batch}, window {LINKAGE.window_days} days: "
          f"{seconds:.1f} s, {len(items) / seconds:,.0f} articles/s, peak RSS {peak_mib:,.0f} MiB, "
          f"{len(set(result.values()))} stories for {len(set(gold))} events, "
          f"pairs P {scores.precision:.3f} R {scores.recall:.3f}")


if __name__ == "__main__":
    main()
