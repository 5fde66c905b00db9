"""Export tables for BI tools: Parquet (zstd) under `DIR/exports/<table>/`, flat columns, UTC timestamps.

`articles` is hive-partitioned by `published_date` (undated articles land in DuckDB's
`__HIVE_DEFAULT_PARTITION__`, read back as NULL) and `outlet_daily` by `day`; the other marts are
one file each. `exports/<table>` is a relative symlink to a version folder beside it
(`.<table>.<token>`): each export is written to a new version folder, then a new link is renamed
over the old one (one atomic rename), so the path always names a whole export. The version named
before stays until the next export starts (a reader that resolved the link finishes on it); then
`recover_exports` removes every version no link names, and whatever a killed run left. Rows stream
from DuckDB as Arrow batches and are written by pyarrow with every column optional: DuckDB's own
writer marks a column required when the rows at hand hold no NULL, which would make the Parquet
schema depend on the data of the run.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from copydesk.crashpoints import crash_point

EXPORTS_DIR = "exports"
TOKEN_BYTES = 4
# `.<table>.<token>`: a version folder; `.tmp`: a link not yet renamed into place; `.old`: a
# folder of the layout before versions (a real directory at `<table>`) moved aside for a link
VERSION_NAME = re.compile(r"\.(?P<table>[a-z0-9_]+)\.[0-9a-f]{%d}(?P<suffix>\.tmp|\.old)?"
                          % (2 * TOKEN_BYTES))
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
    recover_exports(exports_dir)
    written = {}
    con = duckdb.connect(str(warehouse_file), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        for table, (query, partition) in EXPORTS.items():
            written[table] = _export(con, query, partition, exports_dir / table)
    finally:
        con.close()
    return written


def recover_exports(exports_dir: Path) -> list[Path]:
    """Remove the version folders no link names (the previous export, one a killed run wrote) and
    temporary links; put back a folder of the older layout that a killed run moved aside before
    linking its table (`.<table>.<token>.old`). Return what was found."""
    stale = []
    for path in sorted(exports_dir.iterdir()):
        found = VERSION_NAME.fullmatch(path.name)
        if not found:
            continue
        link = exports_dir / found["table"]
        if link.is_symlink() and os.readlink(link) == path.name:
            continue
        stale.append(path)
        if found["suffix"] == ".old" and not os.path.lexists(link):
            os.replace(path, link)
        elif path.is_symlink() or not path.is_dir():
            path.unlink()
        else:
            shutil.rmtree(path)
    return stale


def _export(con: duckdb.DuckDBPyConnection, query: str, partition: str | None, folder: Path) -> Path:
    """Write one export into a new version folder, then link the table's path to it. Its files carry
    the version's token too: a reader that listed the files through the link before a switch cannot
    open the next version's files under the same names, mixing two exports; it fails instead."""
    token = secrets.token_hex(TOKEN_BYTES)
    version = folder.with_name(f".{folder.name}.{token}")
    reader = con.sql(query).to_arrow_reader(ROWS_PER_BATCH)
    schema = pa.schema([f.with_nullable(True) for f in reader.schema])
    batches = pa.RecordBatchReader.from_batches(schema, (batch.cast(schema) for batch in reader))
    options = ds.ParquetFileFormat().make_write_options(compression="zstd")
    hive = {"partitioning": [partition], "partitioning_flavor": "hive"} if partition else {}
    try:
        ds.write_dataset(batches, version, format="parquet", file_options=options,
                         basename_template=f"data_{token}_{{i}}.parquet", **hive)
        if not any(version.rglob("*.parquet")):  # no rows: one empty file still carries the schema
            version.mkdir(parents=True, exist_ok=True)
            pq.write_table(schema.empty_table(), version / f"data_{token}_0.parquet",
                           compression="zstd")
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    _link(folder, version)
    return folder


def _link(folder: Path, version: Path) -> None:
    """Point `folder` at `version` by renaming a new symlink over it. A folder of the older layout
    (a real directory, which a rename cannot replace) is first moved aside: the one moment, once per
    table, when the path names nothing; `recover_exports` puts it back if the run dies there."""
    link = version.with_name(f"{version.name}.tmp")
    os.symlink(version.name, link)
    if folder.is_dir() and not folder.is_symlink():
        os.replace(folder, version.with_name(f"{version.name}.old"))
    crash_point("export-swap")
    os.replace(link, folder)
