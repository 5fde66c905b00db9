"""Run an analyst's query against the warehouse, read-only, and write its rows as a table, CSV or JSON.

The connection can only read the warehouse file: it is opened read-only, with external access
off (no files, no network, no extensions installed or loaded), no temporary directory to spill
to, and its configuration locked, so no statement can turn any of that back on. An analyst's SQL
runs only if every statement in it is a read (SELECT and its spellings, or EXPLAIN of one):
DuckDB still lets a sealed connection write its own database's paths (`COPY ... TO
'warehouse.duckdb'`), so every other statement type is refused before it runs. Times are in UTC.
A run swaps a new warehouse in atomically (rename), so a query sees either the previous
warehouse or the new one, whole; it never waits for a run. Control characters in the output are
escaped.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TextIO

import duckdb

from copydesk.warehouse.build import WAREHOUSE_FILE
from copydesk.wording import CONTROL_CHARS, CONTROL_ESCAPES, printable

FORMATS = ("table", "csv", "json")
DEFAULT_MAX_ROWS = 1_000        # rows written unless --max-rows says otherwise; 0 means all
MAX_CELL_CHARS = 60             # a longer table cell is cut to this many characters, ending in "…"
NULL_TEXT = "NULL"              # how a table shows a NULL (CSV writes an empty field, JSON null)
# Settings fixed at connect time. enable_external_access cannot be switched back on while the database is
# open; lock_configuration (set last, after the time zone) refuses every later SET.
READ_ONLY_CONFIG = {
    "access_mode": "READ_ONLY",
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "temp_directory": "",  # no spilling next to the warehouse: a query beyond memory fails instead
}
# Statements that run: SELECT is also how DuckDB parses FROM-first queries, VALUES, TABLE,
# DESCRIBE, SHOW, SUMMARIZE and PIVOT with an IN list. EXPLAIN [ANALYZE] runs only of a SELECT
# (EXPLAIN ANALYZE executes it). Every other type is refused, and so is a type DuckDB cannot name.
READ_STATEMENTS = "SELECT, FROM, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN [ANALYZE] of one"
EXPLAIN_PREFIX = re.compile(r"\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?", re.IGNORECASE)
# Control characters (C0, DEL, C1) reach the terminal as visible escapes. CSV keeps newline and
# tab, which a quoted field carries as they are; JSON writes \u escapes (json.dumps leaves DEL and
# C1 raw).
CSV_ESCAPES = {code: text for code, text in CONTROL_ESCAPES.items() if chr(code) not in "\n\t"}
JSON_ESCAPES = {code: f"\\u{code:04x}" for code in CONTROL_CHARS if code >= 0x7F}


class QueryError(RuntimeError):
    """The query could not run: no warehouse, a refused statement, or a SQL error (one line)."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    more: bool  # the query returned more rows than were fetched


def open_warehouse(warehouse_dir: Path) -> duckdb.DuckDBPyConnection:
    """Open `DIR/warehouse.duckdb` for reading only, in UTC, with every way out of the file closed."""
    path = warehouse_dir / WAREHOUSE_FILE
    if not path.is_file():
        raise QueryError(f"no warehouse at {path}; build one with `copydesk run --warehouse {warehouse_dir}`")
    try:
        con = duckdb.connect(str(path), config=READ_ONLY_CONFIG)
    except duckdb.Error as err:
        raise QueryError(f"cannot open {path}: {first_line(err)}") from None
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET lock_configuration = true")
    return con


def run_query(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int = DEFAULT_MAX_ROWS) -> QueryResult:
    """Run `sql` (the last statement's rows are the result); fetch at most `max_rows` rows, 0 for all."""
    statements = read_statements(con, sql)
    try:
        for statement in statements[:-1]:
            con.execute(statement)
        cursor = con.execute(statements[-1])
        if cursor.description is None:  # a statement without a result set
            return QueryResult([], [], False)
        columns = [d[0] for d in cursor.description]
        if not max_rows:
            return QueryResult(columns, cursor.fetchall(), False)
        rows = cursor.fetchmany(max_rows + 1)
    except duckdb.Error as err:
        raise QueryError(describe_error(err)) from None
    return QueryResult(columns, rows[:max_rows], len(rows) > max_rows)


def read_statements(con: duckdb.DuckDBPyConnection, sql: str) -> list[duckdb.Statement]:
    """Parse `sql` into its statements; refuse it unless every one of them only reads."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as err:
        raise QueryError(describe_error(err)) from None
    if not statements:
        raise QueryError("no query given")
    for number, statement in enumerate(statements, 1):
        if not is_read(con, statement):
            kind = statement_type(statement)
            name = ("EXPLAIN of anything but a SELECT" if kind == duckdb.StatementType.EXPLAIN
                    else kind.name if kind else "a statement of unknown type")
            where = f" (statement {number})" if len(statements) > 1 else ""
            raise QueryError(f"refused: copydesk sql runs only reads ({READ_STATEMENTS}), "
                             f"not {name}{where}")
    return statements


def statement_type(statement: duckdb.Statement) -> duckdb.StatementType | None:
    """Name a statement's type; None for a type the Python API cannot name (UPDATE EXTENSIONS)."""
    try:
        return statement.type
    except ValueError:
        return None


