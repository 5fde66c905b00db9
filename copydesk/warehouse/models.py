"""Run the SQL models in `sql/` in dependency order, then the SQL data tests.

A model is one `SELECT` in one file, named like the relation it builds: `staging/` and `intermediate/`
models become views, `marts/` models become tables. A model depends on every other model it names; the
runner orders them so that each is built after what it reads. A data test (`tests/<name>.sql`) is a query
that must return no rows; any row it returns is an offending row, and the run fails showing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
MATERIALIZATION = {"staging": "VIEW", "intermediate": "VIEW", "marts": "TABLE"}
TESTS = "tests"
OFFENDING_ROWS_SHOWN = 5


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str

    @property
    def materialization(self) -> str:
        return MATERIALIZATION[self.layer]


class ModelError(RuntimeError):
    """A model could not be built, or the models depend on each other in a cycle."""


class DataTestFailure(RuntimeError):
    """A data test returned rows: the message (one line) names the test and shows the first offending rows."""


def _read_sql(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip().rstrip(";")


def load_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    """Read the models and order them so that each comes after the models it reads."""
    models = {p.stem: Model(p.stem, layer, _read_sql(p))
              for layer in MATERIALIZATION for p in sorted((sql_dir / layer).glob("*.sql"))}
    graph = {name: {other for other in models if other != name and re.search(rf"\b{other}\b", m.sql)}
             for name, m in models.items()}
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


def run_data_tests(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Run every data test; raise `DataTestFailure` naming the first failing test with its offending rows."""
    passed = []
    for path in sorted((sql_dir / TESTS).glob("*.sql")):
        try:
            relation = con.sql(_read_sql(path))
            rows = relation.fetchall()
        except duckdb.Error as err:
            raise DataTestFailure(f"data test {path.stem} could not run: {err}") from err
        if rows:
            shown = "; ".join(str(dict(zip(relation.columns, r))) for r in rows[:OFFENDING_ROWS_SHOWN])
            raise DataTestFailure(f"data test {path.stem} failed: {len(rows)} offending rows, first: {shown}")
        passed.append(path.stem)
    return passed
