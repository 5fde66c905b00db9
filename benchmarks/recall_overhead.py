"""Measure what recalling extractions costs a batch, against a lake of growing size.

Each batch of the pipeline asks the lake which of its documents it has read (`known_doc_keys`, since
before) and then which of the rest an earlier batch extracted under another name (`Lake.extracted`, one
more scan of the documents' keys). This builds a lake of synthetic batches (500 documents of ~3 KB each,
every tenth one kept as an article of ~3 KB of text, every tenth rejected) and times both lookups for a batch of new bytes
(nothing recalled) and for a batch of the same bytes under new names (everything recalled), at several
lake sizes; the median of `--repeats` timings.

    .venv/bin/python -m benchmarks.recall_overhead --batches 20 100 200
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from copydesk.records import Article, Candidate, Document, Reject
from copydesk.warehouse.lake import Lake, batch_tables, new_batch_id

BATCH_DOCUMENTS = 500
BODY_BYTES = 3_000
ARTICLE_WORDS = 500              # stored text of ~3 KB per article, of words drawn from 5,000


def documents(batch: int, prefix: str = "/in") -> list[Document]:
    return [Document.of(f"{prefix}/{batch}/{n}.html", "html",
                        (f"<p>batch {batch} document {n} " + "x" * BODY_BYTES + "</p>").encode())
            for n in range(BATCH_DOCUMENTS)]


def outcomes(batch: list[Document]) -> tuple[list[Article], list[Reject]]:
    """Every tenth document kept as an article, every tenth (offset 5) rejected at the extract stage."""
    words = random.Random(batch[0].doc_key)
    kept = [Candidate(d.doc_key, d.source_uri, None, "example.com", "A title", None, None, "en",
                      " ".join(f"w{words.randrange(5_000)}" for _ in range(ARTICLE_WORDS)), ARTICLE_WORDS, d.doc_key)
            for d in batch[::10]]
    rejected = [Reject.of(d.source_uri, "extract", "no_article", "3 words", d.doc_key) for d in batch[5::10]]
    return [Article(c.article_id, c, c.article_id, c.article_id, c.article_id) for c in kept], rejected


def median_seconds(call: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, nargs="+", default=[20, 100, 200])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"{'batches':>8} {'documents':>10} {'known_doc_keys':>15} {'extracted (new)':>16} {'extracted (twins)':>18}")
    with tempfile.TemporaryDirectory() as tmp:
        lake = Lake(Path(tmp) / "lake")
        written = 0
        for target in sorted(args.batches):
            while written < target:
                batch = documents(written)
                articles, rejects = outcomes(batch)
                batch_id = new_batch_id()
                lake.commit(batch_id, batch_tables(batch_id, batch, articles, rejects=rejects))
                written += 1
            fresh = documents(target + 1_000_000)
            twins = documents(target // 2, prefix="/copies")
            known = median_seconds(lambda: lake.known_doc_keys(d.doc_key for d in fresh), args.repeats)
            new = median_seconds(lambda: lake.extracted(fresh), args.repeats)
            recalled = median_seconds(lambda: lake.extracted(twins), args.repeats)
            assert len(lake.extracted(twins)) == BATCH_DOCUMENTS // 5
            print(f"{target:>8} {target * BATCH_DOCUMENTS:>10} {known * 1000:>13.0f}ms {new * 1000:>14.0f}ms "
                  f"{recalled * 1000:>16.0f}ms")
        lake.close()


if __name__ == "__main__":
    main()
