"""The BI exports as the contract promises them: every folder under DIR/exports read back by pyarrow and by
DuckDB, flat UTC-timestamped zstd Parquet in snake_case, whose schemas only gain columns from run to run."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from builders import PARAGRAPHS

from copydesk.flows.pipeline import pipeline

pytestmark = pytest.mark.e2e
CONTRACT_EXPORTS = {"articles", "story_summary", "outlet_summary"}
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
NESTED_OR_UNSIGNED_DUCKDB = re.compile(r"STRUCT|MAP|UNION|\[|\bU(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)\b")


def export_folders(warehouse: Path) -> list[Path]:
    """Every export folder, whatever tables a later version adds (hidden temporary folders left out)."""
    return sorted(p for p in (warehouse / "exports").iterdir() if p.is_dir() and not p.name.startswith("."))


def parquet_files(folder: Path) -> list[Path]:
    files = sorted(folder.rglob("*.parquet"))
    assert files, f"{folder} holds no Parquet file"
    return files


def partition_keys(folder: Path) -> list[str]:
    """The hive partition keys of an export, from its `key=value` folder names, outermost first."""
    keys: list[str] = []
    for file in parquet_files(folder):
        parts = [part.split("=", 1)[0] for part in file.relative_to(folder).parts[:-1]]
        assert all("=" in part for part in file.relative_to(folder).parts[:-1]), file
        keys = keys or parts
        assert parts == keys, f"{file}: partitioned by {parts}, not {keys}"
    return keys


def file_schema(folder: Path) -> list[tuple[str, pa.DataType]]:
    """The columns stored in an export's files, as (name, type); every file must store the same."""
    schemas = {file: [(f.name, f.type) for f in pq.read_schema(file)] for file in parquet_files(folder)}
    first = next(iter(schemas.values()))
    for file, schema in schemas.items():
        assert schema == first, f"{file} stores {schema}, not {first}"
    return first


def read_back(warehouse: Path, folder: Path) -> tuple[pa.Table, list[tuple[str, str]], int]:
    """Read an export with pyarrow (hive partitioning) and with DuckDB; return the table, DuckDB's types, rows."""
    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    con = duckdb.connect()
    try:
        con.execute("SET TimeZone = 'UTC'")
        scan = f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"
        types = [(name, kind) for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()]
        (rows,), = con.execute(f"SELECT count(*) FROM {scan}").fetchall()
    finally:
        con.close()
    return table, types, rows


def warehouse_rows(warehouse: Path, table: str) -> int:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        (count,), = con.execute(f"SELECT count(*) FROM {table}").fetchall()
        return count
    finally:
        con.close()


def check_export(warehouse: Path, folder: Path) -> int:
    """Assert everything the contract promises of one export folder; return its row count."""
    expected_rows = warehouse_rows(warehouse, folder.name)
    table, duck_types, duck_rows = read_back(warehouse, folder)
    assert table.num_rows == duck_rows == expected_rows, folder.name
    for name, kind in duck_types:
        assert SNAKE_CASE.match(name), f"{folder.name}.{name} is not snake_case"
        assert not NESTED_OR_UNSIGNED_DUCKDB.search(kind), f"{folder.name}.{name} is {kind}"
        assert kind != "TIMESTAMP" and not kind.startswith("TIMESTAMP_"), f"{folder.name}.{name} has no zone"
    for field in [*table.schema, *pq.read_schema(parquet_files(folder)[0])]:
        kind = field.type.value_type if pa.types.is_dictionary(field.type) else field.type
        assert not pa.types.is_nested(kind), f"{folder.name}.{field.name} is {field.type}"
        assert not pa.types.is_unsigned_integer(kind), f"{folder.name}.{field.name} is {field.type}"
        if pa.types.is_timestamp(kind):
            assert kind.tz == "UTC", f"{folder.name}.{field.name} is {field.type}"
    for file in parquet_files(folder):
        required = [f.name for f in pq.read_schema(file) if not f.nullable]
        assert not required, f"{file}: {required} written as required, so the schema would follow the data"
        metadata = pq.ParquetFile(file).metadata
        codecs = {metadata.row_group(g).column(c).compression
                  for g in range(metadata.num_row_groups) for c in range(metadata.num_columns)}
        assert codecs <= {"ZSTD"}, f"{file} is compressed with {codecs}"
    return expected_rows


