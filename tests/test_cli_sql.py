"""`copydesk sql` against a real demo warehouse: output formats, refusals, and every README example."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from conftest import REPO
from test_cli import copydesk

from copydesk.cli import main
from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.lake import Lake
from copydesk.warehouse.query import MAX_CELL_CHARS, display_width, open_warehouse, run_query

pytestmark = pytest.mark.e2e
README = REPO / "README.md"
FOOTER = re.compile(r"^\((\d+) rows?(?: shown.*)?\)$")


def sql(warehouse: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run `copydesk sql` in this process; return its exit status, stdout and stderr."""
    status = main(["sql", *args, "--warehouse", str(warehouse)])
    out, err = capsys.readouterr()
    return status, out, err


def direct(warehouse: Path, query: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        con.execute("SET TimeZone = 'UTC'")
        return con.execute(query).fetchall()
    finally:
        con.close()


def table_rows(out: str) -> tuple[list[str], list[list[str]], int]:
    """Split table output into its header, its body rows (cells stripped) and the count in its footer."""
    lines = out.rstrip("\n").split("\n")
    footer = FOOTER.match(lines[-1])
    assert footer, lines[-1]
    header = [c.strip() for c in lines[0].split(" | ")]
    assert set(lines[1]) <= {"-", "+"}
    return header, [[c.strip() for c in line.split(" | ")] for line in lines[2:-1]], int(footer.group(1))


def test_a_table_has_a_header_aligned_columns_and_a_row_count(demo_warehouse: Path, capsys) -> None:
    status, out, err = sql(demo_warehouse, "select outlet, n_articles, wire_copy_share from outlet_summary "
                                           "order by outlet", capsys=capsys)
    assert (status, err) == (0, "")
    header, rows, count = table_rows(out)
    expected = direct(demo_warehouse, "select outlet, n_articles, wire_copy_share from outlet_summary order by outlet")
    assert header == ["outlet", "n_articles", "wire_copy_share"]
    assert count == len(rows) == len(expected) > 10
    assert [(r[0], int(r[1]), float(r[2])) for r in rows] == expected
    lines = out.split("\n")[:-2]
    assert len({line.index("|") for line in lines[2:]} | {lines[0].index("|")}) == 1
    assert len({len(line) for line in lines[2:]}) == 1  # numbers are right-aligned, so every row is full width
    assert out.endswith(f"({count} rows)\n")


def test_a_table_shows_null_cuts_long_cells_and_keeps_wide_characters_aligned(demo_warehouse: Path, capsys) -> None:
    query = ("select * from (values ('東京都', NULL, repeat('é', 100), 'two' || chr(10) || 'lines'), "
             "('Paris', 1, 'short', NULL)) as t(city, n, long_text, note)")
    status, out, _ = sql(demo_warehouse, query, capsys=capsys)
    assert status == 0
    _, rows, count = table_rows(out)
    assert count == 2
    assert rows[0][1] == "NULL" and rows[1][3] == "NULL"
    assert rows[0][2] == "é" * (MAX_CELL_CHARS - 1) + "…"
    assert rows[0][3] == "two\\nlines"
    lines = out.split("\n")
    assert display_width(lines[2].split(" | ")[0]) == display_width(lines[3].split(" | ")[0])


def test_csv_has_a_header_iso_times_and_empty_nulls(demo_warehouse: Path, capsys) -> None:
    query = "select story_id, headline, first_published_at, first_outlet, n_articles from story_summary order by story_id"
    status, out, _ = sql(demo_warehouse, query, "--format", "csv", "--max-rows", "0", capsys=capsys)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = direct(demo_warehouse, query)
    assert len(rows) == len(expected) > 100
    assert any(r["first_outlet"] == "" for r in rows) and any(r["first_published_at"] == "" for r in rows)
    for row, (story_id, headline, first, outlet, n) in zip(rows, expected):
        assert (row["story_id"], row["headline"] or None, row["first_outlet"] or None) == (story_id, headline, outlet)
        assert int(row["n_articles"]) == n
        if first is not None:
            parsed = datetime.fromisoformat(row["first_published_at"])
            assert parsed == first and parsed.utcoffset() == timedelta(0)
            assert "T" in row["first_published_at"]


def test_json_is_one_array_of_objects_with_iso_times(demo_warehouse: Path, capsys) -> None:
    status, out, _ = sql(demo_warehouse, "select * from story_summary order by story_id", "--format", "json",
                         "--max-rows", "0", capsys=capsys)
    assert status == 0
    rows = json.loads(out)
    expected = direct(demo_warehouse, "select * from story_summary order by story_id")
    assert isinstance(rows, list) and len(rows) == len(expected)
    columns = [c for (c,) in direct(demo_warehouse, "select column_name from information_schema.columns "
                                                    "where table_name = 'story_summary' order by ordinal_position")]
    for row, values in zip(rows, expected):
        assert list(row) == columns
        for column, value in zip(columns, values):
            if isinstance(value, datetime):
                assert datetime.fromisoformat(row[column]) == value and row[column].endswith("+00:00")
            else:
                assert row[column] == value
    assert len(out.strip().split("\n")) == len(rows) + 2  # "[", one line per row, "]"


def test_max_rows_cuts_the_result_and_says_so(demo_warehouse: Path, capsys) -> None:
    (total,), = direct(demo_warehouse, "select count(*) from articles")
    status, out, err = sql(demo_warehouse, "select article_id from articles", "--max-rows", "5", capsys=capsys)
    _, rows, count = table_rows(out)
    assert (status, count, len(rows), err) == (0, 5, 5, "")
    assert "--max-rows 0" in out.rsplit("\n", 2)[-2]
    status, out, err = sql(demo_warehouse, "select article_id from articles", "--max-rows", "5", "--format", "csv",
                           capsys=capsys)
    assert len(out.splitlines()) == 6 and "first 5 rows" in err
    status, out, err = sql(demo_warehouse, "select article_id from articles", "--max-rows", "0", "--format", "json",
                           capsys=capsys)
    assert len(json.loads(out)) == total and err == ""
    with pytest.raises(SystemExit) as exit_:
        main(["sql", "select 1", "--max-rows", "-3"])
    assert exit_.value.code == 2


def test_the_query_can_come_from_stdin(demo_warehouse: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("select count(*) as n\nfrom articles\n"))
    status, out, _ = sql(demo_warehouse, "-", "--format", "csv", capsys=capsys)
    assert status == 0 and out.splitlines() == ["n", str(direct(demo_warehouse, "select count(*) from articles")[0][0])]


@pytest.mark.parametrize("statement, refusal", [
    ("copy articles to '{tmp}/out.csv'", "runs only reads"),
    ("copy (select 1) to '{tmp}/out.parquet' (format parquet)", "runs only reads"),
    ("export database '{tmp}/out'", "runs only reads"),
    ("attach '{tmp}/out.duckdb' as other", "runs only reads"),
    ("select * from read_csv('/etc/hostname')", "reads the warehouse only"),
    ("select * from read_parquet('http://127.0.0.1:9/out.parquet')", "reads the warehouse only"),
    ("install httpfs", "runs only reads"),
    ("load httpfs", "runs only reads"),
    ("create table out as select 1 as one", "runs only reads"),
    ("insert into rejects (source_uri) values ('x')", "runs only reads"),
    ("delete from articles", "runs only reads"),
    ("drop table story_summary", "runs only reads"),
    ("set enable_external_access = true", "runs only reads"),
    ("select 1; set TimeZone = 'Europe/Berlin'", "not SET (statement 2)"),
    ("select * from enable_logging()", "settings are fixed"),
])
def test_writes_files_network_and_settings_are_refused(demo_warehouse: Path, tmp_path: Path, capsys,
                                                        statement: str, refusal: str) -> None:
    before = direct(demo_warehouse, "select (select count(*) from articles), (select count(*) from story_summary)")
    status, out, err = sql(demo_warehouse, statement.format(tmp=tmp_path), capsys=capsys)
    assert status == 1 and out == ""
    assert err.startswith("copydesk: refused: ") and refusal in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    assert direct(demo_warehouse, "select (select count(*) from articles), (select count(*) from story_summary)") \
        == before


def test_a_bad_query_or_a_missing_warehouse_is_one_line_and_exit_1(demo_warehouse: Path, tmp_path: Path,
                                                                    capsys) -> None:
    status, out, err = sql(demo_warehouse, "selec headline from story_summary", capsys=capsys)
    assert (status, out) == (1, "") and err.startswith("copydesk: query failed: Parser Error") and err.count("\n") == 1
    status, out, err = sql(demo_warehouse, "select nothing from story_summary", capsys=capsys)
    assert status == 1 and err.startswith("copydesk: query failed: Binder Error") and err.count("\n") == 1
    status, out, err = sql(tmp_path / "nowhere", "select 1", capsys=capsys)
    assert (status, out) == (1, "") and "no warehouse at" in err and err.count("\n") == 1
    assert not (tmp_path / "nowhere").exists()
    status, out, err = sql(demo_warehouse, "  ", capsys=capsys)
    assert (status, err) == (1, "copydesk: no query given\n")


def test_a_query_sees_a_whole_warehouse_while_a_run_swaps_in_a_new_one(demo_warehouse: Path, tmp_path: Path) -> None:
    build_warehouse(Lake(tmp_path / "empty-lake"), tmp_path)  # an empty warehouse, as after a first empty run
    reader = open_warehouse(tmp_path)
    try:
        assert run_query(reader, "select count(*) from articles").rows == [(0,)]
        shutil.copytree(demo_warehouse / "lake", tmp_path / "lake")
        report = build_warehouse(Lake(tmp_path / "lake"), tmp_path)  # a run rebuilds and renames over it
        assert run_query(reader, "select count(*) from articles").rows == [(0,)]  # the open reader keeps its copy
    finally:
        reader.close()
    newer = open_warehouse(tmp_path)
    try:
        assert run_query(newer, "select count(*) from articles").rows == [(report.row_counts["articles"],)]
        assert report.row_counts["articles"] > 0
    finally:
        newer.close()


def readme_sql_examples() -> list[list[str]]:
    """Every `copydesk sql` command in the README's bash blocks, as argv (multi-line quotes joined)."""
    examples = []
    for block in re.findall(r"^```bash\n(.*?)^```", README.read_text(), flags=re.S | re.M):
        lines = block.splitlines()
        while lines:
            command = lines.pop(0)
            if not command.startswith("copydesk sql "):
                continue
            while True:
                try:
                    argv = shlex.split(command, comments=True)
                    break
                except ValueError:  # an open quote: the query goes on on the next line
                    command += "\n" + lines.pop(0)
            examples.append(argv)
    return examples


def test_the_readme_has_examples_for_the_analysts_questions() -> None:
    examples = readme_sql_examples()
    assert len(examples) >= 6
    queries = " ".join(argv[2] for argv in examples)
    assert {"story_summary", "outlet_summary", "articles", "first_outlet", "wire_copy_share"} <= set(
        re.findall(r"\w+", queries))


@pytest.mark.parametrize("argv", readme_sql_examples(), ids=lambda argv: " ".join(argv[2].split())[:50])
def test_every_readme_example_runs_on_the_demo_warehouse(demo_warehouse: Path, capsys, argv: list[str]) -> None:
    status, out, err = sql(demo_warehouse, *argv[2:], capsys=capsys)
    assert (status, err) == (0, ""), err
    assert out.strip()
    status, out, err = sql(demo_warehouse, *argv[2:], "--format", "json", "--max-rows", "0", capsys=capsys)
    assert status == 0 and len(json.loads(out)) >= 1, "the example answers nothing on the demo warehouse"


def test_the_installed_command_reads_and_refuses_as_a_process(demo_warehouse: Path, tmp_path: Path) -> None:
    result = copydesk("sql", "select count(*) as n from outlet_summary", "--warehouse", str(demo_warehouse),
                      "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.splitlines()[0] == "n" and int(result.stdout.splitlines()[1]) > 0
    result = copydesk("sql", f"copy articles to '{tmp_path}/out.csv'", "--warehouse", str(demo_warehouse),
                      cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("copydesk: refused:") and result.stderr.count("\n") == 1
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / ".prefect").exists()


def test_a_reader_that_stops_early_gets_no_traceback(demo_warehouse: Path) -> None:
    script = Path(sys.executable).with_name("copydesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "copydesk.cli"]
    process = subprocess.Popen([*command, "sql", "select * from articles, range(20)", "--max-rows", "0",
                                "--format", "csv", "--warehouse", str(demo_warehouse)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"article_id,")
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1 and stderr == ""
