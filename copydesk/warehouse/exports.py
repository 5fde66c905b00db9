"""Export tables for BI tools: Parquet (zstd) under `DIR/exports/<table>/`, flat columns, UTC timestamps.

`articles` is hive-partitioned by `published_date` (undated articles land in DuckDB's
`__HIVE_DEFAULT_PARTITION__`, read back as NULL) and `outlet_daily` by `day`; the other marts are one file
each. Each table is written to a temporary folder that then replaces the old one, so a reader never sees a
half-written export. Rows stream from DuckDB as Arrow batches and are written by pyarrow with every column
optional: DuckDB's own writer marks a column required when the rows at hand hold no NULL, which would make
the Parquet schema depend on the data of the run.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

EXPORTS_DIR = "exports"
ROWS_PER_BATCH = 50_000
# table -> (query, hive partition column or None)
EXPORTS: dict[str, tuple[str, str | None]] = {
    "articles": ("SELECT a.*, s.published_date FROM articles AS a JOIN stg_articles AS s USING (article_id)",
                 "published_date"),
    "story_summary": ("SELECT * FROM story_summary ORDER BY story_id", None),
    "outlet_summary": ("SELECT * FROM outlet_summary ORDER BY outlet", None),
    "story_outlets": ("SELECT * FROM story_outlets ORDER BY story_id, outlet", None),
    "outlet_daily": ("SELECT * FROM outlet_daily ORDER BY day, outlet", "day"),
    "story_timeline": ("SELECT * FROM story_timeline ORDER BY story_id, hour", None),
}


def export_tables(warehouse_file: Path, exports_dir: Path) -> dict[str, Path]:
    """Write every export from a (closed) warehouse file; return the folder of each."""
    exports_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    con = duckdb.connect(str(warehouse_file), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        for table, (query, partition) in EXPORTS.items():
            written[table] = _export(con, query, partition, exports_dir / table)
    finally:
        con.close()
    return written


def _export(con: duckdb.DuckDBPyConnection, query: str, partition: str | None, folder: Path) -> Path:
    """Write one export into a fresh folder, then swap it in for the old one."""
    token = secrets.token_hex(4)
    tmp = folder.with_name(f".{folder.name}.{token}.tmp")
    old = folder.with_name(f".{folder.name}.{token}.old")
    reader = con.sql(query).to_arrow_reader(ROWS_PER_BATCH)
    schema = pa.schema([f.with_nullable(True) for f in reader.schema])
    batches = pa.RecordBatchReader.from_batches(schema, (batch.cast(schema) for batch in reader))
    options = ds.ParquetFileFormat().make_write_options(compression="zstd")
    hive = {"partitioning": [partition], "partitioning_flavor": "hive"} if partition else {}
    try:
        ds.write_dataset(batches, tmp, format="parquet", basename_template="data_{i}.parquet", file_options=options,
                         **hive)
        if not any(tmp.rglob("*.parquet")):  # no rows: one empty file still carries the schema
            tmp.mkdir(parents=True, exist_ok=True)
            pq.write_table(schema.empty_table(), tmp / "data_0.parquet", compression="zstd")
        if folder.exists():
            os.replace(folder, old)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return folder
