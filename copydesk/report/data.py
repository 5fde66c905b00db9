"""Read what the report shows from the warehouse's marts, through a sealed read-only connection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

DEFAULT_TOP_STORIES = 8         # stories drawn as spread timelines, widest first

# The widest stories first: most outlets, then most articles, then the most recent; undated stories cannot be
# drawn on a time axis and are left out.
TOP_STORIES_SQL = """
select story_id, headline, n_articles, n_outlets, languages, first_published_at,
       first_published_precision, last_published_at, first_outlet, n_wire_clusters
from story_summary
where first_published_at is not null
order by n_outlets desc, n_articles desc, first_published_at desc, story_id
limit $top
"""

# Every article of the chosen stories, with its place in its story and wire cluster (the marts' own
# definitions), in story order.
STORY_ARTICLES_SQL = """
select story_id, is_date_only, article_id, outlet, published_at, published_precision, title, url,
       language, is_wire_copy, is_first_report, wire_origin_id, wire_agency, minutes_behind_first
from int_article_positions
where list_contains($stories, story_id)
order by story_id, position_in_story
"""

OUTLETS_SQL = """
select outlet, n_articles, n_stories, n_first_reports, n_wire_copies, wire_copy_share,
       median_minutes_behind_first, languages
from outlet_summary
order by n_first_reports desc, median_minutes_behind_first asc nulls last, n_articles desc, outlet
"""

OUTLET_DAILY_SQL = """
select outlet, day, n_articles, n_wire_copies
from outlet_daily
order by outlet, day
"""

LANGUAGES_SQL = """
select language, count(*) as n_articles
from articles
group by all
order by n_articles desc, language
"""

TOTALS_SQL = """
with article_totals as (
    select
        count(*) as n_articles,
        count(*) filter (where outlet is null) as n_without_outlet,
        count(*) filter (where published_at is null) as n_undated,
        min(published_at) as first_published_at,
        arg_min_null(published_precision, published_at) as first_published_precision,
        max(published_at) as last_published_at,
        arg_max_null(published_precision, published_at) as last_published_precision,
        max(ingested_at) as last_ingested_at
    from articles
),

story_totals as (
    select
        count(*) as n_stories,
        count(*) filter (where languages like '%,%') as n_multilingual_stories,
        count(*) filter (where n_outlets >= 2) as n_shared_stories
    from story_summary
),

outlet_totals as (
    select count(*) as n_outlets, coalesce(sum(n_wire_copies), 0) as n_wire_copies
    from outlet_summary
)

select * from article_totals, story_totals, outlet_totals
"""


@dataclass(frozen=True)
class Mark:
    """One article drawn on a story's timeline: one with a time of day, or its first report."""

    article_id: str
    outlet: str | None
    published_at: datetime
    published_precision: str | None     # `date`: only the day is known (published_at: its midnight)
    title: str | None
    url: str | None
    language: str
    is_wire_copy: bool          # repeats wire text published earlier
    is_first_report: bool       # the story's first report
    wire_origin_id: str         # the earliest copy of its wire text (its own id when it is the origin)
    wire_agency: str | None
    minutes_behind_first: float


@dataclass(frozen=True)
class Lane:
    """One outlet's articles on a story (outlet None: articles whose outlet is unknown)."""

    outlet: str | None
    marks: tuple[Mark, ...]

    @property
    def minutes_behind_first(self) -> float:
        return self.marks[0].minutes_behind_first

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({m.language for m in self.marks}))


@dataclass(frozen=True)
class StoryTimeline:
    story_id: str
    headline: str | None
    n_articles: int
    n_outlets: int
    languages: str
    first_published_at: datetime
    first_published_precision: str | None
    last_published_at: datetime
    first_outlet: str | None
    n_wire_clusters: int
    lanes: tuple[Lane, ...]     # in order of each lane's first article
    n_undated: int              # articles of the story with no publication time (not drawn)
    n_date_only: int            # articles with only a day, other than the first report (not drawn)

    @property
    def marks(self) -> tuple[Mark, ...]:
        return tuple(m for lane in self.lanes for m in lane.marks)