def test_every_export_reads_back_as_the_contract_says(demo_warehouse: Path) -> None:
    folders = export_folders(demo_warehouse)
    assert CONTRACT_EXPORTS <= {f.name for f in folders}
    for folder in folders:
        assert check_export(demo_warehouse, folder) > 0
    assert partition_keys(demo_warehouse / "exports" / "articles") == ["published_date"]


def test_exports_hold_the_warehouse_rows_exactly(demo_warehouse: Path) -> None:
    con = duckdb.connect(str(demo_warehouse / "warehouse.duckdb"), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        for folder in export_folders(demo_warehouse):
            scan = f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"
            columns = ", ".join(name for (name,) in con.execute(
                f"SELECT column_name FROM information_schema.columns WHERE table_name = '{folder.name}' "
                f"AND column_name IN (SELECT column_name FROM (DESCRIBE SELECT * FROM {scan})) "
                "ORDER BY ordinal_position").fetchall())
            for left, right in ((folder.name, scan), (scan, folder.name)):
                difference = con.execute(f"SELECT {columns} FROM {left} EXCEPT ALL SELECT {columns} FROM {right}")
                assert difference.fetchall() == [], f"{folder.name}: rows of {left} missing from {right}"
        mismatched = con.execute(
            "SELECT count(*) FROM read_parquet('" + str(demo_warehouse / "exports" / "articles") +
            "/**/*.parquet', hive_partitioning = true) "
            "WHERE published_date IS DISTINCT FROM CAST(published_at AS DATE)").fetchall()
        assert mismatched == [(0,)]  # the partition is the UTC publication date; undated rows read back as NULL
    finally:
        con.close()


def extra_input(folder: Path) -> Path:
    """Three new articles: one on a new date, one undated from a new outlet, one from a known outlet."""
    folder.mkdir()
    lines = [
        {"text": "\n\n".join(PARAGRAPHS[:2]), "url": "https://www.harbour-times.com/news/strike-day-one",
         "outlet": "harbour-times.com", "title": "Dock workers walk out", "published_at": "2026-03-08T09:30:00+01:00",
         "language": "en"},
        {"text": "\n\n".join(PARAGRAPHS[2:]), "url": "https://www.harbour-times.com/news/ships-diverted",
         "outlet": "harbour-times.com", "title": "Ships diverted as the strike goes on"},
        {"text": "\n\n".join(reversed(PARAGRAPHS)), "url": "https://www.dublin-observer.ie/world/port-elwin-strike",
         "title": "Port Elwin strike: the mayor offers mediation", "published_at": "2026-03-07T23:30:00Z"},
    ]
    path = folder / "more.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return folder


def test_more_input_only_extends_the_export_schemas_and_a_rerun_keeps_them(demo_warehouse: Path,
                                                                           tmp_path: Path) -> None:
    warehouse = tmp_path / "data"
    shutil.copytree(demo_warehouse, warehouse)
    before = {f.name: (file_schema(f), partition_keys(f), warehouse_rows(warehouse, f.name))
              for f in export_folders(warehouse)}

    inputs = extra_input(tmp_path / "more")
    summary = pipeline(inputs=[str(inputs)], warehouse_dir=str(warehouse))
    assert summary.articles_new == 3
    after = {}
    for folder in export_folders(warehouse):
        after[folder.name] = (file_schema(folder), partition_keys(folder), check_export(warehouse, folder))
    assert set(before) <= set(after)
    for name, (schema, keys, _) in before.items():
        new_schema, new_keys, _ = after[name]
        assert new_schema[:len(schema)] == schema, f"{name}: {schema} became {new_schema}"
        assert new_keys == keys, f"{name}: partitioned by {keys}, then by {new_keys}"
    assert after["articles"][2] == before["articles"][2] + 3
    assert (warehouse / "exports" / "articles" / "published_date=2026-03-08").is_dir()

    summary = pipeline(inputs=[str(inputs)], warehouse_dir=str(warehouse))
    assert summary.articles_new == 0
    again = {f.name: (file_schema(f), partition_keys(f), check_export(warehouse, f)) for f in export_folders(warehouse)}
    assert again == after
    # each table: its link, the version it names, the one before (kept for readers until the next
    # export); the copied folders of the demo warehouse (the layout before versions) are gone
    hidden = sorted(p for p in (warehouse / "exports").iterdir() if p.name.startswith("."))
    linked = {os.readlink(folder) for folder in export_folders(warehouse)}
    assert len(hidden) == 2 * len(linked) and linked <= {p.name for p in hidden}
    assert all(p.is_dir() and not p.is_symlink() and p.suffix not in (".tmp", ".old")
               for p in hidden)
