"""The seal of `copydesk sql`: only reads run, nothing is written next to the warehouse, and
control characters in cell values never reach the terminal raw."""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from test_cli import copydesk

from copydesk.cli import main
from copydesk.warehouse.build import WAREHOUSE_FILE, build_warehouse
from copydesk.warehouse.lake import Lake
from copydesk.warehouse.query import open_warehouse

READS_ONLY = "copydesk: refused: copydesk sql runs only reads ("
COPY_OUT = "COPY (select 'x' as a) TO '{w}{suffix}' (FORMAT csv, USE_TMP_FILE false)"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty warehouse as a first run leaves it: every table there, no rows."""
    warehouse = tmp_path_factory.mktemp("pristine")
    build_warehouse(Lake(warehouse / "lake"), warehouse)
    return warehouse


@pytest.fixture
def warehouse(pristine: Path, tmp_path: Path) -> Path:
    """A copy of the pristine warehouse that a test may try to damage."""
    shutil.copytree(pristine, tmp_path / "warehouse")
    return tmp_path / "warehouse"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` with its bytes (None for a folder)."""
    return {str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes()
            for p in sorted(folder.rglob("*"))}


def sql(warehouse: Path, query: str, capsys: pytest.CaptureFixture[str],
        *args: str) -> tuple[int, str, str]:
    status = main(["sql", query, "--warehouse", str(warehouse), *args])
    out, err = capsys.readouterr()
    return status, out, err


def copy_out(suffix: str) -> str:
    return COPY_OUT.replace("{suffix}", suffix)


# (statement, the type the refusal names); {w} is the warehouse file, {d} its folder.
ATTACKS = [
    (copy_out(""), "COPY"),                      # DuckDB allows its own file: this overwrote it
    (copy_out(".wal"), "COPY"),                  # ... and its write-ahead log
    (copy_out(".wal.checkpoint"), "COPY"),
    (copy_out(".wal.recovery"), "COPY"),
    ("EXPORT DATABASE '{w}.tmp'", "EXPORT"),     # ... and its temporary directory
    ("COPY articles FROM '{w}'", "COPY"),
    ("COPY FROM DATABASE warehouse TO other", "PRAGMA"),
    ("IMPORT DATABASE '{d}'", "PRAGMA"),
    ("EXPLAIN ANALYZE " + copy_out(".wal"), "EXPLAIN of anything but a SELECT"),  # runs the COPY
    ("EXPLAIN /* hidden */ ANALYZE " + copy_out(".wal"), "EXPLAIN of anything but a SELECT"),
    ("explain " + copy_out(".wal"), "EXPLAIN of anything but a SELECT"),
    ("EXPLAIN (FORMAT json) " + copy_out(".wal"), "EXPLAIN of anything but a SELECT"),
    ("PREPARE p AS " + copy_out(".wal") + "; EXECUTE p", "PREPARE (statement 1)"),
    ("EXECUTE p", "EXECUTE"),
    ("select 1; " + copy_out(".wal"), "COPY (statement 2)"),
    ("select 1;\n-- a comment\n" + copy_out("") + ";\nselect 2", "COPY (statement 2)"),
    ("CHECKPOINT", "CALL"),
    ("FORCE CHECKPOINT", "CALL"),
    ("CALL pragma_version()", "CALL"),
    ("VACUUM", "VACUUM"),
    ("ANALYZE", "VACUUM"),
    ("BEGIN TRANSACTION", "TRANSACTION"),
    ("SET VARIABLE x = 1", "SET"),
    ("SET profiling_output = '{w}.wal'", "SET"),
    ("PRAGMA profiling_output = '{w}.wal'", "SET"),
    ("SET log_query_path = '{w}.wal'", "SET"),
    ("SET temp_directory = '{d}'", "SET"),
    ("RESET lock_configuration", "SET"),
    ("USE warehouse", "SET"),
    ("PRAGMA enable_profiling", "PRAGMA"),
    ("PRAGMA version", "PRAGMA"),
    ("CREATE TEMP TABLE t AS SELECT 1", "CREATE"),
    ("CREATE MACRO m(x) AS x", "CREATE"),
    ("INSERT INTO rejects (source_uri) VALUES ('x')", "INSERT"),
    ("UPDATE articles SET title = 'x'", "UPDATE"),
    ("DELETE FROM articles", "DELETE"),
    ("MERGE INTO articles USING (select 1 as a) s ON true WHEN MATCHED THEN DELETE", "MERGE_INTO"),
    ("DROP TABLE articles", "DROP"),
    ("ALTER TABLE articles ADD COLUMN z INTEGER", "ALTER"),
    ("ATTACH '{w}.wal' AS other", "ATTACH"),
    ("DETACH warehouse", "DETACH"),
    ("INSTALL json", "LOAD"),
    ("LOAD json", "LOAD"),
    ("UPDATE EXTENSIONS", "a statement of unknown type"),
    ("PIVOT articles ON outlet USING count(*)", "MULTI"),  # creates a type first
]


