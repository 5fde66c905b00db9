"""Run the SQL models in `sql/` in dependency order, then the SQL data tests.

A model is one `SELECT` in one file, named like the relation it builds: `staging/` and `intermediate/`
models become views, `marts/` models become tables. A model depends on every other model it names; the runner orders them so that each is
built after what it reads. A data test (`tests/<name>.sql`) is a query
that must return no rows; any row it returns is an offending row, and the run fails showing them.

Every relation the warehouse exposes is described in a `<name>.yml` beside its model (the tables loaded
from the lake in `sources/`): a `description` and one per column under `columns`. `inherits: <relation>`
lets a model that passes columns through keep their descriptions from the relation it reads. The runner
turns them into `COMMENT ON` statements; the data test `catalog_described` fails the build when a table,
view or column of the warehouse has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb
import yaml

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
MATERIALIZATION = {"staging": "VIEW", "intermediate": "VIEW", "marts": "TABLE"}
TESTS = "tests"
SOURCES = "sources"      # descriptions of the tables loaded from the lake (they have no model)
OFFENDING_ROWS_SHOWN = 5

CATALOG = "database_name = current_database()"
RELATIONS = (f"select table_name, 'TABLE' from duckdb_tables() where {CATALOG} "
             f"union all select view_name, 'VIEW' from duckdb_views() where {CATALOG} and not internal")
# The comments of `inherits` on the columns the described relation has too.
INHERITED_COMMENTS = (f"select c.column_name, p.comment from duckdb_columns() as c "
                      f"join duckdb_columns() as p on p.column_name = c.column_name and p.{CATALOG} "
                      f"where c.{CATALOG} and c.table_name = ? and p.table_name = ? and p.comment is not null")


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str

    @property
    def materialization(self) -> str:
        return MATERIALIZATION[self.layer]


@dataclass(frozen=True)
class Description:
    name: str
    layer: str
    text: str
    columns: dict[str, str]
    inherits: str | None = None


class ModelError(RuntimeError):
    """A model could not be built, or the models depend on each other in a cycle."""


class DataTestFailure(RuntimeError):
    """A data test returned rows: the message (one line) names the test and shows the first offending rows."""


def _read_sql(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip().rstrip(";")


def _without_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def load_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    """Read the models and order them so that each comes after the models it reads (comments aside)."""
    models = {p.stem: Model(p.stem, layer, _read_sql(p))
              for layer in MATERIALIZATION for p in sorted((sql_dir / layer).glob("*.sql"))}
    code = {name: _without_comments(m.sql) for name, m in models.items()}
    graph = {name: {other for other in models if other != name and re.search(rf"\b{other}\b", code[name])}
             for name in models}
    try:
        return [models[name] for name in TopologicalSorter(graph).static_order()]
    except CycleError as err:
        raise ModelError(f"models depend on each other in a cycle: {err.args[1]}") from err


def run_models(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Build every model; return their names in the order built."""
    built = []
    for model in load_models(sql_dir):
        try:
            con.execute(f"CREATE OR REPLACE {model.materialization} {model.name} AS\n{model.sql}")
        except duckdb.Error as err:
            raise ModelError(f"model {model.layer}/{model.name}.sql failed: {err}") from err
        built.append(model.name)
    return built


def _fold(text: str) -> str:
    return " ".join(text.split())


def _description(path: Path, layer: str) -> Description:
    """Read one `<relation>.yml`: `description`, `columns: {name: description}`, optional `inherits`."""
    where = f"{layer}/{path.name}"
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ModelError(f"{where} is not valid YAML: {err}") from err
    doc = doc if isinstance(doc, dict) else {}
    columns = doc.get("columns") or {}
    texts = [doc.get("description"), *columns.values()] if isinstance(columns, dict) else [None]
    if not all(isinstance(text, str) and text.strip() for text in texts):
        raise ModelError(f"{where} needs a `description` and a non-empty description for each of its `columns`")
    if not isinstance(doc.get("inherits", ""), str):
        raise ModelError(f"{where}: `inherits` names one relation")
    return Description(path.stem, layer, _fold(doc["description"]),
                       {str(column): _fold(text) for column, text in columns.items()}, doc.get("inherits"))


def load_descriptions(sql_dir: Path = SQL_DIR) -> list[Description]:
    """Read the descriptions: the loaded tables first, then the models layer by layer."""
    return [_description(p, layer)
            for layer in (SOURCES, *MATERIALIZATION) for p in sorted((sql_dir / layer).glob("*.yml"))]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def describe_relations(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Write every description into the catalog as `COMMENT ON`, in one transaction; return the relations."""
    kinds = dict(con.execute(RELATIONS).fetchall())
    described = []
    con.begin()
    try:
        for doc in load_descriptions(sql_dir):
            _describe(con, doc, kinds)
            described.append(doc.name)
    except BaseException:
        con.rollback()
        raise
    con.commit()
    return described


def _describe(con: duckdb.DuckDBPyConnection, doc: Description, kinds: dict[str, str]) -> None:
    where = f"{doc.layer}/{doc.name}.yml"
    if doc.name not in kinds:
        raise ModelError(f"{where} describes {doc.name}, which the warehouse does not have")
    columns = doc.columns
    if doc.inherits:
        if doc.inherits not in kinds:
            raise ModelError(f"{where} inherits from {doc.inherits}, which the warehouse does not have")
        columns = dict(con.execute(INHERITED_COMMENTS, [doc.name, doc.inherits]).fetchall()) | columns
    try:
        con.execute(f"comment on {kinds[doc.name]} {doc.name} is {_literal(doc.text)}")
        for column, text in columns.items():
            con.execute(f"comment on column {doc.name}.{column} is {_literal(text)}")
    except duckdb.Error as err:
        raise ModelError(f"{where} cannot be applied: {err}") from err


def run_data_test(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Run one data test; raise `DataTestFailure` naming it with its first offending rows."""
    try:
        relation = con.sql(_read_sql(path))
        rows = relation.fetchall()
    except duckdb.Error as err:
        raise DataTestFailure(f"data test {path.stem} could not run: {err}") from err
    if rows:
        shown = "; ".join(str(dict(zip(relation.columns, r))) for r in rows[:OFFENDING_ROWS_SHOWN])
        raise DataTestFailure(f"data test {path.stem} failed: {len(rows)} offending rows, first: {shown}")


def data_tests(sql_dir: Path = SQL_DIR) -> list[Path]:
    """The data test files, in the order they run."""
    return sorted((sql_dir / TESTS).glob("*.sql"))


def run_data_tests(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Run every data test; raise `DataTestFailure` naming the first failing test with its offending rows."""
    passed = []
    for path in data_tests(sql_dir):
        run_data_test(con, path)
        passed.append(path.stem)
    return passed
