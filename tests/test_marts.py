"""The marts and data tests on a small real warehouse: a lake of a dozen articles, built by the real build.

Five stories: s1 (a wire text copied by two outlets, an outlet's own article, an article with no
outlet, an undated copy), s2 (first reported by an article with no outlet, across midnight UTC), s3
(all undated), s4 (date-only articles, one with no outlet, and timed ones on the same day and the
next), s5 (one date-only article with no outlet).
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pyarrow.types as pt
import pytest

from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.exports import EXPORTS, export_tables
from copydesk.warehouse.lake import SCHEMAS, Lake
from copydesk.warehouse.models import (SQL_DIR, DataTestFailure, data_tests, describe_relations, run_data_test,
                                       run_data_tests, run_models)

BATCH = "20260307T000000000000Z-000001"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=timezone.utc)


# article_id, story_id, wire_cluster_id, outlet, published_at
ARTICLES = [
    ("a1", "s1", "w1", "wire.com", at(2, 8)),
    ("a2", "s1", "w1", "alpha.com", at(2, 8, 30)),
    ("a3", "s1", "w1", "beta.com", at(2, 9, 10)),
    ("a4", "s1", "w2", "alpha.com", at(2, 10)),
    ("a5", "s1", "w3", None, at(2, 11)),
    ("a6", "s1", "w1", "beta.com", None),
    ("b1", "s2", "w4", None, at(3, 23, 30)),
    ("b2", "s2", "w5", "gamma.com", at(4, 0, 15)),
    ("c1", "s3", "w6", "gamma.com", None),
    ("c2", "s3", "w6", "alpha.com", None),
    ("d1", "s4", "w7", None, at(5, 0)),
    ("d2", "s4", "w8", "delta.com", at(5, 9)),
    ("d3", "s4", "w9", "alpha.com", at(5, 0)),
    ("d4", "s4", "w10", "delta.com", at(6, 10)),
    ("e1", "s5", "w11", None, at(6, 0)),
]
DATE_ONLY = {"d1", "d3", "e1"}      # the source gave only the day: stored at midnight UTC


def precision(article_id: str, published_at: datetime | None) -> str | None:
    if published_at is None:
        return None
    return "date" if article_id in DATE_ONLY else "time"


def write_lake(root: Path, stories: dict[str, str] | None = None) -> Lake:
    """Commit the articles (story ids remapped by `stories`, article id -> story), their sources and a reject."""
    articles = [{"article_id": a, "story_id": (stories or {}).get(a, s), "wire_cluster_id": w, "outlet": o,
                 "published_at": p, "published_precision": precision(a, p),
                 "url": f"https://{o or 'unknown.org'}/{a}", "source_uri": f"/in/{a}.html",
                 "title": f"Title {a}", "language": "en", "text": f"text of {a}", "word_count": 3,
                 "content_hash": f"h-{a}", "doc_key": f"k-{a}", "batch_id": BATCH, "ingested_at": at(7, 0),
                 "wire_similarity": 1.0, "reused_share": 0.0} for a, s, w, o, p in ARTICLES]
    sources = [{"source_uri": f"/in/{a['article_id']}.html", "article_id": a["article_id"],
                "duplicate_kind": None, "doc_key": a["doc_key"], "batch_id": BATCH} for a in articles]
    sources.append({"source_uri": "/in/a2-again.html", "article_id": "a2", "duplicate_kind": "url",
                    "doc_key": "k-a2-again", "batch_id": BATCH})
    rejects = [{"source_uri": "/in/broken.html", "stage": "read", "reason": "not_html", "detail": "binary",
                "rejected_at": at(7, 0), "doc_key": "k-broken", "batch_id": BATCH}]
    lake = Lake(root)
    lake.commit(BATCH, {name: pa.Table.from_pylist(rows, schema=SCHEMAS[name]) for name, rows in
                        {"articles": articles, "article_sources": sources, "rejects": rejects}.items()})
    return lake


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("marts")
    return build_warehouse(write_lake(root / "lake"), root).path


@pytest.fixture
def con(warehouse: Path, tmp_path: Path):
    """A writable copy of the built warehouse, for one test to change."""
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse, copy)
    con = duckdb.connect(str(copy))
    con.execute("SET TimeZone = 'UTC'")
    yield con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_story_outlets(con) -> None:
    assert rows(con, "select story_id, outlet, first_article_id, n_articles, n_wire_copies, minutes_behind_first, "
                     "is_first_report, coverage from story_outlets order by story_id, outlet") == [
        ("s1", "alpha.com", "a2", 2, 1, 30.0, False, "mixed"),
        ("s1", "beta.com", "a3", 2, 2, 70.0, False, "wire_copy"),
        ("s1", "wire.com", "a1", 1, 0, 0.0, True, "own_reporting"),
        ("s2", "gamma.com", "b2", 1, 0, 45.0, False, "own_reporting"),
        ("s3", "alpha.com", "c2", 1, 1, None, False, "wire_copy"),
        ("s3", "gamma.com", "c1", 1, 0, None, True, "own_reporting"),
        ("s4", "alpha.com", "d3", 1, 0, None, False, "own_reporting"),
        ("s4", "delta.com", "d2", 2, 0, 0.0, True, "own_reporting"),
    ]
    assert rows(con, "select first_published_at, last_published_at from story_outlets "
                     "where story_id = 's1' and outlet = 'alpha.com'") == [(at(2, 8, 30), at(2, 10))]


def test_outlet_daily(con) -> None:
    assert rows(con, "select outlet, day, n_articles, n_wire_copies, n_first_reports, n_stories "
                     "from outlet_daily order by day, outlet") == [
        ("alpha.com", date(2026, 3, 2), 2, 1, 0, 1),
        ("beta.com", date(2026, 3, 2), 1, 1, 0, 1),
        ("wire.com", date(2026, 3, 2), 1, 0, 1, 1),
        ("gamma.com", date(2026, 3, 4), 1, 0, 0, 1),
        ("alpha.com", date(2026, 3, 5), 1, 0, 0, 1),
        ("delta.com", date(2026, 3, 5), 1, 0, 1, 1),
        ("delta.com", date(2026, 3, 6), 1, 0, 0, 1),
    ]


def test_story_timeline(con) -> None:
    assert rows(con, "select story_id, hour, hours_since_first, n_articles, n_new_outlets, cumulative_articles, "
                     "cumulative_outlets from story_timeline order by story_id, hour") == [
        ("s1", at(2, 8), 0, 2, 2, 2, 2),
        ("s1", at(2, 9), 1, 1, 1, 3, 3),
        ("s1", at(2, 10), 2, 1, 0, 4, 3),
        ("s1", at(2, 11), 3, 1, 0, 5, 3),
        ("s2", at(3, 23), 0, 1, 0, 1, 0),
        ("s2", at(4, 0), 1, 1, 1, 2, 1),
        ("s4", at(5, 9), 0, 1, 1, 1, 1),     # date-only articles have no hour
        ("s4", at(6, 10), 25, 1, 0, 2, 1),
    ]


def test_the_contract_marts_keep_their_meaning(con) -> None:
    assert rows(con, "select story_id, n_articles, n_outlets, first_outlet, n_wire_clusters "
                     "from story_summary order by story_id") == [
        ("s1", 6, 3, "wire.com", 3), ("s2", 2, 1, None, 2), ("s3", 2, 2, "gamma.com", 1),
        ("s4", 4, 2, "delta.com", 4), ("s5", 1, 0, None, 1)]
    assert rows(con, "select outlet, n_articles, n_stories, n_wire_copies, n_first_reports "
                     "from outlet_summary order by outlet") == [
        ("alpha.com", 4, 3, 2, 0), ("beta.com", 2, 1, 2, 0), ("delta.com", 2, 1, 0, 1),
        ("gamma.com", 2, 2, 0, 1), ("wire.com", 1, 1, 0, 1)]


def test_a_date_only_article_never_reports_first_over_a_timed_one_of_its_day(con) -> None:
    """s4: d1 (no outlet) and d3 (alpha.com) give only 5 March, at midnight; d2 came at 09:00."""
    assert rows(con, "select first_article_id, first_outlet, first_published_at, "
                     "first_published_precision from story_summary "
                     "where story_id in ('s4', 's5') order by story_id") == [
        ("d2", "delta.com", at(5, 9), "time"), ("e1", None, at(6, 0), "date")]
    assert rows(con, "select article_id, position_in_story, minutes_behind_first, published_hour "
                     "from int_article_positions where story_id = 's4' "
                     "order by position_in_story") == [
        ("d2", 1, 0.0, at(5, 9)), ("d1", 2, None, None), ("d3", 3, None, None),
        ("d4", 4, 1500.0, at(6, 10))]
    assert rows(con, "select first_published_at, first_published_precision, minutes_behind_first "
                     "from story_outlets where story_id = 's4' and outlet = 'alpha.com'") == [
        (at(5, 0), "date", None)]
    # a2 is 30 and a4 120 minutes behind; d3 (date-only) has no minutes
    assert rows(con, "select median_minutes_behind_first from outlet_summary "
                     "where outlet = 'alpha.com'") == [(75.0,)]


def test_a_story_is_named_after_its_first_titled_article_from_a_known_outlet(con) -> None:
    """s2's first report b1 has no outlet: gamma.com's b2 names it; s5 has none: e1 names it."""
    con.execute("update articles set title = null where article_id = 'a1'")
    assert rows(con, "select story_id, headline from story_summary order by story_id") == [
        ("s1", "Title a1"), ("s2", "Title b2"), ("s3", "Title c1"), ("s4", "Title d2"),
        ("s5", "Title e1")]
    run_models(con)
    assert rows(con, "select headline from story_summary where story_id = 's1'") == [("Title a2",)]


@pytest.mark.parametrize("stories", [
    {a: "one" for a, *_ in ARTICLES},                       # every article in one story
    {a: w for a, _, w, *_ in ARTICLES},                     # one story per wire cluster (the placeholder)
    {"a4": "s2", "a5": "s3", "b1": "s3"},                   # stories regrouped across days and outlets
], ids=["one-story", "per-wire-cluster", "regrouped"])
def test_the_marts_and_data_tests_hold_for_any_story_grouping(tmp_path: Path, stories: dict[str, str]) -> None:
    report = build_warehouse(write_lake(tmp_path / "lake", stories), tmp_path)
    assert report.data_tests == [p.stem for p in data_tests()]
    assert report.row_counts["stories"] == len({stories.get(a, s) for a, s, *_ in ARTICLES})


def test_every_relation_and_column_is_described(con) -> None:
    undescribed = rows(con, "select table_name, column_name from duckdb_columns() "
                            "where database_name = current_database() and comment is null")
    assert undescribed == []
    assert rows(con, "select comment from duckdb_tables() where table_name = 'story_outlets'")[0][0].startswith(
        "One row per story and known outlet")


# Each data test, and a change to the warehouse that breaks what it guards.
BREAKS = {
    "article_sources_duplicate_kind_accepted":
        "update article_sources set duplicate_kind = 'fuzzy' where duplicate_kind is not null",
    "article_sources_kept_copy": "delete from article_sources where article_id = 'a1'",
    "article_sources_relationship":
        "insert into article_sources values ('/in/ghost.html', 'ghost', 'url', 'k-ghost', 'b')",
    "articles_article_id_unique": "insert into articles select * from articles where article_id = 'a1'",
    "articles_in_exactly_one_story":
        "insert into articles select * replace ('s2' as story_id) from articles where article_id = 'a1'",
    "articles_keys_not_null": "update articles set text = null where article_id = 'a1'",
    "articles_language_accepted": "update articles set language = 'english' where article_id = 'a1'",
    "articles_published_precision_accepted":
        "update articles set published_precision = 'date' where article_id = 'a2'",  # at 08:30
    "articles_wire_measures_in_range": "update articles set reused_share = 1.5 where article_id = 'a2'",
    "articles_wire_origin_is_earliest_member": "update articles set wire_origin_id = article_id",
    "articles_wire_origin_similarity_one": "update articles set wire_similarity = 0.5",
    "catalog_described": "comment on column story_timeline.hour is null",
    "documents_accounted_once":
        "insert into rejects select source_uri, 'read', 'not_html', '', now(), doc_key, batch_id "
        "from article_sources where article_id = 'a1'",
    "outlet_daily_counts": "update outlet_daily set n_articles = n_articles + 1 where outlet = 'alpha.com'",
    "outlet_daily_key_not_null": "update outlet_daily set day = null where outlet = 'beta.com'",
    "outlet_daily_key_unique": "insert into outlet_daily select * from outlet_daily where outlet = 'beta.com'",
    "outlet_daily_relationships": "update outlet_daily set outlet = 'nowhere.org' where outlet = 'beta.com'",
    "outlet_summary_outlet_unique":
        "insert into outlet_summary select * from outlet_summary where outlet = 'beta.com'",
    "rejects_not_null": "update rejects set reason = null",
    "rejects_stage_accepted": "update rejects set stage = 'parse'",
    "story_merges_followed": "insert into story_merges values ('s1', 's2', 'batch', now())",
    "story_outlets_counts": "delete from story_outlets where story_id = 's1' and outlet = 'beta.com'",
    "story_outlets_coverage_accepted":
        "update story_outlets set coverage = 'own_reporting' where story_id = 's1' and outlet = 'alpha.com'",
    "story_outlets_in_time_order":
        "update story_outlets set first_published_at = first_published_at - interval 1 day "
        "where story_id = 's1' and outlet = 'beta.com'",
    "story_outlets_key_not_null": "update story_outlets set outlet = null where outlet = 'beta.com'",
    "story_outlets_key_unique": "insert into story_outlets select * from story_outlets where outlet = 'beta.com'",
    "story_outlets_relationships":
        "update story_outlets set first_article_id = 'a3' where story_id = 's1' and outlet = 'alpha.com'",
    "story_summary_counts": "update story_summary set n_outlets = n_articles + 1 where story_id = 's1'",
    "story_summary_first_before_last":
        "update story_summary set first_published_at = last_published_at + interval 1 hour where story_id = 's1'",
    "story_summary_first_report_in_story_order":  # d1, date-only: first by published_at alone
        "update story_summary set first_article_id = 'd1', first_outlet = null, "
        "first_published_at = timestamptz '2026-03-05 00:00:00+00', "
        "first_published_precision = 'date' where story_id = 's4'",
    "story_summary_first_outlet_published_first":
        "update story_summary set first_outlet = 'alpha.com' where story_id = 's1'",
    "story_summary_relationships": "update story_summary set first_outlet = 'nowhere.org' where story_id = 's2'",
    "story_summary_story_id_not_null":
        "insert into story_summary select * replace (null as story_id) from story_summary where story_id = 's1'",
    "story_summary_story_id_unique": "delete from story_summary where story_id = 's3'",
    "story_timeline_counts": "update story_timeline set cumulative_articles = 99 where story_id = 's2'",
    "story_timeline_hours":
        "update story_timeline set hour = hour + interval 30 minute where story_id = 's2' and hours_since_first = 1",
    "story_timeline_key_not_null": "update story_timeline set hour = null where story_id = 's2'",
    "story_timeline_key_unique": "insert into story_timeline select * from story_timeline where story_id = 's2'",
    "story_timeline_relationships": "update story_timeline set story_id = 's9' where story_id = 's2'",
    "wire_cluster_in_one_story": "update articles set story_id = 's2' where article_id = 'a3'",
}


def test_every_data_test_has_a_break() -> None:
    assert sorted(BREAKS) == [p.stem for p in data_tests()]


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_data_test_fails_when_its_invariant_breaks(con, name: str) -> None:
    path = SQL_DIR / "tests" / f"{name}.sql"
    run_data_test(con, path)  # passes on the built warehouse
    con.execute(BREAKS[name])
    with pytest.raises(DataTestFailure, match=rf"data test {name} failed: \d+ offending rows"):
        run_data_test(con, path)


def test_a_story_grouping_that_splits_a_wire_cluster_fails_the_build(con) -> None:
    con.execute("update articles set story_id = 's3' where article_id = 'a6'")
    run_models(con)
    describe_relations(con)
    with pytest.raises(DataTestFailure, match="wire_cluster_in_one_story"):
        run_data_tests(con)


def test_the_new_marts_are_exported_flat_signed_and_in_utc(warehouse: Path, tmp_path: Path) -> None:
    written = export_tables(warehouse, tmp_path / "exports")
    assert set(written) == set(EXPORTS) >= {"story_outlets", "outlet_daily", "story_timeline"}
    assert sorted(p.parent.name for p in (tmp_path / "exports" / "outlet_daily").rglob("*.parquet")) == [
        "day=2026-03-02", "day=2026-03-04", "day=2026-03-05", "day=2026-03-06"]
    for name in ("story_outlets", "outlet_daily", "story_timeline"):
        files = sorted(written[name].rglob("*.parquet"))
        schema = pq.read_schema(files[0])
        assert not [f for f in schema if pt.is_nested(f.type) or pt.is_unsigned_integer(f.type)
                    or (pt.is_timestamp(f.type) and f.type.tz is None)], name
        assert all(f.name == f.name.lower() for f in schema)
    timeline = pq.read_table(written["story_timeline"])
    assert timeline.schema.field("hour").type == pa.timestamp("us", tz="UTC")
    assert timeline.num_rows == 8
