"""Write the warehouse's data dictionary (Markdown) from its catalog: every table, view and column, with its
type and the description the build wrote into it, and the data tests that guard them.

    python -m copydesk.warehouse.dictionary DIR > docs/warehouse.md     (DIR holds warehouse.duckdb)

The text depends only on the catalog and `sql/`, never on the data, so any built warehouse gives the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from copydesk.warehouse.build import WAREHOUSE_FILE
from copydesk.warehouse.exports import EXPORTS, EXPORTS_DIR
from copydesk.warehouse.models import CATALOG, SQL_DIR, SOURCES, data_tests, load_descriptions

SECTIONS = {  # layer -> heading, in the order an analyst reads them
    "marts": "Marts (tables, rebuilt from `sql/marts/` on every run)",
    SOURCES: "Loaded tables (from the lake)",
    "intermediate": "Intermediate views (`sql/intermediate/`)",
    "staging": "Staging views (`sql/staging/`)",
}
RELATIONS = (f"select table_name, 'table', comment from duckdb_tables() where {CATALOG} "
             f"union all select view_name, 'view', comment from duckdb_views() where {CATALOG} and not internal "
             f"order by 1")
COLUMNS = (f"select column_name, data_type, comment from duckdb_columns() where {CATALOG} and table_name = ? "
           f"order by column_index")
HEADER = """# Warehouse data dictionary

Generated from the catalog of a built `warehouse.duckdb` by
`python -m copydesk.warehouse.dictionary DIR > docs/warehouse.md`; do not edit by hand. The descriptions
live in the `.yml` file beside each model in `copydesk/sql/` (the loaded tables' in `sql/sources/`), and
tests/test_demo.py fails when this page differs from what the demo warehouse generates.
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _export(name: str) -> str:
    if name not in EXPORTS:
        return ""
    partition = EXPORTS[name][1]
    how = f", hive-partitioned by `{partition}`" if partition else ""
    return f"\nExported to `DIR/{EXPORTS_DIR}/{name}/` (Parquet, zstd{how}).\n"


def _test_description(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    comment = []
    for line in lines:
        if not line.startswith("--"):
            break
        comment.append(line.removeprefix("--").strip())
    return " ".join(comment)


def data_dictionary(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> str:
    """Render the dictionary of the warehouse open on `con`."""
    layers = {doc.name: doc.layer for doc in load_descriptions(sql_dir)}
    relations = con.execute(RELATIONS).fetchall()
    out = [HEADER]
    for layer, heading in {**SECTIONS, None: "Other relations (not described in `sql/`)"}.items():
        chosen = [r for r in relations if layers.get(r[0]) == layer]
        if not chosen:
            continue
        out.append(f"## {heading}\n")
        for name, kind, comment in chosen:
            out.append(f"### `{name}` ({kind})\n\n{comment or '(no description)'}\n{_export(name)}")
            out.append("| column | type | description |\n|---|---|---|")
            out.extend(f"| `{column}` | {data_type} | {_cell(text)} |"
                       for column, data_type, text in con.execute(COLUMNS, [name]).fetchall())
            out.append("")
    out.append("## Data tests (`sql/tests/`: each query must return no rows, or the build fails)\n")
    out.append("| test | checks |\n|---|---|")
    out.extend(f"| `{path.stem}` | {_cell(_test_description(path))} |" for path in data_tests(sql_dir))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m copydesk.warehouse.dictionary DIR", file=sys.stderr)
        return 2
    path = Path(args[0]) / WAREHOUSE_FILE
    if not path.exists():
        print(f"no warehouse at {path}: run `copydesk run --warehouse {args[0]}` first", file=sys.stderr)
        return 1
    con = duckdb.connect(str(path), read_only=True)
    try:
        sys.stdout.write(data_dictionary(con))
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
