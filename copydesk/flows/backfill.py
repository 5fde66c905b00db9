"""The backfill flow: take the articles of a range of publication days from inputs that hold more.

Inputs are anything `copydesk run` reads: archives (WARC, JSON Lines, folders of pages) and the feeds and
sitemaps of URLs or sources files. A listed article dated outside the days is not fetched; every document
read is extracted, and those whose article was published outside the days, or on no known day, are left out
of the lake, so a later run or backfill over their days takes them. Rejects are kept as in any run.
"""

from __future__ import annotations

from datetime import date

from prefect import flow

from copydesk.flows.pipeline import RunSummary, pipeline
from copydesk.tasks.dates import PublishedRange


@flow(name="backfill", log_prints=True)
def backfill(start: date, end: date, inputs: list[str], warehouse_dir: str | None = None) -> RunSummary:
    """Ingest the articles of `inputs` published from `start` to `end` (UTC days, both included), then rebuild
    the warehouse."""
    return pipeline(inputs=inputs, warehouse_dir=warehouse_dir, published=PublishedRange(start, end))
