"""What one run added to the warehouse: new articles per outlet, rejects by reason, the top new stories.

A run's rows are those of the lake batches it committed: their `batch_id` sorts at or after the run's
`first_batch_id` (one run writes a warehouse at a time). Read from the warehouse the run just built.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

TOP_STORIES = 10   # new stories listed per run, widest first

OUTLETS_SQL = """
with new_articles as (
    select p.outlet, p.is_wire_copy, p.is_first_report
    from int_article_positions as p
    inner join articles as a using (article_id)
    where a.batch_id >= $first_batch_id
)

select
    coalesce(outlet, '(no outlet)') as outlet,
    count(*) as new_articles,
    count(*) filter (where is_wire_copy) as wire_copies,
    count(*) filter (where is_first_report) as first_reports
from new_articles
group by all
order by new_articles desc, outlet
"""

REJECTS_SQL = """
select
    stage,
    reason,
    count(*) as documents,
    min(source_uri) as example_source,
    arg_min(detail, source_uri) as example_detail
from rejects
where batch_id >= $first_batch_id
group by all
order by documents desc, stage, reason
"""

# A story is new when its first article came in this run; widest first: outlets, then articles
STORIES_SQL = """
with new_stories as (
    select story_id
    from articles
    group by story_id
    having min(batch_id) >= $first_batch_id
)

select s.headline, s.n_outlets, s.n_articles, s.first_outlet, s.first_published_at, s.story_id
from story_summary as s
inner join new_stories using (story_id)
order by s.n_outlets desc, s.n_articles desc, s.first_published_at nulls last, s.story_id
limit $top_stories
"""

GROUPS_SQL = """
with firsts as (
    select
        story_id,
        wire_cluster_id,
        batch_id,
        min(batch_id) over (partition by story_id) as story_first_batch,
        min(batch_id) over (partition by wire_cluster_id) as cluster_first_batch
    from articles
)

select
    count(distinct story_id) as stories,
    count(distinct story_id) filter (where story_first_batch >= $first_batch_id) as new_stories,
    count(distinct wire_cluster_id) as wire_clusters,
    count(distinct wire_cluster_id) filter (where cluster_first_batch >= $first_batch_id) as new_wire_clusters
from firsts
where batch_id >= $first_batch_id
"""


@dataclass(frozen=True)
class Story:
    headline: str | None
    outlets: int
    articles: int
    first_outlet: str | None
    first_published_at: datetime | None
    story_id: str


@dataclass(frozen=True)
class RunDigest:
    outlets: list[dict[str, object]]    # outlet, new_articles, wire_copies, first_reports
    rejects: list[dict[str, object]]    # stage, reason, documents, example_source, example_detail
    top_stories: list[Story]
    stories: int                        # stories the new articles joined or started
    new_stories: int                    # stories whose first article came in this run
    wire_clusters: int                  # wire clusters the new articles belong to
    new_wire_clusters: int

    @property
    def wire_copies(self) -> int:
        return sum(int(row["wire_copies"]) for row in self.outlets)  # type: ignore[call-overload]

    @property
    def first_reports(self) -> int:
        return sum(int(row["first_reports"]) for row in self.outlets)  # type: ignore[call-overload]


def query_rows(con: duckdb.DuckDBPyConnection, sql: str, **params: object) -> list[dict[str, object]]:
    """Run a query with named parameters; its rows as dicts."""
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def run_digest(con: duckdb.DuckDBPyConnection, first_batch: str, top_stories: int = TOP_STORIES) -> RunDigest:
    """Summarise the rows of the batches at or after `first_batch` in an open warehouse."""
    (groups,) = query_rows(con, GROUPS_SQL, first_batch_id=first_batch)
    stories = [Story(r["headline"], r["n_outlets"], r["n_articles"], r["first_outlet"],  # type: ignore[arg-type]
                     r["first_published_at"], r["story_id"])
               for r in query_rows(con, STORIES_SQL, first_batch_id=first_batch, top_stories=top_stories)]
    return RunDigest(query_rows(con, OUTLETS_SQL, first_batch_id=first_batch),
                     query_rows(con, REJECTS_SQL, first_batch_id=first_batch), stories,
                     int(groups["stories"]), int(groups["new_stories"]),  # type: ignore[call-overload]
                     int(groups["wire_clusters"]), int(groups["new_wire_clusters"]))  # type: ignore[call-overload]