@dataclass(frozen=True)
class OutletRow:
    outlet: str
    n_articles: int
    n_stories: int
    n_first_reports: int
    n_wire_copies: int
    wire_copy_share: float
    median_minutes_behind_first: float | None
    languages: str
    daily: dict[date, tuple[int, int]]     # day -> (articles, wire copies)


@dataclass(frozen=True)
class Totals:
    n_articles: int
    n_without_outlet: int
    n_undated: int
    first_published_at: datetime | None
    first_published_precision: str | None
    last_published_at: datetime | None
    last_published_precision: str | None
    last_ingested_at: datetime | None
    n_stories: int
    n_multilingual_stories: int
    n_shared_stories: int       # stories that at least two outlets published
    n_outlets: int
    n_wire_copies: int          # articles of known outlets that repeat earlier wire text


@dataclass(frozen=True)
class ReportData:
    totals: Totals
    stories: tuple[StoryTimeline, ...]
    outlets: tuple[OutletRow, ...]
    languages: tuple[tuple[str, int], ...]     # (language code, articles), most articles first


def read_report(con: duckdb.DuckDBPyConnection, top_stories: int = DEFAULT_TOP_STORIES) -> ReportData:
    """Read the totals, the top stories with their articles, the outlets and the language mix."""
    totals = Totals(*con.execute(TOTALS_SQL).fetchone())
    return ReportData(totals=totals, stories=read_stories(con, top_stories), outlets=read_outlets(con),
                      languages=tuple(con.execute(LANGUAGES_SQL).fetchall()))


def read_stories(con: duckdb.DuckDBPyConnection, top_stories: int) -> tuple[StoryTimeline, ...]:
    """Read the `top_stories` widest stories, each with its articles that have a time of day (and
    its first report) in lanes per outlet; undated and other date-only articles are only counted."""
    stories = con.execute(TOP_STORIES_SQL, {"top": top_stories}).fetchall()
    marks: dict[str, list[Mark]] = {}
    undated: dict[str, int] = {}
    date_only: dict[str, int] = {}
    rows = con.execute(STORY_ARTICLES_SQL, {"stories": [s[0] for s in stories]}).fetchall()
    for story_id, is_date_only, *fields in rows:
        mark = Mark(*fields)
        if mark.published_at is None:
            undated[story_id] = undated.get(story_id, 0) + 1
        elif is_date_only and not mark.is_first_report:
            date_only[story_id] = date_only.get(story_id, 0) + 1
        else:
            marks.setdefault(story_id, []).append(mark)
    return tuple(StoryTimeline(*story, lanes=lanes(marks.get(story[0], [])),
                               n_undated=undated.get(story[0], 0),
                               n_date_only=date_only.get(story[0], 0))
                 for story in stories)


def lanes(marks: list[Mark]) -> tuple[Lane, ...]:
    """Group a story's marks by outlet, lanes in order of their first article (marks come in time order)."""
    by_outlet: dict[str | None, list[Mark]] = {}
    for mark in marks:
        by_outlet.setdefault(mark.outlet, []).append(mark)
    return tuple(Lane(outlet, tuple(group)) for outlet, group in by_outlet.items())


def read_outlets(con: duckdb.DuckDBPyConnection) -> tuple[OutletRow, ...]:
    """Read the outlet leaderboard, most first reports first, with each outlet's output per day."""
    daily: dict[str, dict[date, tuple[int, int]]] = {}
    for outlet, day, n_articles, n_wire_copies in con.execute(OUTLET_DAILY_SQL).fetchall():
        daily.setdefault(outlet, {})[day] = (n_articles, n_wire_copies)
    return tuple(OutletRow(*row, daily=daily.get(row[0], {})) for row in con.execute(OUTLETS_SQL).fetchall())
