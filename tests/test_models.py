from pathlib import Path

import duckdb
import pytest

from copydesk.warehouse.models import (DataTestFailure, ModelError, describe_relations, load_models, run_data_tests,
                                       run_models)


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


def test_a_model_named_only_in_a_comment_is_no_dependency(tmp_path: Path) -> None:
    sql = write(tmp_path, {
        "marts/a.sql": "-- built before b, which reads it\nselect 1 as x",
        "marts/b.sql": "select x from a",
    })
    assert [m.name for m in load_models(sql)] == ["a", "b"]


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


DESCRIBED = {
    "staging/stg_a.sql": "select x, x * 2 as y from raw_a",
    "sources/raw_a.yml": "description: The raw rows.\ncolumns:\n  x: A number.\n",
    "staging/stg_a.yml": "description: >\n  The rows,\n  staged.\ninherits: raw_a\ncolumns:\n  y: Twice x.\n",
}


def described_warehouse(tmp_path: Path, files: dict[str, str]) -> tuple[duckdb.DuckDBPyConnection, Path]:
    sql = write(tmp_path, files)
    con = duckdb.connect()
    con.execute("create table raw_a as select * from range(3) t(x)")
    run_models(con, sql)
    return con, sql


def test_descriptions_become_comments_and_views_inherit_what_they_pass_through(tmp_path: Path) -> None:
    con, sql = described_warehouse(tmp_path, DESCRIBED)
    assert describe_relations(con, sql) == ["raw_a", "stg_a"]
    comments = "select table_name, column_name, comment from duckdb_columns() where not internal order by 1, 2"
    assert con.execute(comments).fetchall() == [
        ("raw_a", "x", "A number."), ("stg_a", "x", "A number."), ("stg_a", "y", "Twice x.")]
    assert con.execute("select comment from duckdb_views() where view_name = 'stg_a'").fetchall() == [
        ("The rows, staged.",)]


@pytest.mark.parametrize("change, error", [
    ({"staging/stg_a.yml": "description: Rows.\ncolumns:\n  z: Gone.\n"}, r"staging/stg_a.yml cannot be applied"),
    ({"marts/gone.yml": "description: Nothing.\n"}, r"marts/gone.yml describes gone, which the warehouse does not"),
    ({"staging/stg_a.yml": "description: Rows.\ncolumns:\n  y:\n"}, r"non-empty description for each"),
    ({"staging/stg_a.yml": "columns:\n  y: Twice x.\n"}, r"staging/stg_a.yml needs a `description`"),
    ({"staging/stg_a.yml": "description: Rows.\ninherits: raw_b\n"}, r"inherits from raw_b, which the warehouse"),
    ({"staging/stg_a.yml": "description: Rows.\ninherits: [raw_a]\n"}, r"`inherits` names one relation"),
    ({"staging/stg_a.yml": "description: [Rows\n"}, r"staging/stg_a.yml is not valid YAML"),
], ids=["stale-column", "no-such-relation", "empty-column", "no-description", "no-such-parent", "two-parents",
        "bad-yaml"])
def test_a_wrong_description_is_named(tmp_path: Path, change: dict[str, str], error: str) -> None:
    con, sql = described_warehouse(tmp_path, {**DESCRIBED, **change})
    with pytest.raises(ModelError, match=error):
        describe_relations(con, sql)
