"""The pipeline flow: fetch/read -> clean -> deduplicate -> group -> lake, then warehouse -> models -> exports.

Documents move in batches (`batch_size_documents`); each stage is one Prefect task run per batch, and
each batch is committed to the lake as a whole before the next one starts. The warehouse and the exports
are rebuilt from the lake once, at the end (unless the run only ingests). Bytes extracted in an earlier
batch are not extracted again (`recall-extraction`). Every task has a time limit; the crawl, the commits
and the build are retried with backoff when they fail for a reason another attempt may cure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice
from pathlib import Path

import duckdb
import httpx
from prefect import Task, flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NONE
from prefect.client.schemas.objects import State, TaskRun
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from copydesk.cluster import DaskPool, dask_pool
from copydesk.config import DEMO_CORPUS, Settings
from copydesk.crashpoints import crash_point
from copydesk.flows import observe
from copydesk.records import (Article, ArticleSource, Candidate, Document, Poll, Reject, StoryMerge,
                              WireLink, utc_now)
from copydesk.tasks.crawl import CrawlResult, Sink, crawl, is_web_input
from copydesk.tasks.dates import PublishedRange
from copydesk.tasks.deduplicate import deduplicate
from copydesk.tasks.extract import clean_batch, shutdown_pool
from copydesk.tasks.read import iter_documents
from copydesk.tasks.stories import StoryIndex, StoryText, place_stories
from copydesk.tasks.wire import WireText, assign_wire, trace_lineage
from copydesk.warehouse.build import BuildReport, build_warehouse
from copydesk.warehouse.exports import EXPORTS_DIR, export_tables
from copydesk.warehouse.lake import Lake, batch_tables, new_batch_id
from copydesk.warehouse.lock import warehouse_lock

LAKE_DIR = "lake"
RETRY_DELAYS_SECONDS = [2, 10]
CRAWL_RETRIES = 2
CRAWL_BACKOFF_SECONDS = 30.0          # before the first retry of a failed crawl; doubled for the next
RETRY_JITTER_FACTOR = 0.5             # retry delays vary by up to this share, so retries do not march in step
# Time limits of one task run: bounds on a stage that hangs, far above what a healthy run takes.
CRAWL_TIMEOUT_SECONDS = 4 * 3600      # the whole crawl, with the batches it hands over on the way
BATCH_STAGE_TIMEOUT_SECONDS = 1800    # one batch through one stage (recall, clean, deduplicate, group, commit)
BUILD_TIMEOUT_SECONDS = 3600          # the warehouse, its models, data tests and exports


def transient(task: Task, task_run: TaskRun, state: State) -> bool:
    """Retry a failure another attempt may cure (network, disk), never a timeout or a failed data test."""
    error = state.result(raise_on_failure=False)
    return (isinstance(error, (OSError, httpx.TransportError, duckdb.IOException))
            and not isinstance(error, TimeoutError))


@dataclass
class RunSummary:
    """What a run did, for the command line and the Prefect artifact."""

    documents_read: int = 0
    already_known: int = 0
    extraction_reused: int = 0
    outside_range: int = 0
    known_urls_skipped: int = 0
    articles_new: int = 0
    wire_relinked: int = 0
    stories_merged: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)
    rejects: Counter[str] = field(default_factory=Counter)
    warehouse: dict[str, int] = field(default_factory=dict)
    trace: observe.RunTrace = field(default_factory=observe.RunTrace)   # ids and stage timings (flows/observe.py)

    def rows(self) -> list[dict[str, object]]:
        rows: list[dict[str, object]] = [
            {"measure": "documents read", "value": self.documents_read},
            {"measure": "already in the lake (skipped)", "value": self.already_known},
            {"measure": "same bytes as before (not extracted)", "value": self.extraction_reused},
            {"measure": "published outside the dates (left)", "value": self.outside_range},
            {"measure": "known URLs not fetched again", "value": self.known_urls_skipped},
            {"measure": "new articles kept", "value": self.articles_new},
            {"measure": "wire copies given an earlier origin", "value": self.wire_relinked},
            {"measure": "stories merged into earlier ones", "value": self.stories_merged},
            {"measure": "exact duplicates (url)", "value": self.duplicates["url"]},
            {"measure": "exact duplicates (content)", "value": self.duplicates["content"]},
            {"measure": "rejects", "value": sum(self.rejects.values())},
        ]
        rows += [{"measure": f"  reject: {reason}", "value": n} for reason, n in sorted(self.rejects.items())]
        rows += [{"measure": f"warehouse {name}", "value": n} for name, n in self.warehouse.items()]
        return rows

    def format(self) -> str:
        return "\n".join(f"{row['measure']:<34} {row['value']:>8}" for row in self.rows())


@task(name="fetch", cache_policy=NONE, timeout_seconds=CRAWL_TIMEOUT_SECONDS, retries=CRAWL_RETRIES,
      retry_delay_seconds=exponential_backoff(CRAWL_BACKOFF_SECONDS), retry_jitter_factor=RETRY_JITTER_FACTOR,
      retry_condition_fn=transient)
def fetch_web(inputs: Sequence[str], lake: Lake, settings: Settings, sink: Sink,
              published: PublishedRange | None = None) -> CrawlResult:
    """Crawl URLs, feeds, sitemaps and sources files; fetched pages (and failures) go to `sink` by batches."""
    return crawl(list(inputs), settings, lake.known_urls, lake.last_polls(), sink, published)


@task(name="recall-extraction", cache_policy=NONE, timeout_seconds=BATCH_STAGE_TIMEOUT_SECONDS)
def recall(documents: Sequence[Document], lake: Lake) -> dict[str, Candidate | Reject]:
    """Find the documents whose bytes an earlier batch extracted, with what they became (by doc_key)."""
    return lake.extracted(documents)


@task(name="clean", cache_policy=NONE, timeout_seconds=BATCH_STAGE_TIMEOUT_SECONDS)
def clean(documents: Sequence[Document], settings: Settings, pool: DaskPool | None = None
          ) -> tuple[list[Candidate], list[Reject]]:
    """Extract text and metadata, detect language: documents to candidates and rejects."""
    cleaned = clean_batch(list(documents), settings, pool)
    crash_point("clean")
    return cleaned


@task(name="deduplicate", cache_policy=NONE, timeout_seconds=BATCH_STAGE_TIMEOUT_SECONDS)
def collapse_duplicates(candidates: Sequence[Candidate], lake: Lake) -> tuple[list[Candidate], list[ArticleSource]]:
    """Collapse exact duplicates against the history and within the batch."""
    known_urls, known_hashes = lake.known_articles((c.url for c in candidates if c.url),
                                                   (c.content_hash for c in candidates))
    return deduplicate(candidates, known_urls, known_hashes)


@task(name="group", cache_policy=NONE, timeout_seconds=BATCH_STAGE_TIMEOUT_SECONDS)
def group(kept: Sequence[Candidate], lake: Lake, settings: Settings, index: StoryIndex,
          pool: DaskPool | None = None) -> tuple[list[Article], list[WireLink], list[StoryMerge]]:
    """Give each new article its wire cluster (against the history in the window), its origin and
    its story; also return the new lineage of stored copies whose cluster a new, earlier copy now
    originates, and the stored stories the batch showed to be one with an earlier story."""
    start = min([c.published_at for c in kept if c.published_at] or [utc_now()])
    history = lake.wire_history(start - timedelta(days=settings.wire_window_days))
    new = [WireText(c.article_id, c.text, c.published_at, c.outlet) for c in kept]
    wire = assign_wire(new, history, pool.sketches if pool else None)
    origins = lake.wire_origins({result.cluster_id for result in wire.values()}, history)
    lineage = trace_lineage(new, wire, origins, lambda clusters: lake.wire_members(clusters, history))
    since = start - timedelta(days=settings.story_window_days)
    active = lake.story_history(since) if index.needs_history(since) else []    # once per run
    placement = place_stories(
        [StoryText(c.article_id, c.title, c.text, c.language, c.published_at, wire[c.article_id].cluster_id)
         for c in kept],
        active, index, lake.wire_stories({result.cluster_id for result in wire.values()}),
        settings.story_window_days)
    stories = placement.stories
    articles = [Article(c.article_id, c, w.cluster_id, stories[c.article_id], link.wire_origin_id,
                        link.wire_similarity, w.agency, w.reused_share, w.signature.tobytes(), w.n_shingles)
                for c in kept for w, link in [(wire[c.article_id], lineage.new[c.article_id])]]
    return articles, lineage.relinked, placement.merges


@task(name="commit-batch", cache_policy=NONE, retries=len(RETRY_DELAYS_SECONDS),
      retry_delay_seconds=RETRY_DELAYS_SECONDS, retry_condition_fn=transient,
      timeout_seconds=BATCH_STAGE_TIMEOUT_SECONDS)
def commit_batch(lake: Lake, documents: Sequence[Document] = (), articles: Sequence[Article] = (),
                 sources: Sequence[ArticleSource] = (), rejects: Sequence[Reject] = (),
                 polls: Sequence[Poll] = (), links: Sequence[WireLink] = (),
                 merges: Sequence[StoryMerge] = ()) -> str:
    """Write the batch to the lake, all tables at once."""
    batch_id = new_batch_id()
    lake.commit(batch_id,
                batch_tables(batch_id, documents, articles, sources, rejects, polls, links, merges))
    return batch_id


@task(name="build-warehouse", cache_policy=NONE, retries=len(RETRY_DELAYS_SECONDS),
      retry_delay_seconds=RETRY_DELAYS_SECONDS, retry_condition_fn=transient, timeout_seconds=BUILD_TIMEOUT_SECONDS)
def build(lake: Lake, warehouse_dir: Path) -> BuildReport:
    """Rebuild the DuckDB warehouse from the lake, run the SQL models and tests, write the exports."""
    report = build_warehouse(lake, warehouse_dir)
    export_tables(report.path, warehouse_dir / EXPORTS_DIR)
    return report


def batched(items: Iterable[Document | Reject], size: int) -> Iterator[list[Document | Reject]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(batch: list[Document | Reject], lake: Lake, settings: Settings, summary: RunSummary,
           seen: set[str], index: StoryIndex, published: PublishedRange | None = None,
           pool: DaskPool | None = None) -> None:
    """Take one batch through clean, deduplicate and group into the lake, skipping what the lake has and
    extracting no bytes twice. With `published`, documents whose article falls outside those days are left
    out of the lake (a later run takes them)."""
    summary.documents_read += len(batch)
    known = lake.known_doc_keys(item.doc_key for item in batch) | seen
    fresh = [item for item in batch if item.doc_key not in known]
    seen.update(item.doc_key for item in fresh)
    summary.already_known += len(batch) - len(fresh)
    observe.lap(summary, "read", len(batch))
    if not fresh:
        return
    documents = [d for d in fresh if isinstance(d, Document)]
    read_rejects = [r for r in fresh if isinstance(r, Reject)]

    recalled = recall(quote(documents), lake)
    unknown = [d for d in documents if d.doc_key not in recalled]
    cleaned, clean_rejects = clean(quote(unknown), settings, pool)
    summary.extraction_reused += len(recalled) + len(unknown) - len({d.extraction_key() for d in unknown})
    order = {d.doc_key: position for position, d in enumerate(documents)}
    candidates = sorted(cleaned + [r for r in recalled.values() if isinstance(r, Candidate)],
                        key=lambda c: order[c.doc_key])
    clean_rejects += [r for r in recalled.values() if isinstance(r, Reject)]
    if published:
        outside = {c.doc_key for c in candidates if c.published_at not in published}
        candidates = [c for c in candidates if c.doc_key not in outside]
        documents = [d for d in documents if d.doc_key not in outside]
        summary.outside_range += len(outside)
    observe.lap(summary, "clean", len(batch))
    kept, sources = collapse_duplicates(quote(candidates), lake)
    observe.lap(summary, "deduplicate", len(batch))
    articles, links, merges = group(quote(kept), lake, settings, index, pool)
    observe.lap(summary, "group", len(batch))
    rejects = read_rejects + clean_rejects
    commit_batch(lake, quote(documents), quote(articles), quote(sources), quote(rejects),
                 links=quote(links), merges=quote(merges))
    observe.lap(summary, "commit", len(batch))

    summary.articles_new += len(articles)
    summary.wire_relinked += len(links)
    summary.stories_merged += len(merges)
    summary.duplicates.update(s.duplicate_kind for s in sources if s.duplicate_kind)
    summary.rejects.update(r.reason for r in rejects)


@flow(name="pipeline", log_prints=True,
      on_failure=[observe.record_failure], on_crashed=[observe.record_failure])
def pipeline(inputs: list[str] | None = None, warehouse_dir: str | None = None, build_warehouse: bool = True,
             published: PublishedRange | None = None) -> RunSummary:
    """Ingest inputs (files, folders, URLs, sources files; the demo corpus when none) into the lake, then
    rebuild the warehouse unless `build_warehouse` is false. `published` keeps the articles published on
    those days only (a backfill: see flows/backfill.py)."""
    settings = Settings.from_env(warehouse_dir=warehouse_dir)
    summary = RunSummary()
    seen: set[str] = set()
    index = StoryIndex()
    inputs = inputs or [str(DEMO_CORPUS)]
    web = [item for item in inputs if is_web_input(item)]
    observe.begin_run(summary, settings, inputs)

    def ingest_all(items: Iterable[Document | Reject]) -> None:
        for batch in batched(items, settings.batch_size_documents):
            ingest(batch, lake, settings, summary, seen, index, published, pool)
            observe.batch_done(summary)

    with (warehouse_lock(settings.warehouse_dir, settings.lock_wait_seconds, get_run_logger().warning),
          dask_pool(settings) as pool):
        lake = Lake(settings.lake or settings.warehouse_dir / LAKE_DIR)
        try:
            if web:
                crawled = fetch_web(web, lake, settings, ingest_all, published)
                summary.known_urls_skipped = crawled.known_skipped
                summary.outside_range += crawled.outside_range
                # last, so that a crash never remembers a feed whose articles were not kept; never after a
                # backfill, which leaves the listings' other articles to the regular runs
                if crawled.polls and published is None:
                    commit_batch(lake, polls=quote(crawled.polls))
            ingest_all(iter_documents([item for item in inputs if item not in web], settings.max_document_bytes))
            observe.stage_began(summary, "build")
            report = build(lake, settings.warehouse_dir) if build_warehouse else None
            observe.lap(summary, "build", 0)
        finally:
            lake.close()
            shutdown_pool()
    summary.warehouse = report.row_counts if report else {}
    create_table_artifact(key="pipeline-summary", table=summary.rows(),
                          description=f"copydesk run into {settings.warehouse_dir}")
    observe.finish_run(summary, settings, built=report is not None)
    return summary
