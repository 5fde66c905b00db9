from pathlib import Path

import duckdb
import pytest

from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.lake import Lake
from copydesk.warehouse.models import SQL_DIR, DataTestFailure


def test_a_failing_data_test_keeps_the_previous_warehouse(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    report = build_warehouse(lake, tmp_path)
    assert report.data_tests and report.row_counts["articles"] == 0
    before = report.path.read_bytes()

    broken = tmp_path / "sql"
    for layer in ("staging", "intermediate", "marts"):
        (broken / layer).mkdir(parents=True)
        for model in (SQL_DIR / layer).glob("*.sql"):
            (broken / layer / model.name).write_text(model.read_text())
    (broken / "tests").mkdir()
    (broken / "tests" / "always_fails.sql").write_text("select 42 as answer")
    with pytest.raises(DataTestFailure, match="always_fails"):
        build_warehouse(lake, tmp_path, sql_dir=broken)
    assert report.path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp*"))


def test_loaded_tables_have_the_contract_types(tmp_path: Path) -> None:
    report = build_warehouse(Lake(tmp_path / "lake"), tmp_path)
    con = duckdb.connect(str(report.path), read_only=True)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'articles'").fetchall())
    assert types["published_at"] == "TIMESTAMP WITH TIME ZONE" and types["word_count"] == "INTEGER"
    con.close()
