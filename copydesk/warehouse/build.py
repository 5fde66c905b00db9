"""Build the DuckDB warehouse from the lake: load the tables, run the models and data tests, swap it in.

The warehouse is rebuilt into a temporary file and renamed over `warehouse.duckdb` only when every model
and data test passed, so readers always see a whole, tested warehouse and a failed build changes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from copydesk.crashpoints import crash_point


from copydesk.warehouse.models import SQL_DIR, describe_relations, run_data_tests, run_models

if TYPE_CHECKING:  # the lake pulls in numpy and scipy: readers (`copydesk sql`, `status`) need not load them
    from copydesk.warehouse.lake import Lake

WAREHOUSE_FILE = "warehouse.duckdb"
# What each loaded table keeps of the lake as it stands now (articles with their latest lineage
# decision and their story as merged):
# every contract column, plus the keys that tie them together.
LOADED_COLUMNS = {
    "articles": "article_id, url, source_uri, outlet, title, author, published_at, language, text, word_count, "
                "wire_cluster_id, story_id, content_hash, doc_key, batch_id, ingested_at, wire_similarity, "
                "wire_agency, reused_share, wire_origin_id, published_precision",
    "article_sources": "source_uri, article_id, duplicate_kind, doc_key, batch_id",
    "rejects": "source_uri, stage, reason, detail, rejected_at, doc_key, batch_id",
    "story_merges": "story_id, merged_into, batch_id, decided_at",
}

COUNTS = {
    "articles": "SELECT count(*) FROM articles",
    "article_sources": "SELECT count(*) FROM article_sources",
    "rejects": "SELECT count(*) FROM rejects",
    "wire_clusters": "SELECT count(DISTINCT wire_cluster_id) FROM articles",
    "stories": "SELECT count(*) FROM story_summary",
    "outlets": "SELECT count(*) FROM outlet_summary",
}


@dataclass(frozen=True)
class BuildReport:
    path: Path
    row_counts: dict[str, int]
    models: list[str]
    data_tests: list[str]


def build_warehouse(lake: Lake, warehouse_dir: Path, sql_dir: Path = SQL_DIR) -> BuildReport:
    """Rebuild `warehouse.duckdb` from the lake's committed batches."""
    target = warehouse_dir / WAREHOUSE_FILE
    tmp = warehouse_dir / f".{WAREHOUSE_FILE}.tmp"
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("SET TimeZone = 'UTC'")
            for table, columns in LOADED_COLUMNS.items():
                try:
                    con.execute(f"CREATE TABLE {table} AS SELECT {columns} FROM {lake.current_sql(table, con)} "
                                f"ORDER BY batch_id")
                except duckdb.Error as err:  # DuckDB's message names the file it could not read
                    from copydesk.warehouse.lake import LakeError  # here: readers of build.py stay light
                    raise LakeError(f"cannot load the lake's {table}: {err}") from err
            crash_point("warehouse-load")
            models = run_models(con, sql_dir)
            describe_relations(con, sql_dir)
            tests = run_data_tests(con, sql_dir)
            counts = {name: con.execute(query).fetchone()[0]  # type: ignore[index]
                      for name, query in COUNTS.items()}
            con.execute("CHECKPOINT")
        finally:
            con.close()
        crash_point("warehouse-swap")
        # a WAL left by a killed writer of the old file would be replayed into the new one: DuckDB
        # refuses it ("WAL does not match database file"); without it the old file is still whole
        target.with_name(target.name + ".wal").unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildReport(target, counts, models, tests)