def is_read(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> bool:
    """Say whether a statement is a SELECT, or EXPLAIN [ANALYZE] followed by the text of one."""
    kind = statement_type(statement)
    if kind == duckdb.StatementType.SELECT:
        return True
    prefix = EXPLAIN_PREFIX.match(statement.query)
    if kind != duckdb.StatementType.EXPLAIN or prefix is None:
        return False
    try:  # other text after the prefix (options, comments) does not parse as one SELECT: refused
        explained = con.extract_statements(statement.query[prefix.end():])
    except duckdb.Error:
        return False
    return len(explained) == 1 and statement_type(explained[0]) == duckdb.StatementType.SELECT


def describe_error(err: duckdb.Error) -> str:
    """Say in one line why DuckDB refused or failed a statement."""
    message = first_line(err)
    if isinstance(err, duckdb.PermissionException):
        return f"refused: copydesk sql reads the warehouse only (no files, network or extensions): {message}"
    if "read-only mode" in message:  # a SELECT can hold a DELETE: WITH x AS (DELETE ... RETURNING)
        return f"refused: the warehouse is open read-only: {message}"
    if "configuration has been locked" in message:
        return f"refused: settings are fixed for copydesk sql (times are in UTC): {message}"
    return f"query failed: {message}"


def first_line(err: BaseException) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return lines[0] if lines else type(err).__name__


def format_table(result: QueryResult) -> str:
    """Align the rows under a header, numbers to the right, and end with a row count."""
    if not result.columns:
        return "(statement ran; no rows returned)"
    cells = [[table_cell(v) for v in row] for row in result.rows]
    numeric = [bool(result.rows) and all(isinstance(row[i], (int, float, Decimal)) and not isinstance(row[i], bool)
                                         for row in result.rows if row[i] is not None)
               for i in range(len(result.columns))]
    header = [table_cell(c) for c in result.columns]
    widths = [max([display_width(h)] + [display_width(row[i]) for row in cells]) for i, h in enumerate(header)]
    lines = [" " + " | ".join(pad(h, w, False) for h, w in zip(header, widths)),
             "-" + "-+-".join("-" * w for w in widths) + "-"]
    lines += [" " + " | ".join(pad(c, w, right) for c, w, right in zip(row, widths, numeric)) for row in cells]
    count = len(result.rows)
    footer = f"({count} row{'' if count == 1 else 's'})"
    if result.more:
        footer = f"({count} rows shown; the query returned more: --max-rows 0 shows all)"
    return "\n".join(line.rstrip() for line in lines) + "\n" + footer


def table_cell(value: object) -> str:
    """Show one value on one line: NULL spelled out, control characters escaped, long text cut."""
    if value is None:
        return NULL_TEXT
    text = printable(text_value(value))
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1] + "…"


def display_width(text: str) -> int:
    """Count terminal columns: wide East Asian characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def text_value(value: object) -> str:
    """Write a value as text: ISO 8601 for times, JSON for nested values."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(json_value(value), ensure_ascii=False)
    return str(value)


def write_csv(result: QueryResult, out: TextIO) -> None:
    """Write a header and the rows as CSV (RFC 4180 quoting), NULL as an empty field.

    Times are ISO 8601. Control characters other than newline and tab are written as escapes
    (`\\r`, `\\x00`)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.translate(CSV_ESCAPES) for column in result.columns])
    for row in result.rows:
        fields = ["" if v is None else v.isoformat() if isinstance(v, (datetime, date, time))
                  else text_value(v) for v in row]
        writer.writerow([field.translate(CSV_ESCAPES) for field in fields])


def write_json(result: QueryResult, out: TextIO) -> None:
    """Write one JSON array of objects, one row per line.

    Times are ISO 8601 strings, NaN and infinities null. Every control character is a JSON escape
    (`\\u009b`), so the values read back unchanged."""
    out.write("[")
    for n, row in enumerate(result.rows):
        out.write(",\n" if n else "\n")
        out.write(json.dumps(dict(zip(result.columns, (json_value(v) for v in row))),
                             ensure_ascii=False).translate(JSON_ESCAPES))
    out.write("\n]\n" if result.rows else "]\n")


def json_value(value: object) -> object:
    """Turn a DuckDB value into what JSON can hold."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return [json_value(v) for v in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)  # intervals, UUIDs, blobs


WRITERS = {"csv": write_csv, "json": write_json}
