from pathlib import Path

import duckdb
import pytest

from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.dictionary import data_dictionary, main
from copydesk.warehouse.lake import Lake


@pytest.fixture(scope="module")
def warehouse_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dictionary")
    build_warehouse(Lake(root / "lake"), root)
    return root


def test_the_dictionary_lists_every_relation_and_column_with_type_and_description(
        warehouse_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(warehouse_dir)]) == 0
    text = capsys.readouterr().out
    con = duckdb.connect(str(warehouse_dir / "warehouse.duckdb"), read_only=True)
    columns = con.execute("select table_name, column_name, data_type, comment from duckdb_columns() "
                          "where database_name = current_database()").fetchall()
    con.close()
    assert len(columns) > 100
    for table, column, data_type, comment in columns:
        assert f"| `{column}` | {data_type} | {comment.replace('|', chr(92) + '|')} |" in text, (table, column)
    assert text.index("## Marts") < text.index("### `story_timeline` (table)") < text.index("## Loaded tables")
    assert "Exported to `DIR/exports/outlet_daily/` (Parquet, zstd, hive-partitioned by `day`)." in text
    assert "| `story_outlets_coverage_accepted` | coverage is wire_copy, own_reporting or mixed" in text


def test_an_undescribed_relation_is_listed_apart(warehouse_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "warehouse.duckdb"
    copy.write_bytes((warehouse_dir / "warehouse.duckdb").read_bytes())
    con = duckdb.connect(str(copy))
    con.execute("create view scratch as select 1 as x")
    text = data_dictionary(con)
    con.close()
    assert "## Other relations (not described in `sql/`)\n\n### `scratch` (view)\n\n(no description)" in text


def test_a_missing_warehouse_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 1
    assert "no warehouse at" in capsys.readouterr().err
    assert main([]) == 2
