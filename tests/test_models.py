from pathlib import Path

import duckdb
import pytest

from copydesk.warehouse.models import DataTestFailure, ModelError, load_models, run_data_tests, run_models


def write(root: Path, files: dict[str, str]) -> Path:
    for name, sql in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(sql)
    return root


def test_models_run_in_dependency_order_as_views_and_tables(tmp_path: Path) -> None:
    sql = write(tmp_path, {
        "marts/b_summary.sql": "select count(*) as n from stg_a",
        "staging/stg_a.sql": "select x from raw_a",
        "marts/a_report.sql": "select n * 2 as twice from b_summary",
    })
    assert [m.name for m in load_models(sql)] == ["stg_a", "b_summary", "a_report"]
    con = duckdb.connect()
    con.execute("create table raw_a as select * from range(3) t(x)")
    assert run_models(con, sql) == ["stg_a", "b_summary", "a_report"]
    assert con.execute("select twice from a_report").fetchall() == [(6,)]
    kinds = dict(con.execute("select table_name, table_type from information_schema.tables").fetchall())
    assert kinds["stg_a"] == "VIEW" and kinds["b_summary"] == "BASE TABLE"


def test_a_cycle_is_refused(tmp_path: Path) -> None:
    sql = write(tmp_path, {"marts/a.sql": "select * from b", "marts/b.sql": "select * from a"})
    with pytest.raises(ModelError, match="cycle"):
        load_models(sql)


def test_a_broken_model_is_named(tmp_path: Path) -> None:
    sql = write(tmp_path, {"marts/broken.sql": "select nope from nowhere"})
    with pytest.raises(ModelError, match="marts/broken.sql"):
        run_models(duckdb.connect(), sql)


def test_a_failing_data_test_names_itself_and_shows_rows(tmp_path: Path) -> None:
    sql = write(tmp_path, {
        "tests/ids_unique.sql": "select id, count(*) as n from t group by id having count(*) > 1",
        "tests/always_passes.sql": "select 1 where false",
    })
    con = duckdb.connect()
    con.execute("create table t as select * from (values (1), (2), (2)) v(id)")
    with pytest.raises(DataTestFailure, match=r"ids_unique failed: 1 offending rows, first: \{'id': 2, 'n': 2\}$"):
        run_data_tests(con, sql)
    con.execute("delete from t where id = 2")
    assert run_data_tests(con, sql) == ["always_passes", "ids_unique"]
