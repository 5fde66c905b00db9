"""Measure the warehouse build (load from the lake, models, descriptions, data tests) on a synthetic lake.

For each size N one lake batch is written with N articles (deterministic, no text to speak of): 500 outlets,
wire clusters of 3 articles and stories of 12, 1 article in 37 with no outlet and 1 in 53 undated,
publication times spread over 60 days; one kept `article_sources` row per article. The lake is kept between
runs in --work.

Timed: `copydesk.warehouse.build.build_warehouse` end to end (best of --repeat; wall seconds, and CPU
seconds of all the process's threads, which a shared machine disturbs less), then on a copy of the built
file `run_models`, `describe_relations` and each `run_data_test`, so the slowest models and tests show.
`--intermediate-table` builds `sql/intermediate/` as tables instead of views, and `--sql DIR` takes the
models and tests from another `sql/` folder (`git archive REV copydesk/sql | tar -x -C DIR`), for comparison.

Run from the repository root (about 3 minutes for the default sizes on 2 idle cores):

    .venv/bin/python -m benchmarks.warehouse_build [--sizes 100000,1000000] [--repeat 2]
        [--work /tmp/copydesk-warehouse-bench] [--intermediate-table] [--sql DIR/copydesk/sql]
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from copydesk.warehouse import models
from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.lake import SCHEMAS, Lake

OUTLETS = 500
WIRE_CLUSTER_ARTICLES = 3
STORY_ARTICLES = 12
NO_OUTLET_EVERY = 37
UNDATED_EVERY = 53
SPREAD_SECONDS = 60 * 86_400
BATCH = "20260101T000000000000Z-000001"
SLOWEST_SHOWN = 5

ARTICLES_SQL = f"""
select
    'a' || i as article_id,
    'https://o' || (i % {OUTLETS}) || '.com/' || i as url,
    '/in/' || i || '.html' as source_uri,
    case when i % {NO_OUTLET_EVERY} <> 0 then 'o' || (i % {OUTLETS}) || '.com' end as outlet,
    'title ' || i as title,
    case when i % {UNDATED_EVERY} <> 0
        then timestamptz '2026-01-01 00:00:00+00' + to_seconds((i * 7919) % {SPREAD_SECONDS}) end as published_at,
    'en' as language,
    'text ' || i as text,
    2 as word_count,
    'w' || (i // {WIRE_CLUSTER_ARTICLES}) as wire_cluster_id,
    's' || (i // {STORY_ARTICLES}) as story_id,
    'h' || i as content_hash,
    'k' || i as doc_key,
    '{BATCH}' as batch_id,
    timestamptz '2026-03-01 00:00:00+00' as ingested_at,
    1.0 as wire_similarity,
    0.0 as reused_share
from range({{n}}) as t(i)
"""
SOURCES_SQL = (f"select '/in/' || i || '.html' as source_uri, 'a' || i as article_id, "
               f"null as duplicate_kind, 'k' || i as doc_key, '{BATCH}' as batch_id from range({{n}}) as t(i)")


def _in_schema(table: pa.Table, schema: pa.Schema) -> pa.Table:
    return pa.table({f.name: table.column(f.name).cast(f.type) if f.name in table.column_names
                     else pa.nulls(table.num_rows, f.type) for f in schema}, schema=schema)


def write_lake(root: Path, n: int) -> Lake:
    """The synthetic lake of n articles (written once, then reused)."""
    lake = Lake(root)
    if not lake.batch_ids:
        con = duckdb.connect()
        tables = {"articles": con.sql(ARTICLES_SQL.format(n=n)).to_arrow_table(),
                  "article_sources": con.sql(SOURCES_SQL.format(n=n)).to_arrow_table()}
        lake.commit(BATCH, {name: _in_schema(t, SCHEMAS[name]) for name, t in tables.items()}
                    | {"rejects": SCHEMAS["rejects"].empty_table()})
        con.close()
    return lake


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def cpu_timed(call) -> tuple[float, float]:
    """Wall and CPU seconds (all threads of this process) of a call."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(n: int, work: Path, repeat: int, sql_dir: Path) -> None:
    folder = work / f"n{n}"
    lake = write_lake(folder / "lake", n)
    build, build_cpu = min(cpu_timed(lambda: build_warehouse(lake, folder, sql_dir)) for _ in range(repeat))
    size_mib = (folder / "warehouse.duckdb").stat().st_size / 2**20
    copy = folder / "profile.duckdb"
    shutil.copy(folder / "warehouse.duckdb", copy)
    con = duckdb.connect(str(copy))
    con.execute("SET TimeZone = 'UTC'")
    for model in reversed(models.load_models(sql_dir)):  # a fresh build replaces nothing
        con.execute(f"drop {model.materialization} {model.name}")
    model_seconds, _ = timed(lambda: models.run_models(con, sql_dir))
    describe_seconds, _ = timed(lambda: models.describe_relations(con, sql_dir))
    tests = {path.stem: timed(lambda p=path: models.run_data_test(con, p))[0]
             for path in models.data_tests(sql_dir)}
    con.close()
    copy.unlink()
    slowest = ", ".join(f"{name} {seconds:.2f}" for name, seconds in
                        sorted(tests.items(), key=lambda kv: -kv[1])[:SLOWEST_SHOWN])
    print(f"| {n:,} | {build:.1f} | {build_cpu:.1f} | {size_mib:.0f} | {model_seconds:.1f} | {describe_seconds:.2f} | {sum(tests.values()):.1f} "
          f"({len(tests)}) | {slowest} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/copydesk-warehouse-bench"))
    parser.add_argument("--intermediate-table", action="store_true")
    parser.add_argument("--sql", type=Path, default=models.SQL_DIR, help="the sql/ folder (e.g. an older one)")
    args = parser.parse_args()
    if args.intermediate_table:
        models.MATERIALIZATION["intermediate"] = "TABLE"
    print("| articles | build s (best) | build CPU s | file MiB | models s | describe s | data tests s (n) "
          "| slowest tests s |")
    print("|---|---|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        measure(n, args.work, args.repeat, args.sql)


if __name__ == "__main__":
    main()