@pytest.mark.parametrize("statement", [
    "with gone as (delete from articles returning *) select count(*) from gone",
    "with added as (insert into rejects (source_uri) values ('x') returning *) select * from added",
    "with changed as (update articles set title = 'x' returning *) select * from changed",
])
def test_a_select_with_a_writing_cte_is_refused_by_the_read_only_warehouse(warehouse: Path, capsys,
                                                                           statement: str) -> None:
    before = snapshot(warehouse)
    status, out, err = sql(warehouse, statement, capsys)
    assert (status, out) == (1, "")
    assert err.startswith("copydesk: refused: the warehouse is open read-only: ")
    assert err.count("\n") == 1 and snapshot(warehouse) == before


@pytest.mark.parametrize("statement, refused", ATTACKS, ids=[a for a, _ in ATTACKS])
def test_a_statement_that_is_not_a_read_is_refused_and_changes_nothing(warehouse: Path, capsys,
                                                                      statement: str,
                                                                      refused: str) -> None:
    before = snapshot(warehouse)
    query = statement.replace("{w}", str(warehouse / WAREHOUSE_FILE)).replace("{d}", str(warehouse))
    status, out, err = sql(warehouse, query, capsys)
    assert (status, out) == (1, "")
    assert err.startswith(READS_ONLY) and err.endswith(f"), not {refused}\n")
    assert err.count("\n") == 1
    assert snapshot(warehouse) == before


READS = [
    "select count(*) as n from articles",
    "FROM articles",
    "with t as (select 1 as one) select * from t",
    "values (1, 'a'), (2, 'b')",
    "table rejects",
    "describe articles",
    "show tables",
    "summarize rejects",
    "pivot (values ('a', 1), ('b', 2)) t(k, v) on k in ('a', 'b') using sum(v)",
    "explain select count(*) from articles",
    "EXPLAIN ANALYZE select count(*) from articles",
    "-- a comment first\nexplain analyse (select 1)",
    "select 1; select 2 as two",
    "select * from checkpoint()",  # a SELECT: on a database open read-only it writes nothing
]


@pytest.mark.parametrize("query", READS)
def test_reads_still_run_and_write_nothing(warehouse: Path, capsys, query: str) -> None:
    before = snapshot(warehouse)
    status, out, err = sql(warehouse, query, capsys, "--format", "json")
    assert (status, err) == (0, ""), err
    assert isinstance(json.loads(out), list)
    assert snapshot(warehouse) == before


def test_the_sealed_connection_has_no_spill_folder_and_locked_settings(warehouse: Path) -> None:
    con = open_warehouse(warehouse)
    try:
        settings = dict(con.execute(
            "select name, value from duckdb_settings() where name in "
            "('temp_directory', 'allowed_directories', 'lock_configuration', "
            "'enable_external_access', 'access_mode')").fetchall())
    finally:
        con.close()
    assert settings == {"temp_directory": "", "allowed_directories": "[]",
                        "lock_configuration": "true", "enable_external_access": "false",
                        "access_mode": "read_only"}


def test_the_installed_command_refuses_overwriting_the_warehouse(warehouse: Path) -> None:
    before = snapshot(warehouse)
    result = copydesk("sql", copy_out("").replace("{w}", str(warehouse / WAREHOUSE_FILE)),
                      "--warehouse", str(warehouse), cwd=warehouse.parent)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(READS_ONLY) and result.stderr.count("\n") == 1
    assert snapshot(warehouse) == before


CONTROLS = "a\x00b\x1b[31mc\r\n\td\x9b2J\x7fe\x07"
CONTROLS_SQL = ("select 'a' || chr(0) || 'b' || chr(27) || '[31mc' || chr(13) || chr(10) || chr(9) "
                "|| 'd' || chr(155) || '2J' || chr(127) || 'e' || chr(7) as \"col\x1bumn\"")


def raw_controls(text: str, allowed: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in allowed}


def test_a_table_shows_every_control_character_as_an_escape(warehouse: Path, capsys) -> None:
    status, out, _ = sql(warehouse, CONTROLS_SQL, capsys)
    assert status == 0 and raw_controls(out, "\n") == set() and out.count("\n") == 4
    assert out.split("\n")[0].strip() == "col\\x1bumn"
    assert out.split("\n")[2].strip() == "a\\x00b\\x1b[31mc\\r\\n\\td\\x9b2J\\x7fe\\x07"


def test_csv_keeps_newline_and_tab_in_a_quoted_field_and_escapes_other_controls(warehouse: Path,
                                                                                capsys) -> None:
    status, out, _ = sql(warehouse, CONTROLS_SQL, capsys, "--format", "csv")
    assert status == 0 and raw_controls(out, "\n\t") == set()
    assert list(csv.reader(io.StringIO(out))) == [["col\\x1bumn"],
                                                   ["a\\x00b\\x1b[31mc\\r\n\td\\x9b2J\\x7fe\\x07"]]


def test_json_escapes_every_control_character_and_reads_back_unchanged(warehouse: Path,
                                                                        capsys) -> None:
    status, out, _ = sql(warehouse, CONTROLS_SQL, capsys, "--format", "json")
    assert status == 0 and raw_controls(out, "\n") == set() and out.count("\n") == 3
    assert json.loads(out) == [{"col\x1bumn": CONTROLS}]
